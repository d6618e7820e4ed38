/**
 * The dossier's documents (hồ sơ đề nghị khen thưởng): what a document is, as the API, the log and the console
 * see it. Pure data; no storage, no framework. See docs/documents.md.
 */

export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '#kernel';

/** The types accepted, detected from the bytes, never from the name or the client's Content-Type. */
export const DOCUMENT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_MEDIA_TYPES;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[DocumentFormat];

/** The file extension each detected format is saved and served with. */
export const DOCUMENT_EXTENSIONS: Record<DocumentFormat, string> = { pdf: 'pdf', docx: 'docx', jpeg: 'jpg', png: 'png' };

/** A file once it has been received in full: where it waits, what it is, and its fingerprint. */
export interface StagedFile {
  /** A temporary file on local disk; the store takes it from there (or it is deleted on refusal). */
  path: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
}

/** What inspecting the bytes found. */
export interface InspectedContent {
  format: DocumentFormat;
  mediaType: DocumentMediaType;
}
