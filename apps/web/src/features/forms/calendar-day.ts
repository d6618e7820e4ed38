/**
 * The same test the server's `IsCalendarDate` applies (a real day written YYYY-MM-DD, 2026-02-30 refused), so
 * that a deadline preview is only asked for a date the server will accept and a half-typed one costs no request.
 */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An optional date field: left empty it is left out of the request, rather than sent as "" and refused. */
export const optionalDay = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** A count typed into a number input; empty means "not given". The browser hands over only numbers or "". */
export function optionalCount(value: string): number | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** Whether a typed count is a whole number, zero or more (what the rulebook counts with). */
export const isCountText = (value: string): boolean => /^\d+$/.test(value.trim());
