import type { AuditedEvent, AuditedProposal } from './audit-log.port.js';
import { eventHash, GENESIS_HASH, seals } from './event-hash.js';
import { replayTo, snapshotsMatch, type ReplayFailure, type SnapshotLike } from './proposal-replay.js';

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

/** The first thing wrong with one proposal's log, at the seq where it begins. */
export interface ChainBreak {
  proposalId: string;
  seq: number;
  reason: ChainBreakReason;
  /** Words for an auditor; not part of the classification. */
  detail?: string;
}

export interface ChainVerifyOptions {
  /** Replay the events through the machine and compare with the stored snapshot (the costly part). Default true. */
  replay?: boolean;
}

/**
 * Classifies one proposal's log: null when intact, else its first problem. `head` is the proposal row (null when
 * the row is gone), `events` its events ordered by seq.
 *
 * An intact log costs one hash per event plus, unless turned off, one replay. Only a log already found broken is
 * searched (quadratically, but a log is tens of events) to tell an edit from a move, a deletion or an insertion.
 */
export function verifyChain(
  head: AuditedProposal | null,
  events: readonly AuditedEvent[],
  options: ChainVerifyOptions = {},
): ChainBreak | null {
  const found = breakBeforeReplay(head, events);
  if (found !== SOUND) return found;
  return breakAtHead(head!, events, options.replay === false ? null : replayVerdict(head!, events));
}

/** What the checks before replay leave: the chain links and seals, and the row's head is still to be judged. */
export const SOUND = 'sound';

/**
 * verifyChain's first half, which needs no replay: a problem, null when there is nothing to judge (no row and
 * no event), or SOUND. A walk may replay elsewhere in the meantime (another thread) and finish with
 * {@link breakAtHead}.
 */
export function breakBeforeReplay(head: AuditedProposal | null, events: readonly AuditedEvent[]): ChainBreak | null | typeof SOUND {
  const proposalId = head?.id ?? events[0]?.proposalId;
  if (proposalId === undefined) return null;
  const breakAt = breakFactory(proposalId);
  if (!head) return breakAt(events[0].seq, 'inserted', 'no proposal row owns these events');
  if (events.length === 0) return breakAt(1, 'missing', 'the proposal has no events');
  if (!(head.lastSeq >= 1)) return breakAt(1, 'snapshot_mismatch', 'the row names no last event');

  const unsound = firstUnsoundIndex(proposalId, events);
  if (unsound !== -1) return new ChainForensics(proposalId, head, events).classify(unsound);
  if (events.length > head.lastSeq) return new ChainForensics(proposalId, head, events).beyondRow();
  if (events.length < head.lastSeq) return breakAt(events.length + 1, 'missing', `the row's last seq is ${head.lastSeq}`);
  return SOUND;
}

/** What replay says of a sound chain, in a form that can cross to another thread. */
export interface ReplayVerdict {
  failure: ReplayFailure | null;
  /** Whether the replayed snapshot is the one the row stores (false when it failed or the row's is unreadable). */
  snapshotMatches: boolean;
  /** The first of the row's query columns that disagrees with the replayed context, if any. */
  columnAtOdds: string | null;
}

/** The parts of the row replay is held against. */
export type ReplayedHead = Pick<AuditedProposal, 'snapshot' | 'escalation' | 'late' | 'awardForm'>;

export function replayVerdict(head: ReplayedHead, events: readonly AuditedEvent[]): ReplayVerdict {
  const replayed = replayTo(events);
  if (replayed.failure) return { failure: replayed.failure, snapshotMatches: false, columnAtOdds: null };
  const stored = storedSnapshot(head.snapshot);
  return {
    failure: null,
    snapshotMatches: stored !== null && snapshotsMatch(replayed, stored),
    columnAtOdds: columnAtOdds(head, replayed.context as unknown as Record<string, unknown>),
  };
}

/** verifyChain's second half, on a SOUND chain: the row's head against its last event and, unless null, replay. */
export function breakAtHead(head: AuditedProposal, events: readonly AuditedEvent[], replayed: ReplayVerdict | null): ChainBreak | null {
  const breakAt = breakFactory(head.id);
  const last = events[events.length - 1];
  if (replayed?.failure) return breakAt(replayed.failure.seq, 'replay_failed', replayed.failure.message);
  if (head.lastHash !== last.hash) {
    return breakAt(head.lastSeq, 'snapshot_mismatch', "the row's last hash is not the last event's hash");
  }
  if (head.state !== undefined && head.state !== last.state) {
    return breakAt(head.lastSeq, 'snapshot_mismatch', `the row's state column says ${head.state}, its log ${last.state}`);
  }
  if (head.machineVersion !== last.machineVersion) {
    const detail = `the row is on machine v${head.machineVersion}, its log on v${last.machineVersion}`;
    return breakAt(head.lastSeq, 'snapshot_mismatch', detail);
  }
  if (replayed) {
    if (!replayed.snapshotMatches) {
      return breakAt(head.lastSeq, 'snapshot_mismatch', 'replaying the log does not reproduce the stored snapshot');
    }
    const column = replayed.columnAtOdds;
    if (column) return breakAt(head.lastSeq, 'snapshot_mismatch', `the row's ${column} column is not what replay gives`);
  }
  return null;
}

/** The hot path: the index of the first event that is out of place, unlinked or unsealed, or -1. */
export function firstUnsoundIndex(proposalId: string, events: readonly AuditedEvent[]): number {
  let prevHash = GENESIS_HASH;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (
      event.seq !== index + 1 ||
      event.prevHash !== prevHash ||
      event.proposalId !== proposalId ||
      !seals(event.hash, event.prevHash, event)
    ) {
      return index;
    }
    prevHash = event.hash;
  }
  return -1;
}

const breakFactory =
  (proposalId: string) =>
  (seq: number, reason: ChainBreakReason, detail?: string): ChainBreak =>
    detail === undefined ? { proposalId, seq, reason } : { proposalId, seq, reason, detail };

/** The row's column may come back as text from a driver that does not parse JSON. */
function storedSnapshot(raw: unknown): SnapshotLike | null {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return value !== null && typeof value === 'object' && 'value' in value && 'context' in value ? (value as SnapshotLike) : null;
}

/**
 * The slow path, run once a log is known to be broken: what each event's seal says about where it came from.
 * Seals are recomputed on demand and remembered, since the questions overlap.
 */
class ChainForensics {
  private readonly breakAt: ReturnType<typeof breakFactory>;
  private readonly sealedInPlace = new Map<number, boolean>();
  private readonly originalSeqs = new Map<number, number | null>();
  private hashIndex: Map<string, number> | null = null;
  /**
   * Where a moved event's original seq is looked for: up to the row's last seq plus room for a shift, but bounded
   * by the events in hand, so that a row tampered to claim a huge last seq cannot make the search run away.
   */
  private readonly seqSearchLimit: number;

  constructor(
    private readonly proposalId: string,
    private readonly head: AuditedProposal,
    private readonly events: readonly AuditedEvent[],
  ) {
    this.breakAt = breakFactory(proposalId);
    this.seqSearchLimit = Math.min(Math.max(head.lastSeq, events.length), events.length + 1_000) + events.length;
  }

  /** `index` is the first unsound event; every event before it is in place, linked and sealed. */
  classify(index: number): ChainBreak {
    const event = this.events[index];
    const expectedSeq = index + 1;
    if (index >= this.head.lastSeq) return this.beyondRow();
    if (event.proposalId !== this.proposalId) return this.breakAt(event.seq, 'inserted', 'an event of another proposal');
    if (event.seq < expectedSeq) return this.breakAt(event.seq, 'inserted', 'a second event with this seq');
    if (event.seq > expectedSeq) {
      return this.someEventSealedAs(expectedSeq)
        ? this.breakAt(expectedSeq, 'reordered', `the event sealed as ${expectedSeq} sits elsewhere`)
        : this.breakAt(expectedSeq, 'missing');
    }
    if (!this.isSealedInPlace(index)) return this.classifyUnsealed(index);

    // Sealed where it stands, yet not linked to the event before it.
    const linkedTo = this.indexOfHash(event.prevHash);
    if (linkedTo !== -1) {
      return this.breakAt(expectedSeq, 'reordered', `it follows the event at seq ${this.events[linkedTo].seq}`);
    }
    if (index > 0 && this.isVouchedFor(index)) {
      // Genuine (what comes after it still names it), so it is its predecessor that was rewritten and re-sealed.
      return this.breakAt(expectedSeq - 1, 'edited', 're-sealed after the change: the next event names the original');
    }
    return this.breakAt(expectedSeq, 'inserted', 'sealed, but it follows no event of this proposal');
  }

  /** Every event up to the row's last seq is sound: what lies past it was appended behind the row's back. */
  beyondRow(): ChainBreak {
    const last = this.events[this.events.length - 1];
    if (last.hash === this.head.lastHash) {
      return this.breakAt(this.head.lastSeq, 'snapshot_mismatch', `the row's last seq lags its last hash (seq ${last.seq})`);
    }
    return this.breakAt(this.head.lastSeq + 1, 'inserted', "past the row's last seq and last hash");
  }

  private classifyUnsealed(index: number): ChainBreak {
    const expectedSeq = index + 1;
    const originalSeq = this.originalSeqOf(index);
    if (originalSeq !== null) {
      const shift = expectedSeq - originalSeq;
      if (!this.isShiftedFrom(index, shift)) {
        return this.breakAt(expectedSeq, 'reordered', `it was sealed as seq ${originalSeq}`);
      }
      return shift > 0
        ? this.breakAt(expectedSeq - shift, 'inserted', `the events from seq ${expectedSeq} on were renumbered up by ${shift}`)
        : this.breakAt(expectedSeq, 'missing', `the events from seq ${expectedSeq} on were renumbered down by ${-shift}`);
    }
    // A forged line pushed the genuine ones up: they verify one (or k) seqs lower.
    const next = index + 1;
    const nextOriginal = next < this.events.length ? this.originalSeqOf(next) : null;
    if (nextOriginal !== null) {
      const shift = this.events[next].seq - nextOriginal;
      if (shift > 0 && this.isShiftedFrom(next, shift)) {
        return this.breakAt(this.events[next].seq - shift, 'inserted', `the events after it were renumbered up by ${shift}`);
      }
    }
    const owner = this.sealOwnerOf(index);
    if (owner !== -1) {
      return this.breakAt(expectedSeq, 'reordered', `its content was sealed at seq ${this.events[owner].seq}`);
    }
    return this.breakAt(expectedSeq, 'edited', 'its hash does not seal its content');
  }

  private seals(index: number, seq: number): boolean {
    const event = this.events[index];
    return eventHash(event.prevHash, { ...event, seq }) === event.hash;
  }

  private isSealedInPlace(index: number): boolean {
    let sealed = this.sealedInPlace.get(index);
    if (sealed === undefined) {
      sealed = this.seals(index, this.events[index].seq);
      this.sealedInPlace.set(index, sealed);
    }
    return sealed;
  }

  /** The other seq the event was sealed under (it was moved), or null. */
  private originalSeqOf(index: number): number | null {
    if (this.isSealedInPlace(index)) return null;
    if (!this.originalSeqs.has(index)) {
      let found: number | null = null;
      for (let seq = 1; seq <= this.seqSearchLimit && found === null; seq++) {
        if (seq !== this.events[index].seq && this.seals(index, seq)) found = seq;
      }
      this.originalSeqs.set(index, found);
    }
    return this.originalSeqs.get(index)!;
  }

  private someEventSealedAs(seq: number): boolean {
    return this.events.some((event, index) => event.seq !== seq && !this.isSealedInPlace(index) && this.seals(index, seq));
  }

  /** Whether every event from `from` on verifies `shift` seqs below where it stands: a renumbering, not a move. */
  private isShiftedFrom(from: number, shift: number): boolean {
    for (let index = from; index < this.events.length; index++) {
      const originalSeq = this.events[index].seq - shift;
      if (originalSeq < 1 || !this.seals(index, originalSeq)) return false;
    }
    return true;
  }

  /** Another row whose seal (seq, prevHash, hash) verifies this row's content: contents were swapped between rows. */
  private sealOwnerOf(index: number): number {
    const content = this.events[index];
    return this.events.findIndex(
      (owner, ownerIndex) =>
        ownerIndex !== index && eventHash(owner.prevHash, { ...content, seq: owner.seq }) === owner.hash,
    );
  }

  private indexOfHash(hash: string): number {
    this.hashIndex ??= new Map(this.events.map((event, index) => [event.hash, index]));
    return this.hashIndex.get(hash) ?? -1;
  }

  /** Whether what follows the event (the next event's link, or the row for the last one) names its hash. */
  private isVouchedFor(index: number): boolean {
    const hash = this.events[index].hash;
    return index + 1 < this.events.length ? this.events[index + 1].prevHash === hash : this.head.lastHash === hash;
  }
}

/** The first of the row's query columns that disagrees with the replayed context, if any. */
function columnAtOdds(head: ReplayedHead, context: Record<string, unknown> | null): string | null {
  if (!context) return null;
  if (head.escalation !== undefined && head.escalation !== context.escalation) return 'escalation';
  if (head.late !== undefined && head.late !== context.late) return 'late';
  if (head.awardForm !== undefined && head.awardForm !== context.awardForm) return 'award_form';
  return null;
}
