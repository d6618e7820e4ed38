import type { AuditedEvent, AuditedEventRow, AuditedProposal, AuditLog, StoredCheckpoint } from './audit-log.port.js';
import {
  breakAtHead,
  breakBeforeReplay,
  replayVerdict,
  SOUND,
  verifyChain,
  type ChainBreak,
} from './chain-verifier.js';
import {
  CheckpointComparison,
  type CheckpointBreak,
  type CheckpointHeadsSource,
  type CheckpointVerification,
} from './checkpoint-comparison.js';
import type { DocumentEvidence } from './document-evidence.port.js';
import { EventRowDecoder } from './event-row-decoder.js';
import { verifyDocuments } from './document-verifier.js';
import { PageCursor } from './page-cursor.js';
import { REPLAY_BATCH, ReplayScheduler, type ReplayTicket } from './replay-scheduler.js';
import { ReplayThread } from './replay-thread.js';

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
  /**
   * Replay on a second thread, so that both cores work (the verdicts are the same): true, false, or 'auto' (the
   * default: once the walk has met REPLAY_THREAD_AFTER events). Only where the build has the thread's script.
   */
  replayThread?: boolean | 'auto';
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

/** With `replayThread: 'auto'`, replay moves to a second thread once the walk has met this many events. */
export const REPLAY_THREAD_AFTER = 20_000;
/** Judged proposals held at most while the replay thread answers. */
const MAX_PENDING = 4 * REPLAY_BATCH;

/** A proposal read and checked as far as it can be without replay, waiting for its turn to be reported. */
interface Pending {
  proposalId: string;
  head: AuditedProposal | null;
  events: AuditedEvent[];
  found: ChainBreak | null | typeof SOUND;
  /** Where its replay was sent; none when it is replayed here, or needs none. */
  ticket: ReplayTicket | null;
}

/**
 * Verifies the whole log in one pass and constant memory: the proposal rows (by id) and the events (by
 * proposal id, seq) are merge-walked page by page, and only one proposal's events are held at a time (and, while
 * replay runs on a second thread, the few hundred proposals it has not answered yet), so a proposal whose events
 * span two pages is still judged whole. Events with no row are `inserted`; a row with no event is `missing`.
 *
 * Both iterators must order by the same comparison as JavaScript's `<` on strings (binary / "C" collation);
 * a walk that meets an id out of order stops with an error rather than report phantom problems.
 */
export async function verifyLog(auditLog: AuditLog, options: VerifyLogOptions = {}): Promise<LogVerification> {
  const maxBroken = options.maxBroken ?? MAX_BROKEN_LISTED;
  const replay = options.replay ?? true;
  const threadWanted = replay ? (options.replayThread ?? 'auto') : false;
  const comparison = options.checkpoint
    ? new CheckpointComparison(options.checkpoint.checkpoint, {
        heads: options.checkpoint.heads,
        trustedPublicKeyPem: options.checkpoint.trustedPublicKeyPem,
        requireTrustedKey: options.checkpoint.requireTrustedKey,
        maxBroken,
      })
    : null;

  const rows = new PageCursor(auditLog.proposals(options.pageSize));
  // Rows decoded here, a proposal at a time, where the store offers them: the actor of thousands of events is
  // parsed once, and the rows themselves are what the replay thread is sent.
  const rawRows = auditLog.rawEvents !== undefined;
  const events = new PageCursor<AuditedEvent | AuditedEventRow>(
    rawRows ? auditLog.rawEvents!(undefined, options.pageSize) : auditLog.events(undefined, options.pageSize),
  );
  const decoder = new EventRowDecoder();
  const broken: LogBreak[] = [];
  let truncated = false;
  let proposals = 0;
  let eventCount = 0;
  let reportedAt = 0;
  let previousId: string | null = null;
  let checkpoint: CheckpointVerification | undefined;
  let thread: ReplayThread | null = null;
  let threadTried = false;
  let scheduler: ReplayScheduler | null = null;
  const pending: Pending[] = [];

  /** Reports one proposal, in id order: its first problem, if it is still there when read again whole. */
  const report = async (entry: Pending) => {
    let suspect: ChainBreak | null;
    if (entry.found !== SOUND) {
      suspect = entry.found;
    } else {
      const replayHere = () => replayVerdict(entry.head!, entry.events);
      const verdict = entry.ticket ? await scheduler!.verdict(entry.ticket, replayHere) : replay ? replayHere() : null;
      suspect = breakAtHead(entry.head!, entry.events, verdict);
    }
    suspect ??= await documentProblem(entry.proposalId, entry.events, options.documents);
    // The walk reads rows and events page by page while commands go on: a proposal that looks broken is
    // read again, whole and at one moment, and only what is still broken then is reported.
    const problem = suspect && (await confirmed(auditLog, entry.proposalId, { replay }, options.documents));
    if (problem) {
      if (broken.length < maxBroken) broken.push(problem);
      else truncated = true;
    }
  };

  /** Reports what is ready, and waits for the replay thread when more than MAX_PENDING (`limit`) wait. */
  const drain = async (limit: number) => {
    while (pending.length > limit || (pending.length > 0 && (pending[0].ticket === null || scheduler!.isReady(pending[0].ticket)))) {
      await report(pending.shift()!);
    }
  };

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

      const heldRows: (AuditedEvent | AuditedEventRow)[] = [];
      for (let event = firstEvent; event?.proposalId === proposalId; event = events.current() ?? (await events.load())) {
        heldRows.push(event);
        events.advance();
      }
      const held = rawRows ? decoder.decodePage(heldRows as AuditedEventRow[]) : (heldRows as AuditedEvent[]);
      eventCount += held.length;

      if (!threadTried && threadWanted !== false && (threadWanted === true || eventCount >= REPLAY_THREAD_AFTER)) {
        threadTried = true;
        thread = ReplayThread.start();
        scheduler = thread && new ReplayScheduler(thread);
      }
      const found = breakBeforeReplay(head, held);
      const entry: Pending = { proposalId, head, events: held, found, ticket: null };
      if (found === SOUND && replay && scheduler) {
        const replayed = { snapshot: head!.snapshot, escalation: head!.escalation, late: head!.late, awardForm: head!.awardForm };
        entry.ticket = scheduler.add(rawRows ? { head: replayed, rows: heldRows as AuditedEventRow[] } : { head: replayed, events: held });
      }
      pending.push(entry);
      await drain(MAX_PENDING);
      await comparison?.add(proposalId, held);

      if (options.onProgress && eventCount - reportedAt >= (options.pageSize ?? 1_000)) {
        reportedAt = eventCount;
        options.onProgress({ proposals, events: eventCount });
      }
    }
    scheduler?.flush();
    await drain(0);
    checkpoint = await comparison?.finish();
  } finally {
    await Promise.all([rows.close(), events.close(), comparison?.close(), thread?.close()]);
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
