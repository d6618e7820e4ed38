import { eventHash } from '#audit';
import type { Actor } from '#kernel';
import type { LoggedEvent, ProposalRecord } from './proposal.records.js';

/** What a new line says; where it goes in the chain (seq, prevHash, version) follows from the proposal's head. */
export interface NextLine {
  type: string;
  actor: Actor;
  at: string;
  payload: Record<string, unknown>;
  /** The stage the proposal is in once the line is written. */
  state: string;
  /** The machine version the line is written under; the proposal's own unless it is moving to another (MIGRATED). */
  machineVersion?: number;
}

/** Seals the line that follows `current`'s last one: every line of a proposal's log is made here. */
export function sealNextLine(current: ProposalRecord, line: NextLine): LoggedEvent {
  const body = {
    proposalId: current.id,
    seq: current.lastSeq + 1,
    type: line.type,
    actor: line.actor,
    at: line.at,
    payload: line.payload,
    machineVersion: line.machineVersion ?? current.machineVersion,
    state: line.state,
  };
  return { ...body, prevHash: current.lastHash, hash: eventHash(current.lastHash, body) };
}
