/**
 * Stable error codes: clients and tests match on these, and only the HTTP edge turns them into statuses.
 */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'FORBIDDEN'
  | 'VERSION_CONFLICT'
  | 'RULE_VIOLATION'
  | 'VALIDATION_FAILED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'DUPLICATE'
  /** A capability the operator has not configured (e.g. no key to sign audit checkpoints with). */
  | 'NOT_CONFIGURED'
  /** An upload over the configured size limit. */
  | 'PAYLOAD_TOO_LARGE'
  /** An upload whose content is none of the accepted document types, whatever its name says. */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** A DOCX that is not a sound Office archive, or one that would inflate beyond reason (a zip bomb). */
  | 'UNSAFE_ARCHIVE'
  /** A generated form asked for before the proposal holds what it prints (a decision before APPROVE). */
  | 'FORM_NOT_READY'
  /** One more live notice stream than a person may hold open at once (MAX_EVENT_STREAMS_PER_USER). */
  | 'TOO_MANY_STREAMS'
  /** An act with consequences the caller has not yet confirmed (a ceremony moved so early that open dossiers turn late). */
  | 'CONFIRMATION_REQUIRED'
  /** A unit merged into another or dissolved (docs/units.md): it takes no new proposal and no further change. */
  | 'UNIT_DISSOLVED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Bad input naming its fields, in the one shape every such refusal has: `{errors: [{field, message}]}`. */
export function invalidFields(errors: { field: string; message: string }[], details: Record<string, unknown> = {}): DomainError {
  return new DomainError('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), { ...details, errors });
}
