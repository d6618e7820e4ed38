import type { AuditedEvent, StoredCheckpoint } from './audit-log.port.js';
import { verifyCheckpointSignature } from './checkpoint-signature.js';
import { merkleLeafHash, MerkleRootBuilder, type CheckpointHead } from './merkle.js';

/** How the log differs from what a signed checkpoint recorded (docs/audit.md). */
export type CheckpointBreakReason =
  /** The event at the checkpoint's seq is still there, under another hash: history before the instant was rewritten. */
  | 'rewritten'
  /** Fewer events before the instant than the checkpoint recorded: the tail (or an event under the head) is gone. */
  | 'truncated'
  /** The checkpoint recorded the proposal; the log has no event of it now. */
  | 'deleted'
  /** Events before the instant that the checkpoint did not record: written since, with an earlier time. */
  | 'backdated'
  /** The log differs, and no proposal can be named: no heads for the checkpoint, or heads that miss its signed root. */
  | 'checkpoint_mismatch';

/** A proposal's head as the checkpoint recorded it: its last event before the instant. */
export interface RecordedHead {
  seq: number;
  hash: string;
}

/** What the log holds now: the event judged (see each reason), and how many events precede the instant. */
export interface HeadNow {
  seq: number;
  hash: string;
  events: number;
}

/** One difference from the checkpoint; `proposalId` null when only the whole log can be blamed. */
export interface CheckpointBreak {
  proposalId: string | null;
  /** The checkpoint's seq for the proposal (the log's, for `backdated`); null for the whole log. */
  seq: number | null;
  reason: CheckpointBreakReason;
  /** Words for an auditor; not part of the classification. */
  detail: string;
  /** Null for `backdated` (nothing was recorded) and for the whole log. */
  recorded: RecordedHead | null;
  /** Null for `deleted` and for the whole log. */
  now: HeadNow | null;
}

export interface CheckpointVerification {
  /** Which checkpoint the log was held against, and what it signed. */
  id: string;
  upTo: string;
  createdAt: string;
  recorded: { proposals: number; events: number };
  /** The signature holds (under a trusted key, where one is required), and the log up to `upTo` still has the signed root and counts. */
  ok: boolean;
  signatureValid: boolean;
  /** Whether the signature was checked under a key trusted here; false: only under the key the checkpoint names. */
  keyPinned: boolean;
  merkleRootMatches: boolean;
  /** Whether the heads at hand (a file's, or those kept with the checkpoint) rebuild its signed root; null: none. */
  headsMatchCheckpoint: boolean | null;
  /** What the log holds now before `upTo`, to set against `recorded`. */
  proposals: number;
  events: number;
  broken: CheckpointBreak[];
  truncated: boolean;
}

/** The heads in any order (an exported file's), or pages in proposal id order (a store's). */
export type CheckpointHeadsSource = readonly CheckpointHead[] | AsyncIterable<readonly CheckpointHead[]>;

export interface CheckpointComparisonOptions {
  /** The heads recorded with the checkpoint: with them, the proposals that differ are named. */
  heads?: CheckpointHeadsSource;
  trustedPublicKeyPem?: string;
  /** Fail the comparison when no trusted key was given: a server or CLI holding no key cannot vouch for one. */
  requireTrustedKey?: boolean;
  maxBroken?: number;
}

/** What the comparison reads of an event: its place, its seal and its time. */
export type ObservedEvent = Pick<AuditedEvent, 'seq' | 'hash' | 'at'>;

const short = (hash: string) => hash.slice(0, 12);

/**
 * Judges one proposal: `recorded` is its head in the checkpoint (null when the checkpoint has none), `events`
 * what the log holds of it now, in seq order (all of them, or at least those before `upTo`). Null when it still
 * is what the checkpoint recorded; later events, at or after `upTo`, are the log going on and never count.
 */
export function compareWithCheckpoint(
  proposalId: string,
  recorded: RecordedHead | null,
  events: readonly ObservedEvent[],
  upTo: string,
): CheckpointBreak | null {
  let before = 0;
  let headBefore: ObservedEvent | null = null;
  let atRecordedSeq: ObservedEvent | null = null;
  for (const event of events) {
    if (event.at < upTo) {
      before++;
      if (!headBefore || event.seq > headBefore.seq) headBefore = event;
    }
    if (recorded && event.seq === recorded.seq) atRecordedSeq = event;
  }
  const now = (event: ObservedEvent): HeadNow => ({ seq: event.seq, hash: event.hash, events: before });
  const found = (reason: CheckpointBreakReason, seq: number, detail: string, head: HeadNow | null): CheckpointBreak => ({
    proposalId,
    seq,
    reason,
    detail,
    recorded: recorded && { seq: recorded.seq, hash: recorded.hash },
    now: head,
  });

  if (!recorded) {
    if (!headBefore) return null;
    return found(
      'backdated',
      headBefore.seq,
      `the checkpoint recorded no event of this proposal; the log now has ${before} before ${upTo}, up to seq ${headBefore.seq}`,
      now(headBefore),
    );
  }
  if (atRecordedSeq?.hash === recorded.hash && headBefore?.seq === recorded.seq && before === recorded.seq) return null;

  const signed = `the checkpoint recorded ${recorded.seq} events up to seq ${recorded.seq} (hash ${short(recorded.hash)})`;
  if (events.length === 0) return found('deleted', recorded.seq, `${signed}; the log now has none`, null);
  if (atRecordedSeq && atRecordedSeq.hash !== recorded.hash) {
    return found(
      'rewritten',
      recorded.seq,
      `${signed}; the log now has hash ${short(atRecordedSeq.hash)} at seq ${recorded.seq}`,
      now(atRecordedSeq),
    );
  }
  // With the recorded event in place, sealed as signed, its predecessors are too (the chain check says whether
  // they still link): fewer of them before the instant is a deletion, more is a backdated insertion.
  if (!atRecordedSeq || before < recorded.seq) {
    const last = headBefore ?? events[events.length - 1];
    return found('truncated', recorded.seq, `${signed}; the log now has ${before} before ${upTo}, up to seq ${last.seq}`, now(last));
  }
  return found(
    'backdated',
    recorded.seq,
    `${signed}; the log now has ${before} before ${upTo}, up to seq ${headBefore!.seq}`,
    now(headBefore!),
  );
}

/**
 * The recorded heads, read a page at a time in proposal id order (a file's are sorted first), rebuilding their
 * own root on the way: whether they may be believed is known only once all are read.
 */
class RecordedHeads {
  readonly tree = new MerkleRootBuilder();
  inOrder = true;
  private iterator: AsyncIterator<readonly CheckpointHead[]> | null;
  private page: readonly CheckpointHead[] = [];
  private index = 0;
  private lastId: string | null = null;

  constructor(source: CheckpointHeadsSource) {
    if (Symbol.asyncIterator in source) {
      this.iterator = (source as AsyncIterable<readonly CheckpointHead[]>)[Symbol.asyncIterator]();
    } else {
      const byId = (a: CheckpointHead, b: CheckpointHead) => (a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0);
      this.page = [...(source as readonly CheckpointHead[])].sort(byId);
      this.iterator = null;
    }
  }

  async peek(): Promise<CheckpointHead | null> {
    while (this.index >= this.page.length) {
      if (!this.iterator) return null;
      const next = await this.iterator.next();
      if (next.done) {
        this.iterator = null;
        return null;
      }
      this.page = next.value;
      this.index = 0;
    }
    return this.page[this.index];
  }

  /** The head `peek` returned. */
  take(): CheckpointHead {
    const head = this.page[this.index++];
    if (this.lastId !== null && head.proposalId <= this.lastId) this.inOrder = false;
    this.lastId = head.proposalId;
    this.tree.add(merkleLeafHash(head));
    return head;
  }

  async close(): Promise<void> {
    const iterator = this.iterator;
    this.iterator = null;
    await iterator?.return?.();
  }
}

/**
 * Compares the log, fed one proposal at a time in id order, with a signed checkpoint: the Merkle root is rebuilt
 * as it goes in O(log n) memory, and the recorded heads, when there are any, are merged in page by page, so that
 * each proposal that differs is named. Named differences wait (at most `maxBroken` of them) until the heads are
 * known to rebuild the signed root; heads that do not prove nothing, and only the whole log is blamed.
 */
export class CheckpointComparison {
  private readonly current = new MerkleRootBuilder();
  private readonly recordedHeads: RecordedHeads | null;
  private readonly signatureValid: boolean;
  private readonly keyPinned: boolean;
  private readonly requireTrustedKey: boolean;
  private readonly maxBroken: number;
  private readonly named: CheckpointBreak[] = [];
  private namedTruncated = false;
  private events = 0;
  private lastProposalId: string | null = null;

  constructor(
    private readonly checkpoint: StoredCheckpoint,
    options: CheckpointComparisonOptions = {},
  ) {
    this.signatureValid = verifyCheckpointSignature(checkpoint, options.trustedPublicKeyPem);
    this.keyPinned = options.trustedPublicKeyPem !== undefined;
    this.requireTrustedKey = options.requireTrustedKey ?? false;
    this.maxBroken = options.maxBroken ?? 1_000;
    this.recordedHeads = options.heads ? new RecordedHeads(options.heads) : null;
  }

  /**
   * One proposal as the log holds it now: every proposal the walk meets, with its events in seq order (all of
   * them, or those before `upTo`), none when it only has a row.
   */
  async add(proposalId: string, events: readonly ObservedEvent[]): Promise<void> {
    if (this.lastProposalId !== null && proposalId <= this.lastProposalId) {
      throw new Error(`proposals must come in ascending id order: ${proposalId} after ${this.lastProposalId}`);
    }
    this.lastProposalId = proposalId;
    const upTo = this.checkpoint.upTo;

    // The same leaf the checkpoint was made from: the highest seq whose `at` is before `upTo`.
    let head: ObservedEvent | null = null;
    let before = 0;
    for (const event of events) {
      if (event.at < upTo) {
        before++;
        if (!head || event.seq > head.seq) head = event;
      }
    }
    if (head) {
      this.current.add(merkleLeafHash({ proposalId, seq: head.seq, hash: head.hash }));
      this.events += before;
    }

    const heads = this.recordedHeads;
    if (!heads) return;
    for (let next = await heads.peek(); next && next.proposalId < proposalId; next = await heads.peek()) {
      const gone = heads.take();
      this.note(compareWithCheckpoint(gone.proposalId, gone, [], upTo));
    }
    const recorded = (await heads.peek())?.proposalId === proposalId ? heads.take() : null;
    this.note(compareWithCheckpoint(proposalId, recorded, events, upTo));
  }

  async finish(): Promise<CheckpointVerification> {
    const heads = this.recordedHeads;
    if (heads) {
      // Recorded proposals after the last one the log still has.
      for (let next = await heads.peek(); next; next = await heads.peek()) {
        const gone = heads.take();
        this.note(compareWithCheckpoint(gone.proposalId, gone, [], this.checkpoint.upTo));
      }
      await heads.close();
    }
    const { checkpoint } = this;
    // A checkpoint with proposals but no heads kept is one made before heads were kept (or whose heads are gone).
    const headsMatchCheckpoint =
      !heads || (heads.tree.size === 0 && checkpoint.proposals > 0)
        ? null
        : heads.inOrder && heads.tree.size === checkpoint.proposals && heads.tree.root() === checkpoint.merkleRoot;
    const merkleRootMatches = this.current.root() === checkpoint.merkleRoot;
    const countsMatch = this.current.size === checkpoint.proposals && this.events === checkpoint.events;

    const broken = headsMatchCheckpoint ? this.named : [];
    const truncated = headsMatchCheckpoint ? this.namedTruncated : false;
    // A deleted event under an unchanged head changes only the count; without heads, all differences land here.
    if ((!merkleRootMatches || !countsMatch) && broken.length === 0) broken.push(this.wholeLog(merkleRootMatches, headsMatchCheckpoint));
    return {
      id: checkpoint.id,
      upTo: checkpoint.upTo,
      createdAt: checkpoint.createdAt,
      recorded: { proposals: checkpoint.proposals, events: checkpoint.events },
      ok: this.signatureValid && (this.keyPinned || !this.requireTrustedKey) && merkleRootMatches && countsMatch,
      signatureValid: this.signatureValid,
      keyPinned: this.keyPinned,
      merkleRootMatches,
      headsMatchCheckpoint,
      proposals: this.current.size,
      events: this.events,
      broken,
      truncated,
    };
  }

  /** Lets go of the heads' reader when the walk stops early. */
  async close(): Promise<void> {
    await this.recordedHeads?.close();
  }

  private note(difference: CheckpointBreak | null): void {
    if (!difference) return;
    if (this.named.length >= this.maxBroken) {
      this.namedTruncated = true;
      return;
    }
    this.named.push(difference);
  }

  private wholeLog(merkleRootMatches: boolean, headsMatchCheckpoint: boolean | null): CheckpointBreak {
    const { checkpoint } = this;
    const why =
      headsMatchCheckpoint === null
        ? 'no proposal heads are kept for this checkpoint, so none can be named'
        : headsMatchCheckpoint
          ? 'every recorded head still matches'
          : "the heads at hand do not rebuild the checkpoint's signed root, so they name nothing";
    return {
      proposalId: null,
      seq: null,
      reason: 'checkpoint_mismatch',
      detail:
        `the checkpoint signed ${checkpoint.proposals} proposals and ${checkpoint.events} events before ${checkpoint.upTo}; ` +
        `the log now has ${this.current.size} and ${this.events}${merkleRootMatches ? '' : ', under another Merkle root'} (${why})`,
      recorded: null,
      now: null,
    };
  }
}
