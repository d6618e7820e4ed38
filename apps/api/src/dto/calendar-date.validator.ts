import { propertyCheck } from './property-check.decorator.js';

/** A real day written YYYY-MM-DD: 2026-02-30 is refused, not rolled over into March. */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const IsCalendarDate = propertyCheck('isCalendarDate', isCalendarDate, '$property must be a date written YYYY-MM-DD');
