/**
 * The audit API's answers as the console reads them. Written out here rather than imported: libs/audit pulls in
 * node:crypto and the machines, which have no place in a browser chunk. Each interface names the server type it
 * mirrors, so a change there can be followed here.
 */
import type { ProposalContext } from '#workflows/proposal';

/** The machine's own context (a type only: nothing of the machine reaches the browser), as a step replays it. */
export type ReplayContext = Partial<ProposalContext> &
  Pick<ProposalContext, 'proposalId' | 'escalation' | 'late' | 'lateRule' | 'lastReason' | 'vote' | 'decision' | 'submittedAt' | 'forwardedAt'> & {
    [key: string]: unknown;
  };

/** libs/audit/src/proposal-replay.ts ReplayFailure: the line the machine could not replay. */
export interface ReplayFailure {
  seq: number;
  message: string;
}

/** libs/audit/src/use-cases/replay-proposal.query.ts ProposalReplayView (GET /api/proposals/:id/replay). */
export interface ProposalReplayView {
  proposalId: string;
  /** The last event folded in; lower than the seq asked for when replay failed on the way. */
  seq: number;
  at: string | null;
  state: string | null;
  context: ReplayContext | null;
  machineVersion: number | null;
  /** The hash chain from the first event up to `seq` is intact. */
  chainValid: boolean;
  /** Replaying the whole log, not only up to `seq`, gives the snapshot the row holds now. */
  matchesStored: boolean;
  /** Events in the whole log. */
  events: number;
  failure: ReplayFailure | null;
}

/** libs/audit/src/chain-verifier.ts ChainBreakReason, plus checkpoint-comparison.ts's CheckpointBreakReason. */
export type BreakReason =
  | 'edited'
  | 'missing'
  | 'reordered'
  | 'inserted'
  | 'snapshot_mismatch'
  | 'replay_failed'
  | 'rewritten'
  | 'truncated'
  | 'deleted'
  | 'backdated'
  | 'checkpoint_mismatch';

/**
 * libs/audit/src/log-verifier.ts LogBreak = ChainBreak | CheckpointBreak. A checkpoint mismatch that only the
 * whole log can be blamed for has no proposal and no seq.
 */
export interface LogBreak {
  proposalId: string | null;
  seq: number | null;
  reason: BreakReason;
  detail?: string;
  /** A checkpoint difference: the proposal's head as the checkpoint recorded it, and what the log holds now. */
  recorded?: { seq: number; hash: string } | null;
  now?: { seq: number; hash: string; events: number } | null;
}

/** libs/audit/src/checkpoint-comparison.ts CheckpointVerification. */
export interface CheckpointVerification {
  /** Which checkpoint (the newest, unless one was chosen), and what it signed. */
  id?: string;
  upTo?: string;
  createdAt?: string;
  recorded?: { proposals: number; events: number };
  ok: boolean;
  signatureValid: boolean;
  merkleRootMatches: boolean;
  /** null: no heads at hand, so differences cannot be pinned on a proposal. */
  headsMatchCheckpoint: boolean | null;
  /** What the log holds now before the checkpoint's `upTo`. */
  proposals: number;
  events: number;
  broken: LogBreak[];
  truncated: boolean;
}

/** libs/audit/src/log-verifier.ts LogVerification (GET /api/audit/verify: the newest checkpoint, or ?checkpoint=<id>|none). */
export interface LogVerification {
  proposals: number;
  events: number;
  ok: boolean;
  /** The first problem of each broken proposal, then any checkpoint mismatches (already merged in). */
  broken: LogBreak[];
  /** More problems than the server lists (1,000). */
  truncated: boolean;
  /** null: no checkpoint exists yet to compare with; absent: none was asked for. */
  checkpoint?: CheckpointVerification | null;
}

/** libs/audit/src/audit-log.port.ts StoredCheckpoint (GET /api/audit/checkpoints → {items}, and /:id). */
export interface StoredCheckpoint {
  id: string;
  /** Events with `at` before this instant are covered. */
  upTo: string;
  proposals: number;
  events: number;
  merkleRoot: string;
  algorithm: 'ed25519';
  publicKey: string;
  signature: string;
  createdAt: string;
}

export interface CheckpointList {
  items: StoredCheckpoint[];
}

/** libs/audit/src/use-cases/event-export.stream.ts ExportFormat. */
export type ExportFormat = 'ndjson' | 'csv';
