import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { Clock, DomainError } from '#kernel';
import type { AuditLog, StoredCheckpoint } from '../audit-log.port.js';
import type { DocumentEvidence } from '../document-evidence.port.js';
import { createCheckpoint } from '../checkpoint.js';
import type { CheckpointHeadsSource } from '../checkpoint-comparison.js';
import { verifyLog, type LogProgress, type LogVerification } from '../log-verifier.js';
import type { CheckpointHead } from '../merkle.js';

/**
 * What a verify holds the log against: the newest stored checkpoint (the default), a given one, an exported
 * file, or nothing (the chains alone).
 */
export type VerifyAgainst = 'latest' | 'none' | StoredCheckpoint | CheckpointFile;

export interface AuditVerifyOptions {
  /** Replay every proposal against its stored snapshot. Default true. */
  replay?: boolean;
  documents?: DocumentEvidence;
  onProgress?: (progress: LogProgress) => void;
}

export const CHECKPOINT_FILE_FORMAT = 'khen-thuong/audit-checkpoint@1';

/**
 * What an operator takes off the server: the signed digest and the head of every proposal it covers. The heads
 * let a later verification name the proposals that changed; the signature covers the root they rebuild.
 */
export interface CheckpointFile {
  format: typeof CHECKPOINT_FILE_FORMAT;
  checkpoint: StoredCheckpoint;
  heads: CheckpointHead[];
}

/**
 * Events are stamped before their transaction commits, so a checkpoint covers the log only up to a moment a
 * little in the past, when every transaction stamped before it has long committed.
 */
const SETTLE_MS = 10_000;

/** Signed checkpoints of the whole log: made (by an admin or the worker's schedule), listed, and checked. */
export class AuditCheckpoints {
  /** This server's own public key, then the earlier ones configuration still trusts (after a key rotation). */
  private readonly trustedKeys: KeyObject[];

  constructor(
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
    private readonly signingKeyPem: string | null,
    earlierPublicKeysPem: readonly string[] = [],
  ) {
    const own = signingKeyPem ? [createPublicKey(createPrivateKey(signingKeyPem))] : [];
    this.trustedKeys = [...own, ...earlierPublicKeysPem.map((pem) => createPublicKey(pem))];
  }

  /**
   * The key a checkpoint must verify under: the one it names when that key is trusted here, otherwise this
   * server's own (so that one re-signed with a stranger's key fails). With no key at all, none is pinned.
   */
  private trustedKeyFor(checkpoint: StoredCheckpoint): string | undefined {
    let named: KeyObject | null = null;
    try {
      named = createPublicKey(checkpoint.publicKey);
    } catch {
      // An unreadable key is judged under this server's own key below, and fails.
    }
    const der = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });
    const trusted = named && this.trustedKeys.find((key) => der(key).equals(der(named!)));
    const chosen = trusted ?? this.trustedKeys[0];
    return chosen ? (chosen.export({ type: 'spki', format: 'pem' }) as string) : undefined;
  }

  /**
   * Signs the log as it stands (minus the settling moment), keeps the digest with its heads (a page at a time,
   * where the store keeps them), and returns the file to export, whose heads are held to be returned;
   * `keepHeads: false` (the schedule's) leaves the file's heads empty and memory flat however large the log.
   * To write the file itself in flat memory, see {@link createFile}.
   */
  async create(options: { keepHeads?: boolean } = {}): Promise<CheckpointFile> {
    const heads: CheckpointHead[] = [];
    const keepHeads = options.keepHeads ?? true;
    const { checkpoint } = await this.sign((page) => {
      if (keepHeads) heads.push(...page);
    });
    return { format: CHECKPOINT_FILE_FORMAT, checkpoint, heads };
  }

  /**
   * Signs and keeps a checkpoint as {@link create} does, and hands back the file to export as text, made as it
   * is read: the digest, then its heads read back from the store a page at a time (held while signing only
   * where the store keeps none). The text is `JSON.stringify(file, null, 2)`'s, byte for byte.
   */
  async createFile(): Promise<{ checkpoint: StoredCheckpoint; text: AsyncIterable<string> }> {
    const unkept: CheckpointHead[] = [];
    const { checkpoint, headsKept } = await this.sign((page, kept) => {
      if (!kept) unkept.push(...page);
    });
    const heads = headsKept ? this.auditLog.checkpointHeads(checkpoint.id) : [unkept];
    return { checkpoint, text: checkpointFileText(checkpoint, heads) };
  }

  /**
   * Makes and keeps a checkpoint, saving its heads a page at a time where the store keeps them (a store keeps
   * all or none: see AuditLog.saveCheckpointHeads); each page is also shown to `onHeads`.
   */
  private async sign(onHeads: (page: readonly CheckpointHead[], kept: boolean) => void): Promise<{ checkpoint: StoredCheckpoint; headsKept: boolean }> {
    if (!this.signingKeyPem) {
      throw new DomainError('NOT_CONFIGURED', 'No key to sign checkpoints with: set AUDIT_SIGNING_KEY to an Ed25519 private key (PEM)');
    }
    const now = this.clock.now();
    const upTo = new Date(now.getTime() - SETTLE_MS);
    const id = randomUUID();
    let headsKept = true;
    const { checkpoint } = await createCheckpoint(this.auditLog, {
      id,
      upTo,
      now,
      privateKeyPem: this.signingKeyPem,
      onHeads: async (page) => {
        if (headsKept) headsKept = await this.auditLog.saveCheckpointHeads(id, page);
        onHeads(page, headsKept);
      },
    });
    await this.auditLog.saveCheckpoint(checkpoint);
    return { checkpoint, headsKept };
  }

  list(limit = 50): Promise<StoredCheckpoint[]> {
    return this.auditLog.checkpoints(limit);
  }

  async get(id: string): Promise<StoredCheckpoint> {
    const checkpoint = await this.auditLog.checkpoint(id);
    if (!checkpoint) throw new DomainError('NOT_FOUND', `Checkpoint ${id} does not exist`, { id });
    return checkpoint;
  }

  /**
   * Walks the whole log (chains, replay) and, in the same pass, holds it against a signed checkpoint: by
   * default the newest stored one (`checkpoint: null` in the answer when there is none yet). A chain rewritten
   * with fresh, self-consistent hashes passes the first check and fails the second; with the checkpoint's heads
   * (kept with it, or in the exported file) each proposal rewritten, truncated or deleted since is named. The
   * signature must hold under a key this server trusts (its own, or an earlier one from
   * AUDIT_TRUSTED_PUBLIC_KEYS), so a checkpoint re-signed with another key is refused too.
   */
  async verify(against: VerifyAgainst = 'latest', options: AuditVerifyOptions = {}): Promise<LogVerification> {
    const walk = { replay: options.replay ?? true, documents: options.documents, onProgress: options.onProgress };
    if (against === 'none') return verifyLog(this.auditLog, walk);
    let checkpoint: StoredCheckpoint;
    let heads: CheckpointHeadsSource;
    if (against === 'latest') {
      const [latest] = await this.auditLog.checkpoints(1);
      if (!latest) return { ...(await verifyLog(this.auditLog, walk)), checkpoint: null };
      checkpoint = latest;
      heads = this.auditLog.checkpointHeads(latest.id);
    } else if ('format' in against) {
      checkpoint = against.checkpoint;
      heads = against.heads;
    } else {
      checkpoint = against;
      heads = this.auditLog.checkpointHeads(against.id);
    }
    return verifyLog(this.auditLog, {
      ...walk,
      // Without a key of its own or an earlier one, this process cannot tell the server's checkpoint from one a
      // forger signed: it says so (keyPinned false) and fails rather than vouch for either.
      checkpoint: { checkpoint, heads, trustedPublicKeyPem: this.trustedKeyFor(checkpoint), requireTrustedKey: true },
    });
  }
}

/** Reads an exported checkpoint file, saying what is wrong with it rather than failing later in the walk. */
export function parseCheckpointFile(text: string): CheckpointFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', `The checkpoint file is not JSON: ${(error as Error).message}`);
  }
  const file = parsed as Partial<CheckpointFile>;
  const problems: string[] = [];
  if (file?.format !== CHECKPOINT_FILE_FORMAT) problems.push(`format must be "${CHECKPOINT_FILE_FORMAT}"`);
  const checkpoint = file?.checkpoint as Partial<StoredCheckpoint> | undefined;
  for (const field of ['id', 'upTo', 'merkleRoot', 'algorithm', 'publicKey', 'signature', 'createdAt'] as const) {
    if (typeof checkpoint?.[field] !== 'string') problems.push(`checkpoint.${field} must be a string`);
  }
  for (const field of ['proposals', 'events'] as const) {
    if (typeof checkpoint?.[field] !== 'number') problems.push(`checkpoint.${field} must be a number`);
  }
  if (!Array.isArray(file?.heads)) problems.push('heads must be a list of {proposalId, seq, hash}');
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `Not a checkpoint file: ${problems.join('; ')}`, { problems });
  }
  return file as CheckpointFile;
}

/**
 * The checkpoint file as `JSON.stringify(file, null, 2)` writes it (and a final newline), made a page of heads
 * at a time, so that exporting a checkpoint of millions of proposals holds one page.
 */
export async function* checkpointFileText(
  checkpoint: StoredCheckpoint,
  heads: Iterable<readonly CheckpointHead[]> | AsyncIterable<readonly CheckpointHead[]>,
): AsyncIterable<string> {
  const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
  yield `{\n  "format": ${JSON.stringify(CHECKPOINT_FILE_FORMAT)},\n  "checkpoint": ${indented(checkpoint, 1)},\n  "heads": [`;
  let written = 0;
  for await (const page of heads) {
    let text = '';
    for (const head of page) {
      // The members in the order JSON.stringify would write a head the walk made.
      text += `${written++ === 0 ? '' : ','}\n    ${indented({ proposalId: head.proposalId, seq: head.seq, hash: head.hash }, 2)}`;
    }
    if (text) yield text;
  }
  yield written === 0 ? ']\n}\n' : '\n  ]\n}\n';
}
