import { daysFromCivil, civilFromDays, fromDayNumber, toDayNumber, type DayNumber, type IsoDate } from './iso-date.js';
import { jdeAtLocalMidnight, localDayOfJde, JD_UNIX_EPOCH } from './julian-day.js';
import { nearestLunation, newMoonJde } from './new-moon.js';
import { sunApparentLongitude } from './sun-longitude.js';

/**
 * The Vietnamese lunisolar calendar, computed from the astronomy for a time zone (Vietnam: UTC+7; China uses
 * UTC+8, which is why the two calendars differ in some years: Lunar New Year 2030 is 2 February in Vietnam,
 * 3 February in China). The rules are those of the modern (post-1645 Chinese, post-1967 Vietnamese) calendar:
 *
 * 1. A month begins on the local day of a new moon (Meeus ch. 49) and lasts until the day before the next one.
 * 2. The month in which the December solstice falls (the Sun reaching apparent longitude 270°, Meeus ch. 25)
 *    is month 11.
 * 3. When 13 months begin between one month 11 and the next, the first of them after month 11 in which no
 *    principal solar term falls (no multiple of 30° of the Sun's longitude) is a leap month: it repeats the
 *    number of the month before it.
 *
 * "Falls in a month" is judged by local days: a term falls in the month whose days include the local date of
 * the term, so the Sun's longitude is compared at the local midnights that begin the months.
 */

export interface LunarDate {
  /** The lunar year, named by the Gregorian year in which its first day falls. */
  year: number;
  month: number;
  day: number;
  /** True for the intercalary month that repeats `month`. */
  leap: boolean;
}

/** Years the conversion is offered for; ΔT and Meeus' series are reliable well beyond, the tests cover 1901–2099. */
export const LUNAR_YEAR_RANGE = { from: 1900, to: 2199 } as const;

interface LunarMonth {
  month: number;
  leap: boolean;
  start: DayNumber;
  /** 29 or 30 */
  length: number;
}

/**
 * The months that begin from the month 11 before a Gregorian year to the month before the next month 11:
 * months 11 and 12 of the previous lunar year, then months 1–10 of the lunar year that starts in `year`,
 * with at most one leap month among them.
 */
interface SolsticeSpan {
  months: LunarMonth[];
}

const SOLSTICE_LONGITUDE = 270;

const newMoonDay = (k: number, tzHours: number) => localDayOfJde(newMoonJde(k), tzHours);
const sunLongitudeAtStartOf = (day: DayNumber, tzHours: number) => sunApparentLongitude(jdeAtLocalMidnight(day, tzHours));

/** The lunation number of the month 11 that contains the December solstice of `gregorianYear`. */
function month11Lunation(gregorianYear: number, tzHours: number): number {
  const dec31 = daysFromCivil(gregorianYear, 12, 31);
  // The last new moon whose local day is on or before 31 December…
  let k = nearestLunation(dec31 + JD_UNIX_EPOCH);
  while (newMoonDay(k + 1, tzHours) <= dec31) k++;
  while (newMoonDay(k, tzHours) > dec31) k--;
  // …begins month 11 unless the solstice came before its first day; then month 11 is the month before.
  // (In December the longitude at a month's start lies between about 240° and 280°, so no wrap at 360°.)
  return sunLongitudeAtStartOf(newMoonDay(k, tzHours), tzHours) >= SOLSTICE_LONGITUDE ? k - 1 : k;
}

function computeSolsticeSpan(gregorianYear: number, tzHours: number): SolsticeSpan {
  const first = month11Lunation(gregorianYear - 1, tzHours);
  const next = month11Lunation(gregorianYear, tzHours);
  const count = next - first; // 12, or 13 in a leap year
  const starts: DayNumber[] = [];
  for (let i = 0; i <= count; i++) starts.push(newMoonDay(first + i, tzHours));

  let leapIndex = -1;
  if (count === 13) {
    // The principal term index (0…11) in force at the start of each month; a month whose start and end show
    // the same index has no principal term in it.
    const termAt = starts.map((day) => Math.floor(sunLongitudeAtStartOf(day, tzHours) / 30));
    for (let i = 1; i < count; i++) {
      if (termAt[i] === termAt[i + 1]) {
        leapIndex = i;
        break;
      }
    }
  }

  const months: LunarMonth[] = [];
  let number = 11;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (i > 0 && !leap) number = (number % 12) + 1;
    months.push({ month: number, leap, start: starts[i]!, length: starts[i + 1]! - starts[i]! });
  }
  return { months };
}

// Each span is computed once per (year, time zone): a few dozen evaluations of the series, then a table lookup.
const spans = new Map<string, SolsticeSpan>();

function solsticeSpan(gregorianYear: number, tzHours: number): SolsticeSpan {
  const key = `${gregorianYear}@${tzHours}`;
  let span = spans.get(key);
  if (!span) {
    span = computeSolsticeSpan(gregorianYear, tzHours);
    spans.set(key, span);
  }
  return span;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_YEAR_RANGE.from || year > LUNAR_YEAR_RANGE.to) {
    throw new RangeError(`lunar calendar: year ${year} is outside ${LUNAR_YEAR_RANGE.from}–${LUNAR_YEAR_RANGE.to}`);
  }
}

function checkTz(tzHours: number): void {
  if (!Number.isFinite(tzHours) || tzHours < -12 || tzHours > 14) {
    throw new RangeError(`lunar calendar: time-zone offset ${tzHours} h is not between -12 and +14`);
  }
}

/** Day number of lunar 1/1 of the lunar year that starts in `year`. */
export function lunarNewYearDay(year: number, tzHours = 7): DayNumber {
  checkYear(year);
  checkTz(tzHours);
  return solsticeSpan(year, tzHours).months.find((m) => m.month === 1 && !m.leap)!.start;
}

/** 'YYYY-MM-DD' of lunar 1/1 (Tết Nguyên đán) of the lunar year that starts in Gregorian `year`. */
export function lunarNewYear(year: number, tzHours = 7): IsoDate {
  return fromDayNumber(lunarNewYearDay(year, tzHours));
}

export function lunarToSolarDay(date: LunarDate, tzHours = 7): DayNumber {
  const { year, month, day, leap } = date;
  checkYear(year);
  checkTz(tzHours);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`lunar month ${month} is not 1–12`);
  // Months 11 and 12 of a lunar year begin after the December solstice of that Gregorian year.
  const span = solsticeSpan(month >= 11 ? year + 1 : year, tzHours);
  const found = span.months.find((m) => m.month === month && m.leap === leap);
  if (!found) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > found.length) {
    throw new RangeError(`lunar ${leap ? 'leap ' : ''}month ${month}/${year} has ${found.length} days, not day ${day}`);
  }
  return found.start + day - 1;
}

/** The Gregorian date of a lunar date; RangeError for a leap month the year does not have or a day 30 it lacks. */
export function lunarToSolar(date: LunarDate, tzHours = 7): IsoDate {
  return fromDayNumber(lunarToSolarDay(date, tzHours));
}

export function solarDayToLunar(dayNumber: DayNumber, tzHours = 7): LunarDate {
  const { year } = civilFromDays(dayNumber);
  checkYear(year);
  checkTz(tzHours);
  // The span of `year` ends the day before the month 11 that contains this year's December solstice.
  let spanYear = year;
  let span = solsticeSpan(spanYear, tzHours);
  const last = span.months[span.months.length - 1]!;
  if (dayNumber >= last.start + last.length) span = solsticeSpan(++spanYear, tzHours);
  let found = span.months[0]!;
  for (const m of span.months) if (m.start <= dayNumber) found = m;
  return {
    year: found.month >= 11 ? spanYear - 1 : spanYear,
    month: found.month,
    day: dayNumber - found.start + 1,
    leap: found.leap,
  };
}

/** The lunar date of a Gregorian 'YYYY-MM-DD'. */
export function solarToLunar(date: IsoDate, tzHours = 7): LunarDate {
  return solarDayToLunar(toDayNumber(date), tzHours);
}

/** The months of a lunar year in order, with their first day and length (for display and for checks). */
export function lunarYearMonths(year: number, tzHours = 7): { month: number; leap: boolean; start: IsoDate; days: number }[] {
  checkYear(year);
  checkTz(tzHours);
  const own = solsticeSpan(year, tzHours).months.filter((m) => m.month < 11);
  const tail = solsticeSpan(year + 1, tzHours).months.filter((m) => m.month >= 11);
  return [...own, ...tail].map((m) => ({ month: m.month, leap: m.leap, start: fromDayNumber(m.start), days: m.length }));
}
