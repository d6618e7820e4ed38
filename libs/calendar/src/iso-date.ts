/**
 * Calendar dates as 'YYYY-MM-DD' strings and as day numbers (days since 1970-01-01), with proleptic Gregorian
 * arithmetic done on integers. Nothing here reads the process time zone: `Date` objects appear only as instants,
 * through `getTime()`, so the results are the same under any `TZ`.
 */

/** A calendar date, 'YYYY-MM-DD' (local to wherever the caller means; the calendar means Vietnam). */
export type IsoDate = string;

/** Days since 1970-01-01: integer arithmetic on these never meets a DST change or a time zone. */
export type DayNumber = number;

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const MS_PER_DAY = 86_400_000;

// Day-number <-> civil date conversions after H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
// (public domain): exact for every proleptic Gregorian date, no floating point, no Date object.
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDays(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const DIGIT_0 = 48;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The day number of a 'YYYY-MM-DD' string, or `undefined` when it is not one (wrong shape, month 13, 30 February).
 * Hand-parsed: it sits on the hot path of every deadline.
 */
export function parseIsoDate(text: unknown): DayNumber | undefined {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

export function isIsoDate(text: unknown): text is IsoDate {
  return parseIsoDate(text) !== undefined;
}

/** Like `parseIsoDate`, for dates that must be valid: a bad one is a programming error, hence RangeError. */
export function toDayNumber(date: IsoDate): DayNumber {
  const n = parseIsoDate(date);
  if (n === undefined) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return n;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function formatCivil(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function fromDayNumber(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return formatCivil(year, month, day);
}

/** 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: DayNumber): Weekday {
  return (((dayNumber + 4) % 7) + 7) % 7 as Weekday;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 'Sat 2026-05-02': how a date is shown to a person in the deadline explanations. */
export function describeDate(dayNumber: DayNumber): string {
  return `${WEEKDAY_NAMES[weekdayOf(dayNumber)]} ${fromDayNumber(dayNumber)}`;
}

/**
 * The calendar date at `tzHours` east of UTC of an instant. Vietnam has kept UTC+7 without daylight saving since
 * 1975, so a fixed offset is exact for every date this project deals with, and no time-zone database is needed.
 */
export function localDateOf(instant: Date | string | number, tzHours = 7): IsoDate {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return fromDayNumber(Math.floor((ms + tzHours * 3_600_000) / MS_PER_DAY));
}

/** The instant a local day ends (24:00 at `tzHours`, i.e. 00:00 of the next day), as UTC ISO-8601. */
export function endOfLocalDay(dayNumber: DayNumber, tzHours = 7): string {
  return new Date((dayNumber + 1) * MS_PER_DAY - tzHours * 3_600_000).toISOString();
}
