import { invalidFields } from '#kernel';
import { describeDate, parseIsoDate, WEEKDAY_NAMES, type DayNumber, type IsoDate } from './iso-date.js';
import type { DayInfo, DayStatus } from './working-calendar.js';

/** The rules of docs/rules.md that produce a deadline. */
export const DEADLINE_RULES = ['DX-4', 'TH-5'] as const;
export type DeadlineRule = (typeof DEADLINE_RULES)[number];

/** Vietnam's offset: deadlines end at 24:00 Asia/Ho_Chi_Minh, which has been UTC+7 without DST since 1975. */
export const DEADLINE_TZ_HOURS = 7;
/**
 * 24:00 at UTC+7 on day D is 17:00 UTC on the same day D, so `dueAt` is the due date with this time appended
 * (what `endOfLocalDay(day, DEADLINE_TZ_HOURS)` computes, without building a Date on the hot path).
 */
const END_OF_DAY_UTC = `T${String(24 - DEADLINE_TZ_HOURS).padStart(2, '0')}:00:00.000Z`;

export interface SkippedDay {
  date: IsoDate;
  weekday: (typeof WEEKDAY_NAMES)[number];
  status: Exclude<DayStatus, 'working' | 'working_saturday'>;
  name: string;
  nameEn?: string;
}

/** How a deadline was reached, for a person to check (the web console shows it). */
export interface DeadlineComputation {
  /** The day counting starts from; it is not itself counted. */
  start: { date: IsoDate; basis: 'achievement' | 'recognition' | 'ceremony' };
  /** DX-4: the 10 calendar days after the start; TH-5: the 15 working days counted back, day 1 first. */
  countedDays: IsoDate[];
  /** Days passed over because they are not working days, with their names. */
  skippedDays: SkippedDay[];
  /** The calendar years consulted, and whether each was computed rather than announced. */
  years: { year: number; provisional: boolean }[];
  /** The same in sentences. */
  explanation: string[];
}

/** `{rule, dueDate, dueAt, provisional}` is the HTTP contract (docs/architecture.md); `computation` explains it. */
export interface Deadline {
  rule: DeadlineRule;
  /** The last day, local (Vietnam), YYYY-MM-DD. */
  dueDate: IsoDate;
  /** The instant the last day ends, 24:00 Asia/Ho_Chi_Minh, as UTC ISO-8601. */
  dueAt: string;
  /** True when any year the computation looked at has no official schedule loaded. */
  provisional: boolean;
  computation: DeadlineComputation;
}

/** A required date field of a deadline request, as a day number; VALIDATION_FAILED otherwise. */
export function requireDate(value: unknown, field: string): DayNumber {
  const day = parseIsoDate(value);
  if (day === undefined) {
    throw invalidFields([{ field, message: `${field} must be a date YYYY-MM-DD, not ${JSON.stringify(value)}` }], { field, value });
  }
  return day;
}

/** Runs a computation, turning "outside the calendar's years" into a validation error the caller can show. */
export function withinCalendar<T>(field: string, value: unknown, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) {
      throw invalidFields([{ field, message: `${field} ${String(value)}: ${error.message}` }], { field, value });
    }
    throw error;
  }
}

export const label = (day: DayInfo) =>
  day.status === 'weekend' ? (day.nameEn ?? 'weekend') : day.nameEn && day.nameEn !== day.name ? `${day.name} — ${day.nameEn}` : (day.name ?? day.status);

export function skipped(day: DayInfo): SkippedDay {
  return {
    date: day.date,
    weekday: WEEKDAY_NAMES[day.weekday],
    status: day.status as SkippedDay['status'],
    name: day.name ?? day.status,
    ...(day.nameEn !== undefined && { nameEn: day.nameEn }),
  };
}

export const listDays = (days: readonly DayInfo[]) => days.map((d) => `${describeDate(d.dayNumber)} (${label(d)})`).join(', ');

/**
 * Assembles the answer from the last day and the days the computation looked at. `dueDate`, `dueAt` and
 * `provisional` are computed now; `computation` is written out on first read (an enumerable own getter, so
 * JSON and the tests see it like any field) — most callers never read it, and writing the sentences costs more
 * than finding the date. It is built from the frozen `DayInfo`s seen now, so a schedule loaded later cannot
 * make the explanation disagree with the date.
 */
export function deadline(
  rule: DeadlineRule,
  due: DayInfo,
  consulted: readonly DayInfo[],
  describe: () => { parts: Omit<DeadlineComputation, 'years' | 'explanation'>; explanation: string[] },
): Deadline {
  const dueAt = due.date + END_OF_DAY_UTC;
  let provisional = false;
  for (const d of consulted) provisional ||= d.provisional;
  const result = { rule, dueDate: due.date, dueAt, provisional } as Deadline;
  let computation: DeadlineComputation | undefined;
  Object.defineProperty(result, 'computation', {
    enumerable: true,
    get: () => (computation ??= explain(due, dueAt, consulted, describe)),
  });
  return result;
}

function explain(
  due: DayInfo,
  dueAt: string,
  consulted: readonly DayInfo[],
  describe: () => { parts: Omit<DeadlineComputation, 'years' | 'explanation'>; explanation: string[] },
): DeadlineComputation {
  const { parts, explanation } = describe();
  const years: { year: number; provisional: boolean }[] = [];
  for (const d of consulted) {
    if (!years.some((y) => y.year === d.year)) years.push({ year: d.year, provisional: d.provisional });
  }
  years.sort((a, b) => a.year - b.year);
  const provisionalYears = years.filter((y) => y.provisional).map((y) => y.year);
  explanation.push(`Deadline: 24:00 ${describeDate(due.dayNumber)}, Asia/Ho_Chi_Minh (${dueAt}).`);
  if (provisionalYears.length > 0) {
    explanation.push(
      `Provisional: no official schedule is loaded for ${provisionalYears.join(', ')}; its days off are computed from the Labour Code ` +
        `(Art. 111–112) and the deadline may move when the schedule is announced.`,
    );
  }
  return { ...parts, years, explanation };
}

/**
 * Whether something that happened at `at` (an instant) missed the deadline: the period includes every instant
 * before 24:00 of the last day, and 24:00 itself already belongs to the next day.
 */
export function isLate(due: Pick<Deadline, 'dueAt'>, at: Date | string): boolean {
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(at)}`);
  return ms >= Date.parse(due.dueAt);
}
