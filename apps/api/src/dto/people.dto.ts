import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PERSON_TYPES, RESTRICTION_KINDS, type Gender, type PersonType, type RestrictionKindBody } from '#contracts';
import { IsCalendarDate } from './calendar-date.validator.js';
import { Omittable } from './omittable.decorator.js';
import { PageQuery } from './page.query.js';
import { BirthYearField, GenderField, TitleField, WorkplaceField } from './person-fields.decorator.js';
import { HasVisibleText, IsSingleLine } from './visible-text.validator.js';

/** GET /api/people: a name typed with or without tone marks, a type, a unit. */
export class ListPeopleQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'nguyen van an', description: 'Part of the name, diacritics-insensitive (đ = d)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  q?: string;

  @ApiPropertyOptional({ enum: PERSON_TYPES })
  @IsOptional()
  @IsIn(PERSON_TYPES)
  type?: PersonType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class CreatePersonDto {
  @ApiProperty({ enum: PERSON_TYPES })
  @IsIn(PERSON_TYPES)
  type!: PersonType;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(300)
  name!: string;

  @BirthYearField()
  birthYear?: number;

  @GenderField()
  gender?: Gender;

  @TitleField()
  title?: string;

  @WorkplaceField()
  workplace?: string;

  @ApiPropertyOptional({ description: "The person's unit; a unit role may name only its own (the default)" })
  @Omittable()
  @IsUUID()
  unitId?: string;
}

export class RestrictionDocumentDto {
  @ApiPropertyOptional({ example: 'Công văn', description: 'What the document calls itself; "văn bản" when left out' })
  @Omittable()
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(60)
  type?: string;

  @ApiProperty({ example: '123/CV-UBND', description: 'Số, ký hiệu' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(100)
  number!: string;

  @ApiProperty({ example: '2026-03-01', description: 'YYYY-MM-DD, not after today' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: 'UBND xã Hòa Bình', description: 'Cơ quan ban hành' })
  @IsString()
  @HasVisibleText()
  @IsSingleLine()
  @MaxLength(300)
  issuer!: string;
}

export class CreateRestrictionDto {
  @ApiProperty({
    enum: RESTRICTION_KINDS,
    description:
      'Decree 152/2025/NĐ-CP Art. 4: discipline_considered, discipline_served (with endsOn), investigation (investigation, ' +
      'inspection or audit with signs of violation), complaint (complaint or denunciation being verified), press',
  })
  @IsIn(RESTRICTION_KINDS)
  kind!: RestrictionKindBody;

  @ApiProperty({ example: '2026-03-01', description: 'The day the matter began, not after today' })
  @IsCalendarDate()
  from!: string;

  @ApiPropertyOptional({ example: '2026-09-01', description: 'discipline_served only (required there): its last day' })
  @Omittable()
  @IsCalendarDate()
  endsOn?: string;

  @ApiProperty({ type: RestrictionDocumentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RestrictionDocumentDto)
  document!: RestrictionDocumentDto;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @IsString()
  @HasVisibleText()
  @MaxLength(2000)
  note?: string;
}

export class CloseRestrictionDto {
  @ApiProperty({ example: '2026-04-15', description: 'The day the matter closed (the concluding document), not after today' })
  @IsCalendarDate()
  closedOn!: string;

  @ApiProperty({ type: RestrictionDocumentDto, description: 'The concluding document' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RestrictionDocumentDto)
  document!: RestrictionDocumentDto;
}
