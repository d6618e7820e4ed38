import { propertyCheck } from './property-check.decorator.js';
import { AWARD_FORMS } from '#workflows/proposal';

/**
 * `{chairman_certificate: 20}`: award forms to whole numbers, 0 or more. TH-1 reads a number that is not a
 * whole number as "no number set", so 2.5 or -1 would silently lift the quota; refused here instead.
 */
export function isAwardCounts(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([form, count]) =>
      (AWARD_FORMS as readonly string[]).includes(form) && Number.isInteger(count) && (count as number) >= 0 && (count as number) <= MAX_AWARDS,
  );
}

/** No province gives a million awards in one round: a larger number (1e300 is a whole number to JavaScript) is a slip. */
export const MAX_AWARDS = 1_000_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same per unit: `{<unitId>: {unit_certificate: 3}}` (TH-2); that each id is a unit is the use case's to check. */
export const isCountsPerUnit = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(([unitId, counts]) => UUID.test(unitId) && isAwardCounts(counts));

export const IsAwardCounts = propertyCheck(
  'isAwardCounts',
  isAwardCounts,
  `$property must map award forms (${AWARD_FORMS.join(', ')}) to whole numbers from 0 to ${MAX_AWARDS}`,
);

export const IsCountsPerUnit = propertyCheck(
  'isCountsPerUnit',
  isCountsPerUnit,
  `$property must map unit ids to award forms (${AWARD_FORMS.join(', ')}) and whole numbers from 0 to ${MAX_AWARDS}`,
);
