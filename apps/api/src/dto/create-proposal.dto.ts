import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { AWARD_FORMS, PROPOSAL_KINDS, type AwardForm, type ProposalKind } from '#workflows/proposal';
import { AchievementDto, NomineeDto } from './proposal-parts.dto.js';
import { Omittable } from './omittable.decorator.js';

export class CreateProposalDto {
  @ApiProperty({ enum: PROPOSAL_KINDS })
  @IsIn(PROPOSAL_KINDS)
  kind!: ProposalKind;

  @ApiPropertyOptional({ description: 'Required for a thematic proposal' })
  @Omittable()
  @IsUUID()
  campaignId?: string;

  @ApiProperty()
  @IsUUID()
  unitId!: string;

  @ApiProperty({ enum: AWARD_FORMS })
  @IsIn(AWARD_FORMS)
  awardForm!: AwardForm;

  @ApiProperty({ type: NomineeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee!: NomineeDto;

  @ApiProperty({ type: AchievementDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AchievementDto)
  achievement!: AchievementDto;
}
