import { randomUUID } from 'node:crypto';
import type { AuditedEvent, AuditLog, EventRange, StoredCheckpoint } from './audit-log.port.js';
import {
  CheckpointComparison,
  type CheckpointHeadsSource,
  type CheckpointVerification,
  type ObservedEvent,
} from './checkpoint-comparison.js';
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
  /**
   * Handed the heads a page at a time, in proposal id order, as the walk finds them: to keep them beside the
   * checkpoint or write them to a file. Nothing else holds them: memory stays flat however large the log.
   */
  onHeads?: (heads: readonly CheckpointHead[]) => Promise<void>;
  /** Events asked of the AuditLog a page at a time, and heads handed to `onHeads` at a time (default 1,000). */
  pageSize?: number;
}

export interface CreatedCheckpoint {
  checkpoint: StoredCheckpoint;
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

  // The root is built leaf by leaf (merkle.ts), so the walk holds one page of heads and one proposal's events.
  const tree = new MerkleRootBuilder();
  const pageSize = options.pageSize ?? HEADS_PAGE;
  let page: CheckpointHead[] = [];
  let events = 0;
  await forEachProposal(auditLog, { to: upTo }, options.pageSize, async (proposalId, before) => {
    // Ordered by seq, and all before `upTo`: the last one is the head.
    const last = before[before.length - 1];
    const head = { proposalId, seq: last.seq, hash: last.hash };
    tree.add(merkleLeafHash(head));
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
  return { checkpoint: { id: options.id ?? randomUUID(), ...signed } };
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

/** What a checkpoint reads of an event: whose it is, its place, its seal and its time (no JSON column). */
type PlacedEvent = ObservedEvent & Pick<AuditedEvent, 'proposalId'>;

/**
 * Each proposal's events in the range, in seq order, streamed in id order: one proposal's held at a time. Read
 * as rows where the store offers them, since nothing here needs the actor or the payload.
 */
async function forEachProposal(
  auditLog: AuditLog,
  range: EventRange & { to: string },
  pageSize: number | undefined,
  visit: (proposalId: string, events: readonly PlacedEvent[]) => Promise<void>,
): Promise<void> {
  const pages: AsyncIterable<readonly PlacedEvent[]> = auditLog.rawEvents ? auditLog.rawEvents(range, pageSize) : auditLog.events(range, pageSize);
  const events = new PageCursor(pages);
  try {
    let held: PlacedEvent[] = [];
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
