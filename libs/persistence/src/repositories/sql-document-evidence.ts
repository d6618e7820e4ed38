import { createHash } from 'node:crypto';
import { DocumentEvidence, type StoredBytesDigest, type StoredDocumentRecord } from '#audit';
import type { BlobStore } from '#documents';
import { sqlDocuments } from './sql-documents.js';
import type { SqlTransactionRunner } from './sql-transaction-runner.js';

/** Verify's view of the documents: the SQL records, and the stored bytes streamed through SHA-256 again. */
export class SqlDocumentEvidence extends DocumentEvidence {
  constructor(
    private readonly runner: SqlTransactionRunner,
    private readonly blobs: BlobStore,
  ) {
    super();
  }

  async recordsOf(proposalId: string): Promise<StoredDocumentRecord[]> {
    const records = await this.runner.read((db) => sqlDocuments.list(db, proposalId, true));
    return records.map(({ id, proposalId: owner, seq, kind, fileName, mediaType, size, sha256, removedSeq }) => ({
      id,
      proposalId: owner,
      seq,
      kind,
      fileName,
      mediaType,
      size,
      sha256,
      removedSeq,
    }));
  }

  async digest(sha256: string): Promise<StoredBytesDigest | null> {
    const bytes = await this.blobs.open(sha256);
    if (!bytes) return null;
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of bytes) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { sha256: hash.digest('hex'), size };
  }
}
