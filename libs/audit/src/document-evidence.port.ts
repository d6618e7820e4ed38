/** A document's record as stored beside the log (the row the API lists and serves from). */
export interface StoredDocumentRecord {
  id: string;
  proposalId: string;
  seq: number;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Who attached it and when: the DOCUMENT_ATTACHED line's actor and instant. */
  uploadedById: string;
  uploadedAt: string;
  /** The removal stamp, all three set exactly when a DOCUMENT_REMOVED line removed it. */
  removedSeq: number | null;
  removedById: string | null;
  removedAt: string | null;
}

/** What re-reading the stored bytes found: their own hash and length, whatever the record claims. */
export interface StoredBytesDigest {
  sha256: string;
  size: number;
}

/**
 * Read access to the dossier's documents for verify (docs/documents.md): the records, and the stored bytes
 * hashed again. A verify that has this port catches a file swapped on disk or in the database.
 */
export abstract class DocumentEvidence {
  /** Every document record of a proposal, removed ones included, in seq order. */
  abstract recordsOf(proposalId: string): Promise<StoredDocumentRecord[]>;
  /** The SHA-256 and size of the bytes stored under `sha256`, read and hashed again; null when none can be read. */
  abstract digest(sha256: string): Promise<StoredBytesDigest | null>;
}
