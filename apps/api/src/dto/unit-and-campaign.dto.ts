import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CLUSTER_KINDS, UNIT_CHANGE_KINDS, UNIT_TYPES, type ClusterKind, type UnitChangeKind, type UnitType } from '#contracts';
import { AWARD_FORMS, type AwardForm } from '#workflows/proposal';
import type { CampaignRound } from '#proposals';
import { IsCalendarDate } from './calendar-date.validator.js';
import { IsAwardCounts, IsCountsPerUnit } from './award-counts.validator.js';
import { MAX_COUNCIL_MEMBERS } from './proposal-parts.dto.js';
import { HasVisibleText, IsSingleLine } from './visible-text.validator.js';
import { Omittable } from './omittable.decorator.js';

export class CreateUnitDto {
  @ApiProperty({ example: 'SO-GDDT' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'code may hold letters, digits, _ . - (at most 64)' })
  code!: string;

  @ApiProperty({ example: 'Sở Giáo dục và Đào tạo' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(500)
  name!: string;

  @ApiPropertyOptional({ enum: UNIT_TYPES, description: "Left out: read from the name's first word (Sở …, Xã …, Phường …), else khac" })
  @Omittable()
  @IsIn(UNIT_TYPES)
  type?: UnitType;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The emulation cluster or bloc (cụm/khối thi đua)' })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsUUID()
  clusterId?: string | null;
}

/** POST /api/clusters: an emulation cluster (cụm thi đua) or bloc (khối thi đua). */
export class CreateClusterDto {
  @ApiProperty({ example: 'Cụm thi đua các xã miền núi' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(500)
  name!: string;

  @ApiProperty({ enum: CLUSTER_KINDS, description: 'cum: cụm thi đua; khoi: khối thi đua' })
  @IsIn(CLUSTER_KINDS)
  kind!: ClusterKind;
}

/** The document a unit's change stands on: số/ký hiệu, date, and what it is (Nghị quyết, Quyết định). */
export class UnitChangeDocumentDto {
  @ApiProperty({ example: '1678/NQ-UBTVQH15' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(100)
  ref!: string;

  @ApiProperty({ example: '2025-06-16' })
  @IsCalendarDate()
  issuedAt!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Nghị quyết', description: 'Left out or null: "văn bản"' })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(100)
  kind?: string | null;
}

/**
 * POST /api/units/:id/changes: one change effective from a day (docs/units.md). Each kind takes its own field
 * (renamed: name; merged_into: successorId; type_changed: type; cluster_changed: clusterId, null for none);
 * the use case refuses a field the kind does not use.
 */
export class RecordUnitChangeDto {
  @ApiProperty({ enum: UNIT_CHANGE_KINDS })
  @IsIn(UNIT_CHANGE_KINDS)
  kind!: UnitChangeKind;

  @ApiProperty({ example: '2025-07-01', description: 'Effective from this day' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ type: UnitChangeDocumentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => UnitChangeDocumentDto)
  document!: UnitChangeDocumentDto;

  @ApiPropertyOptional({ description: 'renamed: the new name' })
  @Omittable()
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(500)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'merged_into: the unit it becomes part of' })
  @Omittable()
  @IsUUID()
  successorId?: string;

  @ApiPropertyOptional({ enum: UNIT_TYPES, description: 'type_changed: the new type' })
  @Omittable()
  @IsIn(UNIT_TYPES)
  type?: UnitType;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'cluster_changed: the new cluster or bloc, null for none' })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsUUID()
  clusterId?: string | null;
}

export class DocumentRefDto {
  @ApiProperty({ example: '45/KH-UBND' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(100)
  ref!: string;

  @ApiProperty({ example: '2026-01-15' })
  @IsCalendarDate()
  issuedAt!: string;
}

export class PeriodDto {
  @ApiProperty({ example: '2025-01-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2025-12-31' })
  @IsCalendarDate()
  to!: string;
}

export class GuidanceDto extends DocumentRefDto {
  @ApiProperty() @IsString() @HasVisibleText() @MaxLength(5000) scope!: string;
  @ApiProperty() @IsString() @HasVisibleText() @MaxLength(5000) subjects!: string;
  @ApiProperty() @IsString() @HasVisibleText() @MaxLength(5000) criteria!: string;

  @ApiProperty({ type: PeriodDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PeriodDto)
  achievementPeriod!: PeriodDto;

  @ApiProperty({ enum: AWARD_FORMS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(AWARD_FORMS, { each: true })
  awardForms!: AwardForm[];

  @ApiProperty({ example: { chairman_certificate: 20 }, description: 'Number of awards per award form (TH-1)' })
  @IsAwardCounts()
  quota!: Partial<Record<AwardForm, number>>;

  @ApiPropertyOptional({ description: 'Per unit and award form, agreed with the home-affairs department (TH-2)' })
  @Omittable()
  @IsCountsPerUnit()
  unitQuota?: Record<string, Partial<Record<AwardForm, number>>>;

  @ApiPropertyOptional({ description: 'Cap on steering-committee members (TH-3)' })
  @Omittable()
  @Max(MAX_COUNCIL_MEMBERS)
  @Min(0)
  @IsInt()
  steeringMemberCap?: number;
}

const ROUNDS: CampaignRound[] = ['campaign', 'anniversary', 'programme_summary'];

export class CreateCampaignDto {
  @ApiProperty({ example: 'Phong trào thi đua "Chuyển đổi số" 2025' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ enum: ROUNDS })
  @IsIn(ROUNDS)
  round!: CampaignRound;

  @ApiPropertyOptional({ type: DocumentRefDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => DocumentRefDto)
  plan?: DocumentRefDto;

  @ApiPropertyOptional({ example: '2025-02-01' })
  @Omittable()
  @IsCalendarDate()
  launchedAt?: string;

  @ApiPropertyOptional({ example: '2026-05-20' })
  @Omittable()
  @IsCalendarDate()
  finalReviewAt?: string;

  @ApiProperty({ type: GuidanceDto, description: 'The department\'s guidance (TH-1): what a campaign is judged by, so it comes with the campaign' })
  @IsDefined({ message: 'guidance is required: a campaign is registered with the guidance that says who and what it rewards (TH-1)' })
  @IsObject()
  @ValidateNested()
  @Type(() => GuidanceDto)
  guidance!: GuidanceDto;

  @ApiPropertyOptional({ example: '2026-06-22' })
  @Omittable()
  @IsCalendarDate()
  ceremonyDate?: string;
}

export class RescheduleCampaignDto {
  @ApiProperty({ example: '2026-06-29' })
  @IsCalendarDate()
  ceremonyDate!: string;

  @ApiPropertyOptional({
    description: 'Move the ceremony even though open dossiers would then be past their TH-5 deadline (otherwise 409 CONFIRMATION_REQUIRED)',
  })
  @Omittable()
  @IsBoolean()
  confirm?: boolean;
}
