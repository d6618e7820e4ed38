import { PERSON_ROLES, type Actor, type Role } from '#kernel';
import { machineFor } from './machine-registry.js';
import { PROPOSAL_STATES, type ProposalEvent, type ProposalEventType, type ProposalInput, type ProposalState } from './proposal.types.js';

export interface MachineGraphTransition {
  from: ProposalState;
  /** Equal to `from` for events that change no stage (the timers). */
  to: ProposalState;
  event: ProposalEventType;
  /** Who may send it, asked of the machine's own guards (a unit role acting in its own unit). */
  roles: Role[];
}

/** A machine version as a graph: what the console draws, derived from the definition rather than redrawn by hand. */
export interface MachineGraph {
  version: number;
  initial: ProposalState;
  states: { id: ProposalState; final: boolean }[];
  transitions: MachineGraphTransition[];
}


/**
 * Every stage of `version` and every event it accepts, with the roles whose holders the guards let through.
 * The roles are found by asking the machine (`can`) with one probe actor per role, so a guard changed in the
 * definition changes the diagram with it.
 */
export function machineGraph(version: number): MachineGraph {
  const machine = machineFor(version);
  const unitId = 'probe-unit';
  const context = { unitId } as ProposalInput;
  const roles: Role[] = [...PERSON_ROLES, 'system'];
  const states = PROPOSAL_STATES.filter((state) => state in machine.states);
  const transitions: MachineGraphTransition[] = [];
  for (const from of states) {
    const node = machine.states[from]!;
    const snapshot = machine.resolveState({ value: from, context: context as never });
    for (const event of [...node.ownEvents] as ProposalEventType[]) {
      const allowed = roles.filter((role) => {
        const actor: Actor = { id: 'probe', roles: [role], unitId };
        return snapshot.can({ type: event, actor, at: '' } as ProposalEvent);
      });
      // The machine's own resolved transitions, not its config: a guarded list is read the same as a single one.
      const target = node.on[event]?.[0]?.target?.[0]?.key as ProposalState | undefined;
      transitions.push({ from, to: target ?? from, event, roles: allowed });
    }
  }
  return {
    version,
    initial: machine.config.initial as ProposalState,
    states: states.map((id) => ({ id, final: machine.states[id]!.type === 'final' || machine.states[id]!.ownEvents.length === 0 })),
    transitions,
  };
}
