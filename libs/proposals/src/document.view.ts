import type { DossierDocumentBody } from '#contracts';
import type { DocumentRecord } from './document.records.js';

/** A document as the API shows it (POST/GET /api/proposals/:id/documents): the contract's DossierDocumentBody. */
export interface DocumentView extends DossierDocumentBody {
  id: string;
  kind: DocumentRecord['kind'];
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: { id: string; name: string | null };
  uploadedAt: string;
}

export const toDocumentView = (document: DocumentRecord): DocumentView => ({
  id: document.id,
  kind: document.kind,
  fileName: document.fileName,
  mediaType: document.mediaType,
  size: document.size,
  sha256: document.sha256,
  uploadedBy: { id: document.uploadedBy.id, name: document.uploadedBy.name ?? null },
  uploadedAt: document.uploadedAt,
});
