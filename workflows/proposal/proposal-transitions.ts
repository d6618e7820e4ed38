import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { Actor, Role } from '#kernel';
import { machineFor } from './machine-registry.js';
import type { ProposalMachine } from './proposal-v1.machine.js';
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

/** Pure helpers over the machine: start, restore, step, and ask what may happen next. */

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

/**
 * The stages in which a holder of `role` (in `unitId` for unit roles) has something to do: the inbox.
 * Derived from the machine rather than listed, so a new stage shows up in the right inboxes by itself.
 */
export function stagesAwaiting(machineVersion: number, roles: Role[], unitId: string | null): ProposalState[] {
  const machine = machineFor(machineVersion);
  const probeContext = { unitId } as ProposalInput;
  const actor: Actor = { id: 'probe', roles, unitId };
  return PROPOSAL_STATES.filter((state) => {
    const snapshot = machine.resolveState({ value: state, context: probeContext as never });
    return allowedEventTypes(snapshot, actor).length > 0;
  });
}
