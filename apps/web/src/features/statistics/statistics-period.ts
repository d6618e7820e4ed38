import { isCalendarDay } from '../forms/calendar-day.js';

/**
 * The periods the statistics screen offers (docs/statistics.md): two Vietnamese days, both included, written
 * YYYY-MM-DD. Pure, so the quick choices are tested against a fixed today.
 */
export interface Period {
  from: string;
  to: string;
}

export type QuickPeriod = 'thisYear' | 'lastYear' | 'thisQuarter' | 'lastQuarter';
export const QUICK_PERIODS: readonly QuickPeriod[] = ['thisYear', 'lastYear', 'thisQuarter', 'lastQuarter'];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Quarter 1 … 4 of a year, as days. */
export function quarterOf(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}` };
}

export function quickPeriod(choice: QuickPeriod, today: string): Period {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  switch (choice) {
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'thisQuarter':
      return quarterOf(year, quarter);
    case 'lastQuarter':
      return quarter === 1 ? quarterOf(year - 1, 4) : quarterOf(year, quarter - 1);
  }
}

/** Which quick choice a period is, if any (its button then shows as pressed). */
export function quickChoiceOf(period: Period, today: string): QuickPeriod | null {
  return QUICK_PERIODS.find((choice) => {
    const candidate = quickPeriod(choice, today);
    return candidate.from === period.from && candidate.to === period.to;
  }) ?? null;
}

export type PeriodProblem = 'badFrom' | 'badTo' | 'toBeforeFrom' | 'tooLong';

/** Ten years, as the API allows (STATISTICS_MAX_DAYS). */
export function periodProblem(period: Period, maxDays: number): PeriodProblem | null {
  if (!isCalendarDay(period.from)) return 'badFrom';
  if (!isCalendarDay(period.to)) return 'badTo';
  if (period.to < period.from) return 'toBeforeFrom';
  const days = (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000 + 1;
  return days > maxDays ? 'tooLong' : null;
}

/** The period the address asks for, or this year when it asks for none. */
export function periodFromQuery(query: URLSearchParams, today: string): Period {
  const from = query.get('from');
  const to = query.get('to');
  if (from === null && to === null) return quickPeriod('thisYear', today);
  return { from: from ?? '', to: to ?? '' };
}
