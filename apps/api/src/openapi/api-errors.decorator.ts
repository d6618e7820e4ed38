import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { DomainErrorCode } from '#kernel';
import { STATUS } from '../errors/http-error.filter.js';
import { ErrorBodyResponse } from './error-body.js';

/**
 * The status each documented code is answered with: the error filter's own table, plus UNAUTHENTICATED,
 * which is the JWT guard's.
 */
export const ERROR_STATUS = { ...STATUS, UNAUTHENTICATED: 401 } satisfies Record<DomainErrorCode | 'UNAUTHENTICATED', number>;

export type DocumentedCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[DocumentedCode];
/** The statuses that carry one code only, so that the status alone says which. 409 and 422 are named by code. */
export type SingleCodeStatus = 400 | 401 | 403 | 404 | 413 | 415 | 429 | 503;

/** What each code means, as the documentation says it. */
const MEANING: Record<DocumentedCode, string> = {
  VALIDATION_FAILED: 'the body, a query or path parameter or a header is invalid; `errors` lists each field',
  UNAUTHENTICATED: 'no bearer token, or one that is invalid or expired',
  FORBIDDEN: 'your roles or your unit do not allow this (an auditor never writes)',
  NOT_FOUND: 'no such resource, or none that you may see',
  INVALID_TRANSITION: 'not possible in the stage the proposal is in; the details list what is',
  VERSION_CONFLICT: 'someone changed it first (or If-Match names an older version): reload and retry',
  DUPLICATE: 'one with this identity exists already',
  FORM_NOT_READY: 'the form cannot be generated yet (nothing decided or approved)',
  CONFIRMATION_REQUIRED: 'the change would make open dossiers late at once: send it again with confirm: true',
  UNIT_DISSOLVED: 'the unit was merged into another (`successorId`) or dissolved from `dissolvedOn`: no new proposal, no further change',
  PAYLOAD_TOO_LARGE: 'the file is larger than the limit (DOCUMENT_MAX_BYTES), given as `limit`',
  UNSUPPORTED_MEDIA_TYPE: 'the bytes are not a PDF, DOCX, JPEG or PNG; `accepted` lists what is',
  RULE_VIOLATION: 'a rule of the rulebook refuses it; `violations` names each rule',
  IDEMPOTENCY_KEY_REUSED: 'this Idempotency-Key was used for a different request',
  UNSAFE_ARCHIVE: 'the DOCX is not a safe archive (too many entries, too large unpacked, …)',
  TOO_MANY_STREAMS: 'you hold as many notification streams as allowed (MAX_EVENT_STREAMS_PER_USER); `limit` says how many',
  NOT_CONFIGURED: 'the server lacks the configuration this needs (e.g. AUDIT_SIGNING_KEY)',
};

const codesOf = (status: number) => (Object.keys(ERROR_STATUS) as DocumentedCode[]).filter((code) => ERROR_STATUS[code] === status);

/**
 * Documents the refusals an operation (or, on a controller, each of its operations) can answer, all with the
 * shared ErrorBody schema and one example per code. A status stands for its only code (`400` is
 * VALIDATION_FAILED); a code adds itself under its status (`'INVALID_TRANSITION'` is a 409).
 *
 *     @ApiErrors(400, 403, 404, 'INVALID_TRANSITION', 'VERSION_CONFLICT', 'RULE_VIOLATION')
 */
export function ApiErrors(...entries: (SingleCodeStatus | DocumentedCode)[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, DocumentedCode[]>();
  for (const entry of entries) {
    const codes = typeof entry === 'number' ? codesOf(entry) : [entry];
    if (typeof entry === 'number' && codes.length !== 1) {
      throw new Error(`ApiErrors(${entry}) is ambiguous: name the codes (${codes.join(', ')})`);
    }
    const status = ERROR_STATUS[codes[0]!];
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), ...codes])]);
  }
  return applyDecorators(
    ApiExtraModels(ErrorBodyResponse),
    ...[...byStatus].map(([status, codes]) =>
      ApiResponse({
        status,
        description: codes.map((code) => `\`${code}\`: ${MEANING[code]}`).join('; '),
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorBodyResponse) },
            examples: Object.fromEntries(codes.map((code) => [code, { summary: MEANING[code], value: { code, message: sentence(MEANING[code]) } }])),
          },
        },
      }),
    ),
  );
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
