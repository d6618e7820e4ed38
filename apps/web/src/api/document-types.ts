/**
 * The dossier's documents and the generated forms, as the API sends them. The kinds come from the kernel, as
 * the server's; the media types are copied from libs/documents (document.types.ts), which the console may not
 * import (dependency-cruiser: the browser gets the pure libraries only): keep them in step.
 */
import type { DocumentKind } from '#kernel';
import type { Finding } from '#rules';
import type { ProposalEventType } from '#workflows/proposal';

export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '#kernel';

/** The types the API accepts (it detects them from the bytes); the picker offers them as a hint only. */
export const DOCUMENT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;

/**
 * The server's size limit when the operator has not set another (DEFAULT_DOCUMENT_MAX_BYTES, libs/config). The
 * console never refuses a file by it (the server's limit may be higher); it only explains a cut connection: a
 * server refusing a body that is too large may close the line before the browser has read the 413.
 */
export const USUAL_UPLOAD_LIMIT = 20 * 1024 * 1024;

/** What the file picker proposes: the extensions and the media types above. */
export const DOCUMENT_ACCEPT = ['.pdf', '.docx', '.jpg', '.jpeg', '.png', ...Object.values(DOCUMENT_MEDIA_TYPES)].join(',');

/** One document of the dossier (POST and GET /api/proposals/:id/documents). */
export interface DossierDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: { id: string; name: string };
  uploadedAt: string;
}

/** A document the rulebook (HS-1 … HS-4) asks for before one of the caller's next steps. */
export interface DossierRequirement {
  event: ProposalEventType;
  rule: string;
  documentKind: DocumentKind;
  present: boolean;
  message: string;
  messageEn: string;
}

/** The generated forms (GET /api/proposals/:id/forms/:form). */
export const FORM_NAMES = ['to-trinh', 'quyet-dinh', 'bang-khen'] as const;
export type FormName = (typeof FORM_NAMES)[number];
export type FormFormat = 'docx' | 'pdf';
export const FORM_FORMATS: readonly FormFormat[] = ['docx', 'pdf'];

/** `dossier` of the proposal view: what the caller may do with the dossier now. */
export interface Dossier {
  /** What this caller may attach now; empty: no upload zone. */
  uploadableKinds: DocumentKind[];
  /** Whether this caller may remove documents now (while drafting or returned). */
  canRemove: boolean;
  required: DossierRequirement[];
  forms: FormName[];
}

/** A rule violation of a refused action; HS-1 … HS-4 name the document that is missing. */
export type DocumentFinding = Finding & { documentKind?: DocumentKind };
