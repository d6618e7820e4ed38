import type { ChainedEventBody } from './chained-event-body.js';
import type { CheckpointHead } from './merkle.js';

/** One stored event as the auditor reads it: the sealed body and both hashes, untrusted until verified. */
export interface AuditedEvent extends ChainedEventBody {
  prevHash: string;
  hash: string;
}

/**
 * An event as its row holds it, for walks that decode only what they use (a checkpoint reads no JSON at all):
 * the sealed JSON columns are left as the text stored, JSON.stringify's, keys in the order they were written.
 */
export interface AuditedEventRow extends Omit<AuditedEvent, 'actor' | 'payload'> {
  actorJson: string;
  payloadJson: string;
}

/** The head of a proposal as stored: what replay of its events must reproduce. */
export interface AuditedProposal {
  id: string;
  machineVersion: number;
  /**
   * The stored snapshot `{value, context}` as the row holds it; the pages of `proposals()` may leave it as the
   * column's JSON text, so that a walk that does not replay never parses it.
   */
  snapshot: unknown;
  version: number;
  lastSeq: number;
  lastHash: string;
  /**
   * The columns that lists, inboxes and quotas read instead of the snapshot, when the source has them: they
   * must say what the log says.
   */
  state?: string;
  escalation?: string;
  late?: boolean;
  awardForm?: string;
}

/** Which events an export or a checkpoint reads: one proposal, and/or `at` within [from, to). */
export interface EventRange {
  proposalId?: string;
  from?: string;
  to?: string;
}

/** A signed digest of the whole log up to an instant (see checkpoint docs in this library). */
export interface StoredCheckpoint {
  id: string;
  /** Events with `at` before this instant are covered. */
  upTo: string;
  proposals: number;
  events: number;
  merkleRoot: string;
  algorithm: 'ed25519';
  /** SPKI public key, PEM, so that anyone can check the signature without the server. */
  publicKey: string;
  /** Base64 Ed25519 signature over the canonical JSON of the fields above except `id` and `signature`. */
  signature: string;
  createdAt: string;
}

/**
 * Read access to the log for auditors. Every iterator pages with a key (never OFFSET, never the whole table),
 * so a walk over millions of events holds one page in memory.
 */
export abstract class AuditLog {
  /** Every proposal, ordered by id, a page at a time. */
  abstract proposals(pageSize?: number): AsyncIterable<AuditedProposal[]>;
  /** Events ordered by (proposalId, seq), a page at a time; a range narrows them. */
  abstract events(range?: EventRange, pageSize?: number): AsyncIterable<AuditedEvent[]>;
  /**
   * The same pages as `events()`, with the JSON columns left as their stored text: a store that keeps the text
   * offers them, and verify and checkpoints then read these (decoding what they need, once). Absent: `events()`.
   */
  rawEvents?(range?: EventRange, pageSize?: number): AsyncIterable<AuditedEventRow[]>;
  abstract proposal(id: string): Promise<AuditedProposal | null>;
  /** One proposal's events ordered by seq (a proposal's log is short: tens of events). */
  abstract eventsOf(proposalId: string): Promise<AuditedEvent[]>;

  /**
   * The row and its events as of one moment. Read apart, a command committing in between (it bumps the row's
   * version and appends its event in one transaction) would look like an inserted or a missing event; the row
   * is read on both sides of the events until its version holds still.
   */
  async proposalLog(id: string): Promise<{ head: AuditedProposal | null; events: AuditedEvent[] }> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.proposal(id);
      const events = await this.eventsOf(id);
      const head = await this.proposal(id);
      if (before?.version === head?.version || attempt === 5) return { head, events };
    }
  }
  abstract saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  /** Newest first. */
  abstract checkpoints(limit: number): Promise<StoredCheckpoint[]>;
  abstract checkpoint(id: string): Promise<StoredCheckpoint | null>;

  /**
   * Keeps one page of the heads a checkpoint is made from, in proposal id order, before the checkpoint itself
   * is saved (so that a checkpoint is never seen with part of its heads). A later verify reads them back to
   * name each proposal that differs; the signed root says whether they may be believed, so they need no
   * signature of their own. Resolves false when this store keeps no heads: the checkpoint is then saved
   * without them, and a difference can only be blamed on the whole log (docs/audit.md).
   */
  saveCheckpointHeads(checkpointId: string, heads: readonly CheckpointHead[]): Promise<boolean> {
    void checkpointId;
    void heads;
    return Promise.resolve(false);
  }

  /** The heads kept with a checkpoint, in proposal id order, a page at a time; none when none were kept. */
  async *checkpointHeads(checkpointId: string, pageSize?: number): AsyncIterable<CheckpointHead[]> {
    void checkpointId;
    void pageSize;
  }
}
