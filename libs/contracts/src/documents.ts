import type { DocumentKind } from '#kernel';
import type { Finding } from '#rules';
import type { ProposalEventType } from '#workflows/proposal';

export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '#kernel';

/**
 * The types the API accepts for a dossier's document (it detects them from the bytes; a picker offers them as a
 * hint only). The same table as libs/documents DOCUMENT_MEDIA_TYPES, which the browser may not import.
 */
export const DOCUMENT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;

/**
 * The server's upload limit when the operator has not set another (libs/config DEFAULT_DOCUMENT_MAX_BYTES). A
 * client must not refuse a file by it (the server's limit may be higher); it only explains a cut connection.
 */
export const USUAL_UPLOAD_LIMIT = 20 * 1024 * 1024;

/** What a file picker proposes: the extensions and the media types above. */
export const DOCUMENT_ACCEPT = ['.pdf', '.docx', '.jpg', '.jpeg', '.png', ...Object.values(DOCUMENT_MEDIA_TYPES)].join(',');

/** One document of the dossier (POST and GET /api/proposals/:id/documents). */
export interface DossierDocumentBody {
  id: string;
  kind: DocumentKind;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Who attached it; `name` null when the token carried none. */
  uploadedBy: { id: string; name: string | null };
  uploadedAt: string;
}

/** A document the rulebook (HS-1 … HS-4) asks for before one of the caller's next steps, and whether it is there. */
export interface DossierRequirementBody {
  event: ProposalEventType;
  rule: string;
  documentKind: DocumentKind;
  present: boolean;
  message: string;
  messageEn: string;
}

/** The forms generated from the stored data (GET /api/proposals/:id/forms/:form), as libs/proposals PROPOSAL_FORMS. */
export const FORM_NAMES = ['to-trinh', 'quyet-dinh', 'bang-khen'] as const;
export type FormName = (typeof FORM_NAMES)[number];
export type FormFormat = 'docx' | 'pdf';
export const FORM_FORMATS: readonly FormFormat[] = ['docx', 'pdf'];

/** `dossier` of GET /api/proposals/:id: what the caller may do with the dossier now. */
export interface DossierBody {
  /** What this caller may attach now; empty: nothing. */
  uploadableKinds: DocumentKind[];
  /** Whether this caller may remove documents now (while drafting or returned). */
  canRemove: boolean;
  required: DossierRequirementBody[];
  forms: FormName[];
}

/** A rule violation of a refused action; HS-1 … HS-4 name the document that is missing. */
export type DocumentFinding = Finding & { documentKind?: DocumentKind };
