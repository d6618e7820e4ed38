import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
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

  @ApiPropertyOptional({ enum: ['json', 'xlsx'], description: 'xlsx: every page of the list as the spreadsheet officials print' })
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: 'format must be json or xlsx' })
  format?: 'json' | 'xlsx';
}
