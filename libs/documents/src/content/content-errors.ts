import { DomainError } from '#kernel';
import { DOCUMENT_MEDIA_TYPES } from '../document.types.js';

/**
 * Why an archive was refused, in the error's details: stable words a client, a log search or a test can match on.
 * The message says it to a person.
 */
export type UnsafeArchiveReason =
  /** Truncated, inconsistent or undecodable: we cannot tell what a reader would make of it, so nobody reads it. */
  | 'corrupt'
  /** ZIP64 records: Office never needs them for a document of the size accepted, and they widen the parser's surface. */
  | 'zip64'
  | 'encrypted'
  | 'too_many_entries'
  | 'unsupported_method'
  /** The sizes declared add up to more than the inflation budget. */
  | 'too_large'
  /** An entry declares a compression ratio only a zip bomb reaches. */
  | 'ratio'
  /** An entry inflated to something else than its header declared: a lying header or a damaged one. */
  | 'size_mismatch'
  | 'crc_mismatch'
  /** Two entries share bytes or a name: different readers would see different documents. */
  | 'overlap'
  | 'duplicate';

export const unsafeArchive = (reason: UnsafeArchiveReason, message: string): DomainError =>
  new DomainError('UNSAFE_ARCHIVE', message, { reason });

/** The media types a client may send, listed in every refusal so the user knows what to do instead. */
const ACCEPTED = Object.values(DOCUMENT_MEDIA_TYPES);

export const unsupportedMediaType = (message: string): DomainError =>
  new DomainError('UNSUPPORTED_MEDIA_TYPE', message, { accepted: ACCEPTED });
