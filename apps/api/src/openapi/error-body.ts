import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorBody, type ErrorCode, type FieldProblem, type Finding } from '#contracts';
import { FieldProblemResponse, FindingResponse } from './schemas/common.js';

/**
 * Every refusal of the API (apps/api/src/errors/http-error.filter.ts): `{code, message, ...details}`, one schema
 * for all of them so that a client reads one shape. The details beyond `errors` and `violations` depend on the
 * code (the allowed events of an INVALID_TRANSITION, the limit of a PAYLOAD_TOO_LARGE, …).
 */
@ApiSchema({
  name: 'ErrorBody',
  description:
    'A refusal: a stable code, a sentence for people, and the details of that code as further fields (`allowed` of an INVALID_TRANSITION, `limit` of a PAYLOAD_TOO_LARGE, …)',
})
export class ErrorBodyResponse implements ErrorBody {
  @ApiProperty({ enum: ERROR_CODES, description: 'Stable: clients and tests match on it' })
  code!: ErrorCode;

  @ApiProperty({ example: 'SUBMIT is not possible while the proposal is in councilScreening', description: 'For people; may change' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldProblemResponse], description: 'With VALIDATION_FAILED: every field refused, whichever layer refused it' })
  errors?: FieldProblem[];

  @ApiPropertyOptional({ type: [FindingResponse], description: 'With RULE_VIOLATION: each rule that refused the step' })
  violations?: Finding[];

  [detail: string]: unknown;
}
