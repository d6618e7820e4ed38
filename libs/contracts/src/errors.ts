import type { DomainErrorCode } from '#kernel';
import type { Finding } from '#rules';

/**
 * The codes only the HTTP edge sends (apps/api): refusals made before or around the domain, never a
 * DomainError. UNAUTHENTICATED (401, the JWT guard and the queue board), REQUEST_HEADER_FIELDS_TOO_LARGE
 * (431, answered by Node before any route), QUEUE_UNAVAILABLE (503, /queues while Redis is away), BAD_REQUEST
 * and HTTP_ERROR (a 4xx of the framework with no code of ours), INTERNAL (500).
 */
export const HTTP_ERROR_CODES = [
  'UNAUTHENTICATED',
  'REQUEST_HEADER_FIELDS_TOO_LARGE',
  'QUEUE_UNAVAILABLE',
  'BAD_REQUEST',
  'HTTP_ERROR',
  'INTERNAL',
] as const;
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

/**
 * The domain's codes (libs/kernel DomainErrorCode), listed so that a client can tell a known code from another.
 * Written as a record so that the kernel gaining (or losing) a code fails to compile here until this follows.
 */
const DOMAIN_CODES = {
  NOT_FOUND: true,
  INVALID_TRANSITION: true,
  FORBIDDEN: true,
  VERSION_CONFLICT: true,
  RULE_VIOLATION: true,
  VALIDATION_FAILED: true,
  IDEMPOTENCY_KEY_REUSED: true,
  DUPLICATE: true,
  NOT_CONFIGURED: true,
  PAYLOAD_TOO_LARGE: true,
  UNSUPPORTED_MEDIA_TYPE: true,
  UNSAFE_ARCHIVE: true,
  FORM_NOT_READY: true,
  TOO_MANY_STREAMS: true,
  CONFIRMATION_REQUIRED: true,
  UNIT_DISSOLVED: true,
} as const satisfies Record<DomainErrorCode, true>;
export const DOMAIN_ERROR_CODES = Object.keys(DOMAIN_CODES) as DomainErrorCode[];

/** Every `code` an error body of this API may carry: stable, clients and tests match on them. */
export type ErrorCode = DomainErrorCode | HttpErrorCode;
export const ERROR_CODES: readonly ErrorCode[] = [...DOMAIN_ERROR_CODES, ...HTTP_ERROR_CODES];

export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/** One field's problem in a 400 VALIDATION_FAILED: every such refusal lists them, whichever layer refused. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A refusal as the API sends it: `{code, message, ...details}`. The details depend on the code: `errors` for
 * VALIDATION_FAILED, `violations` for RULE_VIOLATION, the allowed events of an INVALID_TRANSITION, and so on.
 */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  errors?: FieldProblem[];
  violations?: Finding[];
  [detail: string]: unknown;
}
