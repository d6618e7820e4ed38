import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsObject, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { AWARD_FORMS, PERSON_EVENT_TYPES, type AwardForm, type ProposalEventType } from '#workflows/proposal';
import { AchievementDto, DecisionDto, NomineeDto, VoteDto } from './proposal-parts.dto.js';
import { HasVisibleText } from './visible-text.validator.js';
import { Omittable } from './omittable.decorator.js';

export class ProposalChangesDto {
  @ApiPropertyOptional({ enum: AWARD_FORMS })
  @Omittable()
  @IsIn(AWARD_FORMS)
  awardForm?: AwardForm;

  @ApiPropertyOptional({ type: NomineeDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee?: NomineeDto;

  @ApiPropertyOptional({ type: AchievementDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => AchievementDto)
  achievement?: AchievementDto;
}

/** Which body fields each event type takes; anything else in the body is a mistake worth a 400. */
export const EVENT_FIELDS: Record<(typeof PERSON_EVENT_TYPES)[number], readonly string[]> = {
  UPDATE: ['changes'],
  SUBMIT: [],
  WITHDRAW: ['reason'],
  AWARD_AT_UNIT: ['decision'],
  FORWARD: [],
  RETURN: ['reason'],
  REJECT: ['reason'],
  RECOMMEND: ['vote'],
  AGREE: [],
  APPROVE: ['decision'],
  REQUEST_SUPPLEMENT: ['reason'],
  SUPPLEMENT: ['note'],
};

const REASON_REQUIRED: readonly string[] = ['RETURN', 'REJECT', 'REQUEST_SUPPLEMENT'];
const needsReason = (dto: ProposalEventDto) => REASON_REQUIRED.includes(dto.type) || dto.reason !== undefined;

export class ProposalEventDto {
  @ApiProperty({ enum: PERSON_EVENT_TYPES })
  @IsIn(PERSON_EVENT_TYPES)
  type!: ProposalEventType;

  @ApiPropertyOptional({ description: 'Required with RETURN, REJECT and REQUEST_SUPPLEMENT (which documents are missing)' })
  @ValidateIf(needsReason)
  @MaxLength(2000)
  @IsString()
  @HasVisibleText({ message: 'reason must say why, in words: spaces alone are no reason' })
  @IsNotEmpty({ message: 'reason is required with RETURN, REJECT and REQUEST_SUPPLEMENT' })
  reason?: string;

  @ApiPropertyOptional({ description: 'Optional with SUPPLEMENT: what the unit has added' })
  @Omittable()
  @MaxLength(2000)
  @IsString()
  @HasVisibleText()
  note?: string;

  @ApiPropertyOptional({ type: VoteDto, description: 'Required with RECOMMEND' })
  @ValidateIf((dto: ProposalEventDto) => dto.type === 'RECOMMEND' || dto.vote !== undefined)
  @IsDefined({ message: 'vote is required with RECOMMEND' })
  @IsObject()
  @ValidateNested()
  @Type(() => VoteDto)
  vote?: VoteDto;

  @ApiPropertyOptional({ type: DecisionDto, description: 'Required with APPROVE; optional with AWARD_AT_UNIT' })
  @ValidateIf((dto: ProposalEventDto) => dto.type === 'APPROVE' || dto.decision !== undefined)
  @IsDefined({ message: 'decision is required with APPROVE' })
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionDto)
  decision?: DecisionDto;

  @ApiPropertyOptional({ type: ProposalChangesDto, description: 'Required with UPDATE' })
  @ValidateIf((dto: ProposalEventDto) => dto.type === 'UPDATE' || dto.changes !== undefined)
  @IsDefined({ message: 'changes is required with UPDATE' })
  @IsObject()
  @ValidateNested()
  @Type(() => ProposalChangesDto)
  changes?: ProposalChangesDto;
}

/** Checks that span fields, after the per-field validation: each returned entry is one field's problem. */
export function eventRequestProblems(dto: ProposalEventDto): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const allowed = EVENT_FIELDS[dto.type as keyof typeof EVENT_FIELDS] ?? [];
  for (const field of ['reason', 'note', 'vote', 'decision', 'changes'] as const) {
    if (dto[field] !== undefined && !allowed.includes(field)) {
      problems.push({ field, message: `${field} does not belong with ${dto.type}` });
    }
  }
  if (dto.vote && dto.vote.for + dto.vote.against > dto.vote.members) {
    problems.push({ field: 'vote', message: 'for + against cannot exceed members' });
  }
  if (dto.vote && dto.vote.for <= dto.vote.against) {
    problems.push({ field: 'vote.for', message: 'a recommendation needs more votes for than against' });
  }
  if (dto.changes && Object.values(dto.changes).every((value) => value === undefined)) {
    problems.push({ field: 'changes', message: 'changes must name at least one of awardForm, nominee, achievement' });
  }
  return problems;
}
