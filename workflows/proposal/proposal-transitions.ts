import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { Actor, Role } from '#kernel';
import { MACHINE_VERSIONS, machineFor, type ProposalMachine } from './machine-registry.js';
import {
  PERSON_EVENT_TYPES,
  PROPOSAL_STATES,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalInput,
  type ProposalState,
  type StoredSnapshot,
} from './proposal.types.js';

export type ProposalSnapshot = SnapshotFrom<ProposalMachine>;

/**
 * Pure helpers over the machine: start, restore, step, and ask what may happen next. Only XState's public
 * pure functions are used (`initialTransition`, `transition`, `machine.resolveState`): each of the first two
 * builds a fresh inert actor per call, which costs more than the step itself: the price of relying on
 * nothing XState does not document.
 */

export function startProposal(machineVersion: number, input: ProposalInput): StoredSnapshot {
  const [snapshot] = initialTransition(machineFor(machineVersion), input);
  return toStored(snapshot);
}

export function restore(machineVersion: number, stored: StoredSnapshot): ProposalSnapshot {
  return machineFor(machineVersion).resolveState({ value: stored.value, context: stored.context });
}

export function toStored(snapshot: ProposalSnapshot): StoredSnapshot {
  return { value: snapshot.value as ProposalState, context: snapshot.context };
}

/** Applies one event; the actions the machine asks for are returned, never executed here. */
export function step(machineVersion: number, snapshot: ProposalSnapshot, event: ProposalEvent) {
  const [next, actions] = transition(machineFor(machineVersion), snapshot, event);
  return { next, actions };
}

/** Event types the current stage accepts from anyone, before asking who is acting. */
export function acceptedEventTypes(snapshot: ProposalSnapshot): ProposalEventType[] {
  const node = snapshot.machine.states[snapshot.value as string];
  return node ? ([...node.ownEvents] as ProposalEventType[]) : [];
}

/**
 * The person events this actor may send now. Guards only look at the actor and the context, so a probe event
 * carrying the actor answers the question without any payload.
 */
export function allowedEventTypes(snapshot: ProposalSnapshot, actor: Actor): ProposalEventType[] {
  const accepted = new Set(acceptedEventTypes(snapshot));
  return PERSON_EVENT_TYPES.filter(
    (type) => accepted.has(type) && snapshot.can({ type, actor, at: '' } as ProposalEvent),
  );
}

/** Events that end a proposal rather than move it on: being allowed one alone does not put a stage in an inbox. */
const CLOSING_EVENT_TYPES: readonly ProposalEventType[] = ['REJECT', 'WITHDRAW'];

/**
 * The stages in which a holder of `role` (in `unitId` for unit roles) has something to do: the inbox.
 * Derived from the machines rather than listed, so a new stage shows up in the right inboxes by itself. The
 * union runs over every version up to `machineVersion`, because proposals on older versions are still open
 * until migrated. A stage where the role may only reject or withdraw (home affairs while the unit gathers
 * missing documents) is waiting on someone else.
 */
export function stagesAwaiting(machineVersion: number, roles: Role[], unitId: string | null): ProposalState[] {
  const probeContext = { unitId } as ProposalInput;
  const actor: Actor = { id: 'probe', roles, unitId };
  const awaits = (machine: ProposalMachine, state: ProposalState) => {
    if (!(state in machine.states)) return false;
    const snapshot = machine.resolveState({ value: state, context: probeContext as never });
    return allowedEventTypes(snapshot, actor).some((type) => !CLOSING_EVENT_TYPES.includes(type));
  };
  if (!MACHINE_VERSIONS.includes(machineVersion)) throw new Error(`No proposal machine version ${machineVersion} is registered`);
  const machines = MACHINE_VERSIONS.filter((version) => version <= machineVersion).map(machineFor);
  return PROPOSAL_STATES.filter((state) => machines.some((machine) => awaits(machine, state)));
}
