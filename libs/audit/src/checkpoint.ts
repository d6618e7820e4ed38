import { randomUUID } from 'node:crypto';
import type { AuditLog, StoredCheckpoint } from './audit-log.port.js';
import { CheckpointComparison, type CheckpointVerification } from './checkpoint-comparison.js';
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
  let events = 0;
  await forEachHeadBefore(auditLog, upTo, options.pageSize, (head, eventsBefore) => {
    tree.add(merkleLeafHash(head));
    if (keepHeads) heads.push(head);
    events += eventsBefore;
  });
  const fields = { upTo, proposals: tree.size, events, merkleRoot: tree.root(), createdAt };
  const signed = signCheckpoint(fields, options.privateKeyPem);
  return { checkpoint: { id: options.id ?? randomUUID(), ...signed }, heads };
}

/**
 * Rebuilds the root from the log as it is now and compares it with a signed checkpoint. With the heads exported
 * beside it (checked first against the signed root), the proposals whose head changed are named; without them,
 * a mismatch can only be reported for the whole log (proposalId null).
 */
export async function verifyAgainstCheckpoint(
  auditLog: AuditLog,
  checkpoint: StoredCheckpoint,
  heads?: readonly CheckpointHead[],
  options: VerifyAgainstCheckpointOptions = {},
): Promise<CheckpointVerification> {
  const comparison = new CheckpointComparison(checkpoint, {
    heads,
    trustedPublicKeyPem: options.trustedPublicKeyPem,
    maxBroken: options.maxBroken,
  });
  await forEachHeadBefore(auditLog, checkpoint.upTo, options.pageSize, (head, eventsBefore) =>
    comparison.add(head, eventsBefore),
  );
  return comparison.finish();
}

/** Each proposal's last event before `upTo` and its count of events before it, streamed in id order. */
async function forEachHeadBefore(
  auditLog: AuditLog,
  upTo: string,
  pageSize: number | undefined,
  visit: (head: CheckpointHead, eventsBefore: number) => void,
): Promise<void> {
  const events = new PageCursor(auditLog.events({ to: upTo }, pageSize));
  try {
    let head: CheckpointHead | null = null;
    let eventsBefore = 0;
    for (let event = events.current() ?? (await events.load()); event; event = events.current() ?? (await events.load())) {
      events.advance();
      // The range already asks for this; checked again so that an adapter ignoring it cannot widen a checkpoint.
      if (!(event.at < upTo)) continue;
      if (head && event.proposalId !== head.proposalId) {
        if (event.proposalId < head.proposalId) throw new Error('AuditLog.events() must be ordered by proposal id');
        visit(head, eventsBefore);
        eventsBefore = 0;
      }
      // Ordered by seq, so the last event seen is the head.
      head = { proposalId: event.proposalId, seq: event.seq, hash: event.hash };
      eventsBefore++;
    }
    if (head) visit(head, eventsBefore);
  } finally {
    await events.close();
  }
}

function isoInstant(value: string | Date, name: string): string {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`${name} is not an instant: ${String(value)}`);
  return new Date(time).toISOString();
}
