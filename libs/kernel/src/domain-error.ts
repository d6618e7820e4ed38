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
  | 'NOT_CONFIGURED';

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
