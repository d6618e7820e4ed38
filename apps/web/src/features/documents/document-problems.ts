import { ApiError, NetworkError } from '../../api/api-error.js';
import { USUAL_UPLOAD_LIMIT } from '../../api/document-types.js';
import { formatFileSize, type Lang } from '../../i18n/i18n.js';
import type { DOCUMENTS_MESSAGES } from './documents.messages.js';

type T = (typeof DOCUMENTS_MESSAGES)['vi'];

/** Whether a refusal means the screen is stale (the stage moved on, the document is gone): load it again. */
export const staleAfter = (error: unknown) => error instanceof ApiError && (error.code === 'INVALID_TRANSITION' || error.status === 409 || error.status === 404);

/**
 * Why an upload was refused, in plain words and without the server's codes. Read off the code the API sends,
 * else off the status alone: a proxy in front of the API answers 413 with a page of its own, not JSON.
 */
export function uploadProblem(error: unknown, file: { name: string; size: number }, t: T, lang: Lang): string {
  const size = formatFileSize(file.size, lang);
  if (error instanceof NetworkError) {
    return file.size > USUAL_UPLOAD_LIMIT ? t.connectionCut(file.name, size, formatFileSize(USUAL_UPLOAD_LIMIT, lang)) : t.uploadNetwork(file.name);
  }
  if (!(error instanceof ApiError)) return t.uploadUnexpected(file.name);
  const code = error.code;
  if (code === 'PAYLOAD_TOO_LARGE' || error.status === 413) {
    const limit = typeof error.body.limit === 'number' && error.body.limit > 0 ? formatFileSize(error.body.limit, lang) : null;
    return t.tooLarge(file.name, size, limit);
  }
  if (code === 'UNSUPPORTED_MEDIA_TYPE' || error.status === 415) return t.unsupported(file.name);
  if (code === 'UNSAFE_ARCHIVE') return t.unsafe(file.name);
  if (code === 'VALIDATION_FAILED' || error.status === 400) {
    if (error.errors.some((problem) => problem.field === 'kind')) return t.badKind;
    // The API's one refusal of a file's own (rather than its type or size) is an empty one.
    if (file.size === 0 || error.errors.some((problem) => problem.field === 'file' && /empty|rỗng|0 byte/i.test(problem.message))) return t.emptyFile(file.name);
    return t.invalid(file.name);
  }
  if (error.status === 403) return t.uploadForbidden;
  if (code === 'INVALID_TRANSITION' || error.status === 409) return t.uploadStage;
  return t.uploadUnexpected(file.name);
}

/** Why removing a document was refused. */
export function removeProblem(error: unknown, t: T): string {
  if (error instanceof NetworkError) return t.network;
  if (!(error instanceof ApiError)) return t.unexpected;
  if (error.status === 404) return t.removeGone;
  if (error.status === 409) return t.removeStage;
  if (error.status === 403) return t.removeForbidden;
  return t.unexpected;
}

/** Why a document's file could not be fetched for preview or download. */
export function fileProblem(error: unknown, t: T): string {
  if (error instanceof NetworkError) return t.network;
  if (!(error instanceof ApiError)) return t.unexpected;
  if (error.status === 404) return t.fileGone;
  if (error.status === 403) return t.fileForbidden;
  return t.unexpected;
}

/** A stable tag for tests and support (never shown): the code of an ApiError, else the kind of failure. */
export function problemCode(error: unknown): string {
  if (error instanceof ApiError) return error.code;
  if (error instanceof NetworkError) return 'NETWORK';
  return 'UNEXPECTED';
}
