import type { CalendarYear } from '#calendar';

/** Vietnam's local date (UTC+7, no DST since 1975) of an instant: deadlines are counted in the province's days. */
export function localToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Days off and working Saturdays of the years given, as the server's calendar reported them. */
export interface YearIndex {
  daysOff: Set<string>;
  workingSaturdays: Set<string>;
  years: Set<number>;
  provisionalYears: Set<number>;
}

export function indexYears(years: readonly CalendarYear[]): YearIndex {
  const index: YearIndex = { daysOff: new Set(), workingSaturdays: new Set(), years: new Set(), provisionalYears: new Set() };
  for (const year of years) {
    index.years.add(year.year);
    if (year.provisional) index.provisionalYears.add(year.year);
    for (const day of year.daysOff) index.daysOff.add(day.date);
    for (const day of year.workingSaturdays) index.workingSaturdays.add(day.date);
  }
  return index;
}

/** Whether officials work that day: Monday to Friday unless a day off, and the announced working Saturdays. */
export function isWorkingDay(iso: string, index: YearIndex): boolean {
  if (index.workingSaturdays.has(iso)) return true;
  if (index.daysOff.has(iso)) return false;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The countdown shown beside a deadline: how many working days are left, today and the last day both
 * counted (1 on the last day itself), or, once it has passed, how many working days it is overdue (negative).
 * Returns null when a year in between is not in the index (the caller loads it first).
 */
export function workingDaysLeft(today: string, dueDate: string, index: YearIndex): number | null {
  const from = dayNumber(today);
  const to = dayNumber(dueDate);
  const [low, high] = from <= to ? [from, to] : [to + 1, from];
  for (let year = Number(isoOf(low).slice(0, 4)); year <= Number(isoOf(high).slice(0, 4)); year++) {
    if (!index.years.has(year)) return null;
  }
  let count = 0;
  for (let day = low; day <= high; day++) if (isWorkingDay(isoOf(day), index)) count++;
  return from <= to ? count : -count;
}

/** The calendar years a countdown from `today` to `dueDate` has to look at. */
export function yearsBetween(today: string, dueDate: string): number[] {
  const a = Number(today.slice(0, 4));
  const b = Number(dueDate.slice(0, 4));
  const years: number[] = [];
  for (let year = Math.min(a, b); year <= Math.max(a, b); year++) years.push(year);
  return years;
}
