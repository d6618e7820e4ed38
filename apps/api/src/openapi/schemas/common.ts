import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldProblem, Finding, RuleId } from '#contracts';
import type { Actor, Role } from '#kernel';
import { RULE_IDS } from '#rules';
import type { Holds, SameFields } from '../contract-check.js';
import { ROLES } from '../enums.js';

export class FieldProblemResponse implements FieldProblem {
  @ApiProperty({ example: 'nominee.name', description: 'Where the problem sits: a body path, a query or path parameter, a header' })
  field!: string;

  @ApiProperty({ example: 'nominee.name must hold visible text, not only spaces or invisible characters' })
  message!: string;
}

/** One thing a rule found (docs/rules.md): a warning that travels with a proposal, or a violation that refused a step. */
export class FindingResponse implements Finding {
  @ApiProperty({ enum: RULE_IDS })
  rule!: RuleId;

  @ApiProperty({ description: 'Vietnamese, what officials read' })
  message!: string;

  @ApiProperty()
  messageEn!: string;
}

/** Who did something, as the token named them. */
export class ActorResponse implements Actor {
  @ApiProperty()
  id!: string;

  @ApiPropertyOptional()
  name?: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ type: String, nullable: true, description: 'The unit, for drafter and unit_head' })
  unitId!: string | null;
}

export type CommonMirror = [
  Holds<SameFields<FieldProblemResponse, FieldProblem>>,
  Holds<SameFields<FindingResponse, Finding>>,
  Holds<SameFields<ActorResponse, Actor>>,
];
