import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { GENDERS } from '#contracts';
import { Omittable } from './omittable.decorator.js';
import { HasVisibleText, IsSingleLine } from './visible-text.validator.js';

/** Birth years a nominee may have: from 1900 (posthumous awards reach back) to this year, checked against the clock. */
export const MIN_BIRTH_YEAR = 1900;
export const MAX_BIRTH_YEAR = 2100;

/**
 * Decorators listed as they would stand above a property, top first. TypeScript applies a property's
 * decorators bottom-up, and class-validator reports a property's failed checks in the order they were applied:
 * the stack keeps that order, so a field declared once here answers exactly as it did written out in full.
 */
const stacked =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, property) => {
    for (const decorator of [...decorators].reverse()) decorator(target, property);
  };

/**
 * The person fields a nominee carries (POST /api/people, and the nominee of a proposal): one declaration for
 * both bodies, so the registry and the proposal form refuse the same input with the same words.
 */
export const BirthYearField = (): PropertyDecorator =>
  stacked(
    ApiPropertyOptional({ minimum: MIN_BIRTH_YEAR, description: 'Individuals only; not after this year' }),
    Omittable(),
    Max(MAX_BIRTH_YEAR),
    Min(MIN_BIRTH_YEAR),
    IsInt(),
  );

export const GenderField = (): PropertyDecorator =>
  stacked(ApiPropertyOptional({ enum: GENDERS, description: 'Individuals only' }), Omittable(), IsIn(GENDERS));

/** Chức vụ. */
export const TitleField = (): PropertyDecorator =>
  stacked(
    ApiPropertyOptional({ example: 'Phó Trưởng phòng', description: 'Chức vụ' }),
    Omittable(),
    IsString(),
    HasVisibleText(),
    IsSingleLine(),
    MaxLength(200),
  );

/** Đơn vị công tác / nơi làm việc. */
export const WorkplaceField = (): PropertyDecorator =>
  stacked(
    ApiPropertyOptional({ example: 'Phòng Cảnh sát PCCC, Công an tỉnh', description: 'Đơn vị công tác / nơi làm việc' }),
    Omittable(),
    IsString(),
    HasVisibleText(),
    IsSingleLine(),
    MaxLength(300),
  );
