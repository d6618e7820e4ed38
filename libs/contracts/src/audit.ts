import type { ProposalContext } from '#workflows/proposal';

/**
 * The machine's context as a replay step shows it. Defensive: a snapshot sealed by an older release may lack a
 * field added since, so only the fields every version has are required.
 */
export type ReplayContextBody = Partial<ProposalContext> &
  Pick<ProposalContext, 'proposalId' | 'escalation' | 'late' | 'lateRule' | 'lastReason' | 'vote' | 'decision' | 'submittedAt' | 'forwardedAt'>;

/** The line the machine could not replay, and why. */
export interface ReplayFailureBody {
  seq: number;
  message: string;
}

/** GET /api/proposals/:id/replay?seq= or ?at=: the proposal as it was, and whether the record can be trusted. */
export interface ProposalReplayBody {
  proposalId: string;
  /** The last event folded in (0: the stop came before the proposal existed); lower than asked when replay failed. */
  seq: number;
  at: string | null;
  state: string | null;
  context: ReplayContextBody | null;
  machineVersion: number | null;
  /** The hash chain from the first event up to `seq` is intact. */
  chainValid: boolean;
  /** Replaying the whole log, not only up to `seq`, gives the snapshot the row holds now. */
  matchesStored: boolean;
  /** Events in the whole log. */
  events: number;
  failure: ReplayFailureBody | null;
}

/** How one proposal's chain is broken (libs/audit ChainBreakReason). */
export type ChainBreakReason =
  | 'edited'
  | 'missing'
  | 'reordered'
  | 'inserted'
  | 'snapshot_mismatch'
  | 'replay_failed'
  /** A document the log sealed is no longer what is stored: other bytes, or a changed record of it. */
  | 'document_altered'
  /** A document the log sealed cannot be found: its bytes or its record are gone. */
  | 'document_missing';

/** How the log differs from a signed checkpoint (libs/audit CheckpointBreakReason). */
export type CheckpointBreakReason = 'rewritten' | 'truncated' | 'deleted' | 'backdated' | 'checkpoint_mismatch';

export type BreakReason = ChainBreakReason | CheckpointBreakReason;

/** A difference from a checkpoint: one proposal's recorded head, and what the log holds now. */
export interface CheckpointBreakBody {
  /** null when only the whole log can be blamed. */
  proposalId: string | null;
  seq: number | null;
  reason: CheckpointBreakReason;
  detail: string;
  recorded: { seq: number; hash: string } | null;
  now: { seq: number; hash: string; events: number } | null;
}

/** The first thing wrong with one proposal's chain, at the seq where it begins. */
export interface ChainBreakBody {
  proposalId: string;
  seq: number;
  reason: ChainBreakReason;
  detail?: string;
}

/** One problem of a verification: a broken chain, or a difference from the checkpoint. */
export type LogBreakBody = ChainBreakBody | CheckpointBreakBody;

/** The log held against a signed checkpoint (`checkpoint` of the verify result). */
export interface CheckpointVerificationBody {
  /** Which checkpoint, and what it signed. */
  id: string;
  upTo: string;
  createdAt: string;
  recorded: { proposals: number; events: number };
  ok: boolean;
  signatureValid: boolean;
  /** The signature was checked under a key trusted here; false: only under the key the checkpoint names. */
  keyPinned: boolean;
  merkleRootMatches: boolean;
  /** null: no heads at hand, so differences cannot be pinned on a proposal. */
  headsMatchCheckpoint: boolean | null;
  /** What the log holds now before `upTo`. */
  proposals: number;
  events: number;
  broken: CheckpointBreakBody[];
  truncated: boolean;
}

/** GET /api/audit/verify (the newest checkpoint, or ?checkpoint=<id>|none). */
export interface LogVerificationBody {
  proposals: number;
  events: number;
  ok: boolean;
  /** The first problem of each broken proposal, then how the log differs from the checkpoint. */
  broken: LogBreakBody[];
  /** More problems than the server lists (1,000). */
  truncated: boolean;
  /** null: no checkpoint exists yet to compare with; absent: none was asked for. */
  checkpoint?: CheckpointVerificationBody | null;
}

/** A signed checkpoint (GET /api/audit/checkpoints → {items}, and /:id). */
export interface StoredCheckpointBody {
  id: string;
  /** Events with `at` before this instant are covered. */
  upTo: string;
  proposals: number;
  events: number;
  merkleRoot: string;
  algorithm: 'ed25519';
  /** SPKI public key, PEM. */
  publicKey: string;
  /** Base64 Ed25519 signature over the canonical JSON of the fields above except `id` and `signature`. */
  signature: string;
  createdAt: string;
}

/** GET /api/audit/export?format=. */
export type ExportFormat = 'ndjson' | 'csv';
