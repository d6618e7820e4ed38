import type { Actor, DocumentKind } from '#kernel';

export { DOCUMENT_ATTACHED, DOCUMENT_REMOVED, type DocumentAttachedPayload, type DocumentRemovedPayload } from '#audit';

/** One document of a dossier. A removed one keeps its row, stamped, because the log keeps that it existed. */
export interface DocumentRecord {
  id: string;
  proposalId: string;
  /** The seq of the DOCUMENT_ATTACHED event that sealed it. */
  seq: number;
  kind: DocumentKind;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: Actor;
  uploadedAt: string;
  removedSeq: number | null;
  removedBy: Actor | null;
  removedAt: string | null;
}
