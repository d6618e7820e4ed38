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
    return records.map((record) => ({
      id: record.id,
      proposalId: record.proposalId,
      seq: record.seq,
      kind: record.kind,
      fileName: record.fileName,
      mediaType: record.mediaType,
      size: record.size,
      sha256: record.sha256,
      uploadedById: record.uploadedBy.id,
      uploadedAt: record.uploadedAt,
      removedSeq: record.removedSeq,
      removedById: record.removedBy?.id ?? null,
      removedAt: record.removedAt,
    }));
  }

  async digest(sha256: string): Promise<StoredBytesDigest | null> {
    const bytes = await this.blobs.open(sha256);
    if (!bytes) return null;
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of bytes) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
    } catch {
      // Bytes that cannot be read back (a chunk gone, an unreadable file) are, for an auditor, bytes that are gone.
      return null;
    }
    return { sha256: hash.digest('hex'), size };
  }
}
