import type { FieldProblem } from '#contracts';
import type { Finding } from '#rules';

/** One field's problem of a 400, as the contract's error body lists them. */
export type { FieldProblem };

/**
 * A refusal as the API sends it (`{code, message, ...details}`), kept whole so that a screen can show the
 * server's own words: the rule violations of a 422, the allowed events of a 409, the field problems of a 400.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly violations: Finding[];
  readonly errors: FieldProblem[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
    this.violations = Array.isArray(body.violations) ? (body.violations as Finding[]) : [];
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [];
    this.body = body;
  }

  /** Someone else moved the proposal after this screen read it (If-Match did not match). */
  get isConflict(): boolean {
    return this.code === 'VERSION_CONFLICT';
  }
}

/** The request never got an answer (server down, network gone). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}
