import { randomUUID } from 'node:crypto';
import type { AuditedEvent, AuditLog, EventRange, StoredCheckpoint } from './audit-log.port.js';
import { CheckpointComparison, type CheckpointHeadsSource, type CheckpointVerification } from './checkpoint-comparison.js';
import { signCheckpoint } from './checkpoint-signature.js';
import { merkleLeafHash, MerkleRootBuilder, type CheckpointHead } from './merkle.js';
import { PageCursor } from './page-cursor.js';

export interface CreateCheckpointOptions {
  /** Events with `at` before this instant are covered; it may not be later than `now`. */
  upTo: string | Date;
  privateKeyPem: string;
  now: string | Date;
  /** Defaults to a random UUID. */
  id?: string;
  /** Return every proposal's head (for the exported file). Default true; a scheduled checkpoint needs none. */
  keepHeads?: boolean;
  /**
   * Handed the heads a page at a time, in proposal id order, as the walk finds them: to keep them beside the
   * checkpoint without holding them all, so that a later verify can name what changed.
   */
  onHeads?: (heads: readonly CheckpointHead[]) => Promise<void>;
  /** Events asked of the AuditLog a page at a time, and heads handed to `onHeads` at a time (default 1,000). */
  pageSize?: number;
}

export interface CreatedCheckpoint {
  checkpoint: StoredCheckpoint;
  /** One per proposal, in id order (empty when not kept): export them beside the checkpoint to name, later, what changed. */
  heads: CheckpointHead[];
}

export interface VerifyAgainstCheckpointOptions {
  trustedPublicKeyPem?: string;
  pageSize?: number;
  maxBroken?: number;
}

/**
 * Signs the Merkle root of the log up to `upTo`: one leaf per proposal, in id order, from its last event before
 * that instant. It is not saved here; the caller saves it (and exports the heads) where auditors will find it.
 *
 * Events committed later with an earlier `at` (a transaction still open at `upTo`) would change the root, so
 * `upTo` should trail `now` by more than the longest write transaction.
 */
export async function createCheckpoint(auditLog: AuditLog, options: CreateCheckpointOptions): Promise<CreatedCheckpoint> {
  const upTo = isoInstant(options.upTo, 'upTo');
  const createdAt = isoInstant(options.now, 'now');
  if (upTo > createdAt) throw new RangeError(`a checkpoint cannot cover the future: upTo ${upTo} is after now ${createdAt}`);

  const tree = new MerkleRootBuilder();
  // The heads are only worth their memory (about 200 bytes a proposal) when someone exports them.
  const heads: CheckpointHead[] = [];
  const keepHeads = options.keepHeads ?? true;
  const pageSize = options.pageSize ?? HEADS_PAGE;
  let page: CheckpointHead[] = [];
  let events = 0;
  await forEachProposal(auditLog, { to: upTo }, options.pageSize, async (proposalId, before) => {
    // Ordered by seq, and all before `upTo`: the last one is the head.
    const last = before[before.length - 1];
    const head = { proposalId, seq: last.seq, hash: last.hash };
    tree.add(merkleLeafHash(head));
    if (keepHeads) heads.push(head);
    events += before.length;
    if (options.onHeads) {
      page.push(head);
      if (page.length >= pageSize) {
        await options.onHeads(page);
        page = [];
      }
    }
  });
  if (options.onHeads && page.length > 0) await options.onHeads(page);
  const fields = { upTo, proposals: tree.size, events, merkleRoot: tree.root(), createdAt };
  const signed = signCheckpoint(fields, options.privateKeyPem);
  return { checkpoint: { id: options.id ?? randomUUID(), ...signed }, heads };
}

/** Heads handed to `onHeads` at a time when no page size is given. */
const HEADS_PAGE = 1_000;

/**
 * Rebuilds the root from the log as it is now and compares it with a signed checkpoint. With its heads (an
 * exported file's, or those kept beside it; checked against the signed root), each proposal that differs is
 * named; without them, a mismatch can only be reported for the whole log (proposalId null).
 */
export async function verifyAgainstCheckpoint(
  auditLog: AuditLog,
  checkpoint: StoredCheckpoint,
  heads?: CheckpointHeadsSource,
  options: VerifyAgainstCheckpointOptions = {},
): Promise<CheckpointVerification> {
  const comparison = new CheckpointComparison(checkpoint, {
    heads,
    trustedPublicKeyPem: options.trustedPublicKeyPem,
    maxBroken: options.maxBroken,
  });
  try {
    await forEachProposal(auditLog, { to: checkpoint.upTo }, options.pageSize, (proposalId, before) => comparison.add(proposalId, before));
    return await comparison.finish();
  } finally {
    await comparison.close();
  }
}

/** Each proposal's events in the range, in seq order, streamed in id order: one proposal's held at a time. */
async function forEachProposal(
  auditLog: AuditLog,
  range: EventRange & { to: string },
  pageSize: number | undefined,
  visit: (proposalId: string, events: readonly AuditedEvent[]) => Promise<void>,
): Promise<void> {
  const events = new PageCursor(auditLog.events(range, pageSize));
  try {
    let held: AuditedEvent[] = [];
    for (let event = events.current() ?? (await events.load()); event; event = events.current() ?? (await events.load())) {
      events.advance();
      // The range already asks for this; checked again so that an adapter ignoring it cannot widen a checkpoint.
      if (!(event.at < range.to)) continue;
      const proposalId = held[0]?.proposalId;
      if (proposalId !== undefined && event.proposalId !== proposalId) {
        if (event.proposalId < proposalId) throw new Error('AuditLog.events() must be ordered by proposal id');
        await visit(proposalId, held);
        held = [];
      }
      held.push(event);
    }
    if (held.length > 0) await visit(held[0].proposalId, held);
  } finally {
    await events.close();
  }
}

function isoInstant(value: string | Date, name: string): string {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`${name} is not an instant: ${String(value)}`);
  return new Date(time).toISOString();
}
