import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorCode } from '#kernel';

/** The one place where domain error codes become HTTP statuses (the OpenAPI document reads it too). */
export const STATUS: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  RULE_VIOLATION: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  NOT_CONFIGURED: 503,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSAFE_ARCHIVE: 422,
  FORM_NOT_READY: 409,
  CONFIRMATION_REQUIRED: 409,
  UNIT_DISSOLVED: 409,
  TOO_MANY_STREAMS: 429,
};

const HTTP_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      // Bad input always lists its fields, so a client reads one shape whichever layer refused it.
      const fields =
        error.code === 'VALIDATION_FAILED' && !Array.isArray(error.details.errors)
          ? { errors: [{ field: typeof error.details.field === 'string' ? error.details.field : 'body', message: error.message }] }
          : {};
      response.status(STATUS[error.code]).json({ code: error.code, message: error.message, ...error.details, ...fields });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const payload = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : { message: body };
      const message = typeof payload.message === 'string' ? payload.message : error.message;
      const { error: _name, statusCode: _status, ...rest } = payload;
      // Nest's own body parser reports malformed JSON as a plain 400; give it the same shape as ours.
      const errors = status === 400 && !rest.errors ? { errors: [{ field: 'body', message }] } : {};
      response.status(status).json({ code: rest.code ?? HTTP_CODES[status] ?? 'HTTP_ERROR', ...rest, message, ...errors });
      return;
    }
    // Express's JSON parser reports malformed bodies this way.
    const parseError = error as { type?: string; status?: number; message?: string };
    if (parseError?.type === 'entity.parse.failed' || parseError?.type === 'entity.too.deep') {
      const tooDeep = parseError.type === 'entity.too.deep';
      response.status(400).json({
        code: 'VALIDATION_FAILED',
        message: tooDeep ? 'The body is nested too deeply' : 'The body is not valid JSON',
        errors: [{ field: 'body', message: parseError.message ?? 'malformed JSON' }],
      });
      return;
    }
    if (typeof parseError?.status === 'number' && parseError.status >= 400 && parseError.status < 500) {
      response.status(parseError.status).json({ code: HTTP_CODES[parseError.status] ?? 'BAD_REQUEST', message: parseError.message });
      return;
    }
    this.logger.error(error instanceof Error ? error.stack : String(error));
    response.status(500).json({ code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged' });
  }
}
