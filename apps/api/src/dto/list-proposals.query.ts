import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PROPOSAL_STATES, type ProposalState } from '#workflows/proposal';
import { PageQuery } from './page.query.js';
import { toBoolean } from './query-boolean.transform.js';

export class ListProposalsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROPOSAL_STATES })
  @IsOptional()
  @IsIn(PROPOSAL_STATES)
  state?: ProposalState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'late must be true or false' })
  late?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Only what waits on the caller' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'inbox must be true or false' })
  inbox?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "true: only what is the caller's turn to act on now, nearest deadline first (overdue first, none last); " +
      'false: the rest of the list. Absent: the whole list in the order it was created.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'actionable must be true or false' })
  actionable?: boolean;

  @ApiPropertyOptional({
    maxLength: 100,
    description: "A part of the nominee's name, with or without diacritics (\"nguyen van an\" finds \"Nguyễn Văn An\")",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  @Matches(/^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u, { message: 'q must be plain text, without control characters' })
  q?: string;

  @ApiPropertyOptional({ enum: ['json', 'xlsx'], description: 'xlsx: every page of the list as the spreadsheet officials print' })
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: 'format must be json or xlsx' })
  format?: 'json' | 'xlsx';
}
