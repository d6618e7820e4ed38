import { DomainError } from '#kernel';
import type { ProposalContext } from '#workflows/proposal';
import type { AuditLog } from '../audit-log.port.js';
import { firstUnsoundIndex } from '../chain-verifier.js';
import { replaysToStored, replayTo, type ReplayFailure, type ReplayStop } from '../proposal-replay.js';

/** docs/architecture.md `GET /api/proposals/:id/replay`: the proposal as it was, and whether the record can be trusted. */
export interface ProposalReplayView {
  proposalId: string;
  /** The last event folded in (0: the stop came before the proposal existed). */
  seq: number;
  /** When that event happened. */
  at: string | null;
  state: string | null;
  context: ProposalContext | null;
  machineVersion: number | null;
  /** The hash chain from the first event up to `seq` is intact: nothing in it was edited, moved or removed. */
  chainValid: boolean;
  /** Replaying every event, not only up to `seq`, gives exactly the snapshot the row holds now. */
  matchesStored: boolean;
  /** Events in the whole log, so that a client can offer every step (a slider, a list). */
  events: number;
  failure: ReplayFailure | null;
}

/** Folds one proposal's log to a point in its history, for auditors (read-only). */
export class ReplayProposalQuery {
  constructor(private readonly auditLog: AuditLog) {}

  async execute(proposalId: string, stop: ReplayStop = {}): Promise<ProposalReplayView> {
    const { head, events } = await this.auditLog.proposalLog(proposalId);
    if (!head && events.length === 0) {
      throw new DomainError('NOT_FOUND', `Proposal ${proposalId} does not exist`, { id: proposalId });
    }
    const lastSeq = events.at(-1)?.seq ?? 0;
    if (stop.seq !== undefined && stop.seq > lastSeq) {
      throw new DomainError('VALIDATION_FAILED', `The log of this proposal ends at seq ${lastSeq}`, {
        errors: [{ field: 'seq', message: `seq must be between 1 and ${lastSeq}` }],
      });
    }
    const replayed = replayTo(events, stop);
    const reached = events.find((event) => event.seq === replayed.seq);
    return {
      proposalId,
      seq: replayed.seq,
      at: reached?.at ?? null,
      state: replayed.state,
      context: replayed.context,
      machineVersion: replayed.machineVersion,
      // The hash chain from the first event up to the one reached: nothing in it edited, moved or removed.
      chainValid: firstUnsoundIndex(proposalId, events.filter((event) => event.seq <= replayed.seq)) === -1,
      matchesStored: head !== null && replaysToStored(events, head.snapshot as { value: unknown; context: unknown }),
      events: events.length,
      failure: replayed.failure,
    };
  }
}
