/**
 * The log's lines for the dossier's documents (docs/documents.md): sealed in the proposal's chain like every
 * event, but no step of the machine. Replay passes over them without moving the stage; verify checks that
 * the bytes they seal are still the bytes stored.
 */
export const DOCUMENT_ATTACHED = 'DOCUMENT_ATTACHED';
export const DOCUMENT_REMOVED = 'DOCUMENT_REMOVED';

export const isDossierEvent = (type: string): boolean => type === DOCUMENT_ATTACHED || type === DOCUMENT_REMOVED;

/** What DOCUMENT_ATTACHED seals: enough to find the bytes again and to notice a swapped file. */
export interface DocumentAttachedPayload {
  documentId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface DocumentRemovedPayload {
  documentId: string;
  kind: string;
  fileName: string;
  sha256: string;
}
