import type { StoredCheckpoint } from './audit-log.port.js';
import { verifyCheckpointSignature } from './checkpoint-signature.js';
import { merkleLeafHash, merkleRootOf, MerkleRootBuilder, type CheckpointHead } from './merkle.js';

/** A proposal whose head no longer matches the checkpoint; null fields when only the whole log can be blamed. */
export interface CheckpointBreak {
  proposalId: string | null;
  seq: number | null;
  reason: 'checkpoint_mismatch';
}

export interface CheckpointVerification {
  /** The signature holds, and the log up to `upTo` still has the signed root and counts. */
  ok: boolean;
  signatureValid: boolean;
  merkleRootMatches: boolean;
  /** Whether the heads file given reproduces the signed root; null when none was given. */
  headsMatchCheckpoint: boolean | null;
  /** What the log holds now before `upTo`, to set against the checkpoint's own counts. */
  proposals: number;
  events: number;
  broken: CheckpointBreak[];
  truncated: boolean;
}

export interface CheckpointComparisonOptions {
  /** The heads exported with the checkpoint: with them, the proposals that changed are named. */
  heads?: readonly CheckpointHead[];
  trustedPublicKeyPem?: string;
  maxBroken?: number;
}

const byProposalId = (a: CheckpointHead, b: CheckpointHead) =>
  a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0;

/**
 * Compares the log, fed one proposal head at a time in id order, with a signed checkpoint: the Merkle root is
 * rebuilt as it goes, in O(log n) memory beside the heads file, if one was given.
 */
export class CheckpointComparison {
  private readonly current = new MerkleRootBuilder();
  private readonly expected: readonly CheckpointHead[] | null;
  private readonly headsMatchCheckpoint: boolean | null;
  private readonly signatureValid: boolean;
  private readonly maxBroken: number;
  private readonly broken: CheckpointBreak[] = [];
  private truncated = false;
  private nextExpected = 0;
  private events = 0;
  private lastProposalId: string | null = null;

  constructor(
    private readonly checkpoint: StoredCheckpoint,
    options: CheckpointComparisonOptions = {},
  ) {
    this.signatureValid = verifyCheckpointSignature(checkpoint, options.trustedPublicKeyPem);
    this.maxBroken = options.maxBroken ?? 1_000;
    if (options.heads) {
      const sorted = [...options.heads].sort(byProposalId);
      this.headsMatchCheckpoint = merkleRootOf(sorted) === checkpoint.merkleRoot;
      // Heads that do not reproduce the signed root prove nothing about any one proposal.
      this.expected = this.headsMatchCheckpoint ? sorted : null;
    } else {
      this.headsMatchCheckpoint = null;
      this.expected = null;
    }
  }

  /** The proposal's last event before `upTo` as the log holds it now, and how many of its events precede `upTo`. */
  add(head: CheckpointHead, eventsBefore: number): void {
    if (this.lastProposalId !== null && head.proposalId <= this.lastProposalId) {
      throw new Error(
        `checkpoint heads must come in ascending proposal id order: ${head.proposalId} after ${this.lastProposalId}`,
      );
    }
    this.lastProposalId = head.proposalId;
    this.current.add(merkleLeafHash(head));
    this.events += eventsBefore;
    if (!this.expected) return;

    this.reportGoneBefore(head.proposalId);
    const signed = this.expected[this.nextExpected];
    if (signed?.proposalId === head.proposalId) {
      this.nextExpected++;
      if (signed.seq !== head.seq || signed.hash !== head.hash) this.report(head.proposalId, signed.seq);
    } else {
      // Not in the checkpoint, yet it has events before its instant: backdated.
      this.report(head.proposalId, head.seq);
    }
  }

  finish(): CheckpointVerification {
    if (this.expected) this.reportGoneBefore(null);
    const merkleRootMatches = this.current.root() === this.checkpoint.merkleRoot;
    const countsMatch = this.current.size === this.checkpoint.proposals && this.events === this.checkpoint.events;
    // A deleted event under an unchanged head changes only the count: the whole log is all that can be blamed.
    if ((!merkleRootMatches || !countsMatch) && this.broken.length === 0) this.report(null, null);
    return {
      ok: this.signatureValid && merkleRootMatches && countsMatch,
      signatureValid: this.signatureValid,
      merkleRootMatches,
      headsMatchCheckpoint: this.headsMatchCheckpoint,
      proposals: this.current.size,
      events: this.events,
      broken: this.broken,
      truncated: this.truncated,
    };
  }

  /** Signed heads of proposals the log no longer has any event of (before `upTo`). */
  private reportGoneBefore(proposalId: string | null): void {
    const expected = this.expected!;
    while (
      this.nextExpected < expected.length &&
      (proposalId === null || expected[this.nextExpected].proposalId < proposalId)
    ) {
      const gone = expected[this.nextExpected++];
      this.report(gone.proposalId, gone.seq);
    }
  }

  private report(proposalId: string | null, seq: number | null): void {
    if (this.broken.length >= this.maxBroken) {
      this.truncated = true;
      return;
    }
    this.broken.push({ proposalId, seq, reason: 'checkpoint_mismatch' });
  }
}
