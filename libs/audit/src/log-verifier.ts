import type { AuditedEvent, AuditLog, StoredCheckpoint } from './audit-log.port.js';
import { verifyChain, type ChainBreak } from './chain-verifier.js';
import {
  CheckpointComparison,
  type CheckpointBreak,
  type CheckpointHeadsSource,
  type CheckpointVerification,
} from './checkpoint-comparison.js';
import type { DocumentEvidence } from './document-evidence.port.js';
import { verifyDocuments } from './document-verifier.js';
import { PageCursor } from './page-cursor.js';

export type LogBreak = ChainBreak | CheckpointBreak;

export interface LogProgress {
  proposals: number;
  events: number;
}

export interface VerifyLogOptions {
  /** Called about once a page of events, and once at the end. */
  onProgress?: (progress: LogProgress) => void;
  /** Also compare the log with a signed checkpoint in the same pass (with its recorded heads, if at hand). */
  checkpoint?: { checkpoint: StoredCheckpoint; heads?: CheckpointHeadsSource; trustedPublicKeyPem?: string; requireTrustedKey?: boolean };
  /** Replay every proposal through its machine and compare with its stored snapshot. Default true. */
  replay?: boolean;
  /** Rows per page asked of the AuditLog; its own default when left out. */
  pageSize?: number;
  /** How many problems to list before giving up on listing (the walk goes on, counting). Default 1,000. */
  maxBroken?: number;
  /** Check every sealed document against its record and its stored bytes, hashed again (docs/documents.md). */
  documents?: DocumentEvidence;
}

export interface LogVerification {
  /** Proposal rows walked (events without a row are counted in `events` only). */
  proposals: number;
  events: number;
  ok: boolean;
  /** The first problem of each broken proposal, in id order, then how the log differs from the checkpoint. */
  broken: LogBreak[];
  /** More problems were found than `maxBroken` allows listing. */
  truncated: boolean;
  /** The checkpoint compared with; null when one was asked for by default and none exists; absent when skipped. */
  checkpoint?: CheckpointVerification | null;
}

export const MAX_BROKEN_LISTED = 1_000;

/**
 * Verifies the whole log in one pass and constant memory: the proposal rows (by id) and the events (by
 * proposal id, seq) are merge-walked page by page, and only one proposal's events are held at a time, so a
 * proposal whose events span two pages is still judged whole. Events with no row are `inserted`; a row with no
 * event is `missing`.
 *
 * Both iterators must order by the same comparison as JavaScript's `<` on strings (binary / "C" collation);
 * a walk that meets an id out of order stops with an error rather than report phantom problems.
 */
export async function verifyLog(auditLog: AuditLog, options: VerifyLogOptions = {}): Promise<LogVerification> {
  const maxBroken = options.maxBroken ?? MAX_BROKEN_LISTED;
  const chainOptions = { replay: options.replay ?? true };
  const comparison = options.checkpoint
    ? new CheckpointComparison(options.checkpoint.checkpoint, {
        heads: options.checkpoint.heads,
        trustedPublicKeyPem: options.checkpoint.trustedPublicKeyPem,
        requireTrustedKey: options.checkpoint.requireTrustedKey,
        maxBroken,
      })
    : null;

  const rows = new PageCursor(auditLog.proposals(options.pageSize));
  const events = new PageCursor(auditLog.events(undefined, options.pageSize));
  const broken: LogBreak[] = [];
  let truncated = false;
  let proposals = 0;
  let eventCount = 0;
  let reportedAt = 0;
  let previousId: string | null = null;
  let checkpoint: CheckpointVerification | undefined;

  try {
    for (;;) {
      const row = rows.current() ?? (await rows.load());
      const firstEvent = events.current() ?? (await events.load());
      if (!row && !firstEvent) break;

      const proposalId = !firstEvent || (row && row.id <= firstEvent.proposalId) ? row!.id : firstEvent.proposalId;
      if (previousId !== null && proposalId <= previousId) {
        throw new Error(`the audit log is not ordered by proposal id: ${proposalId} came after ${previousId}`);
      }
      previousId = proposalId;
      const head = row?.id === proposalId ? row : null;
      if (head) {
        rows.advance();
        proposals++;
      }

      const held: AuditedEvent[] = [];
      for (let event = firstEvent; event?.proposalId === proposalId; event = events.current() ?? (await events.load())) {
        held.push(event);
        events.advance();
      }
      eventCount += held.length;

      // The walk reads rows and events page by page while commands go on: a proposal that looks broken is
      // read again, whole and at one moment, and only what is still broken then is reported.
      const suspect = verifyChain(head, held, chainOptions) ?? (await documentProblem(proposalId, held, options.documents));
      const problem = suspect && (await confirmed(auditLog, proposalId, chainOptions, options.documents));
      if (problem) {
        if (broken.length < maxBroken) broken.push(problem);
        else truncated = true;
      }
      await comparison?.add(proposalId, held);

      if (options.onProgress && eventCount - reportedAt >= (options.pageSize ?? 1_000)) {
        reportedAt = eventCount;
        options.onProgress({ proposals, events: eventCount });
      }
    }
    checkpoint = await comparison?.finish();
  } finally {
    await Promise.all([rows.close(), events.close(), comparison?.close()]);
  }

  if (checkpoint) {
    for (const mismatch of checkpoint.broken) {
      if (broken.length < maxBroken) broken.push(mismatch);
      else truncated = true;
    }
    truncated ||= checkpoint.truncated;
  }
  options.onProgress?.({ proposals, events: eventCount });
  return {
    proposals,
    events: eventCount,
    ok: broken.length === 0 && !truncated && (checkpoint?.ok ?? true),
    broken,
    truncated,
    ...(checkpoint ? { checkpoint } : {}),
  };
}

async function confirmed(auditLog: AuditLog, proposalId: string, options: { replay: boolean }, documents?: DocumentEvidence) {
  const { head, events } = await auditLog.proposalLog(proposalId);
  return verifyChain(head, events, options) ?? (await documentProblem(proposalId, events, documents));
}

const documentProblem = async (proposalId: string, events: readonly AuditedEvent[], documents?: DocumentEvidence) =>
  documents ? verifyDocuments(proposalId, events, documents) : null;
