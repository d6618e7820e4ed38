import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ACHIEVEMENT_BASES, type AchievementBasis, type NomineeGender, type NomineeType } from '#workflows/proposal';
import { IsCalendarDate } from './calendar-date.validator.js';
import { HasVisibleText, IsSingleLine } from './visible-text.validator.js';
import { Omittable } from './omittable.decorator.js';
import { BirthYearField, GenderField, TitleField, WorkplaceField } from './person-fields.decorator.js';

/** Whole numbers within what a province counts: people taking part, council members, votes. */
export const MAX_PEOPLE = 1_000_000;
export const MAX_COUNCIL_MEMBERS = 1_000;

export class NomineeDto {
  @ApiProperty({ enum: ['individual', 'collective'] })
  @IsIn(['individual', 'collective'])
  type!: NomineeType;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(500)
  name!: string;

  @ApiPropertyOptional({ description: 'The nominee is a steering committee (or an equivalent collective): TH-3' })
  @Omittable()
  @IsBoolean()
  steeringCommittee?: boolean;

  @ApiPropertyOptional({ description: 'The nominee is a member of a steering committee: TH-3 warning' })
  @Omittable()
  @IsBoolean()
  steeringCommitteeMember?: boolean;

  @ApiPropertyOptional({ description: "The collective's own staff taking part: DX-2" })
  @Omittable()
  @Max(MAX_PEOPLE)
  @Min(0)
  @IsInt()
  ownParticipants?: number;

  @ApiPropertyOptional({ description: 'All forces taking part: DX-2' })
  @Omittable()
  @Max(MAX_PEOPLE)
  @Min(0)
  @IsInt()
  totalParticipants?: number;

  @ApiPropertyOptional({ description: 'Under discipline, investigation or inspection: ND-1' })
  @Omittable()
  @IsBoolean()
  underDiscipline?: boolean;

  @ApiPropertyOptional({
    description:
      'The registered person (GET /api/people). Left out on create, the server registers the nominee and stamps it; named, the person must exist and be of this type',
  })
  @Omittable()
  @IsUUID()
  personId?: string;

  @BirthYearField()
  birthYear?: number;

  @GenderField()
  gender?: NomineeGender;

  @TitleField()
  title?: string;

  @WorkplaceField()
  workplace?: string;
}

export class AchievementDto {
  @ApiProperty({ example: 'Cứu 3 người bị nạn trong lũ quét' })
  @IsString()
  @HasVisibleText()
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ example: '2026-04-22', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  date!: string;

  @ApiPropertyOptional({ example: '2026-04-24', description: 'Recognition by a competent authority, YYYY-MM-DD (DX-4)' })
  @Omittable()
  @IsCalendarDate()
  recognizedAt?: string;

  @ApiPropertyOptional({ enum: ACHIEVEMENT_BASES, description: 'DX-1' })
  @Omittable()
  @IsIn(ACHIEVEMENT_BASES)
  basis?: AchievementBasis;

  @ApiPropertyOptional({ description: 'Serving conferences, seminars, forums or coordination programmes: TH-4' })
  @Omittable()
  @IsBoolean()
  serviceWork?: boolean;

  @ApiPropertyOptional({ description: 'Truly exemplary and outstanding: TH-2' })
  @Omittable()
  @IsBoolean()
  outstanding?: boolean;
}

export class VoteDto {
  @ApiProperty({ example: 9 })
  @Max(MAX_COUNCIL_MEMBERS)
  @Min(1)
  @IsInt()
  members!: number;

  @ApiProperty({ example: 7 })
  @Max(MAX_COUNCIL_MEMBERS)
  @Min(0)
  @IsInt()
  for!: number;

  @ApiProperty({ example: 2 })
  @Max(MAX_COUNCIL_MEMBERS)
  @Min(0)
  @IsInt()
  against!: number;
}

export class DecisionDto {
  @ApiProperty({ example: '1234/QĐ-UBND' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(100)
  number!: string;

  @ApiProperty({ example: '2026-06-22' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: 'Chủ tịch UBND tỉnh' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(200)
  signedBy!: string;
}
