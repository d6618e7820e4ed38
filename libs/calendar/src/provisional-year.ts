import type { CalendarDayOff, CalendarYear } from './calendar-year.js';
import { daysFromCivil, daysInMonth, fromDayNumber, isWeekend, weekdayOf, type DayNumber, type IsoDate } from './iso-date.js';
import { lunarNewYearDay, lunarToSolarDay } from './lunar-calendar.js';

/**
 * The days off of a year that has no official schedule, computed from the rules of docs/calendar.md ("Provisional
 * years") and marked provisional. The Prime Minister sets Tết and the National Day's second day each year and
 * often adds swaps; none of that is guessed here beyond these rules.
 */

/** A holiday on a fixed Gregorian date, added as data (e.g. 24 November, Vietnamese Culture Day, once it is law). */
export interface RecurringHoliday {
  month: number;
  day: number;
  name: string;
  nameEn?: string;
  source: string;
  /** First year it applies to (inclusive); every year when absent. */
  fromYear?: number;
  /** Last year it applies to (inclusive). */
  toYear?: number;
}

export interface ProvisionalRules {
  /** Time zone of the lunar calendar, hours east of UTC. */
  tzHours: number;
  extraHolidays: readonly RecurringHoliday[];
}

const PROVISIONAL = '(computed, provisional)';
const SOURCES = {
  holiday: `Labour Code 2019 Art. 112(1) ${PROVISIONAL}`,
  tet: `Labour Code 2019 Art. 112(1); Tết days by the provisional rule: last day of the lunar year and days 1–4 ${PROVISIONAL}`,
  nationalDay: `Labour Code 2019 Art. 112(1); adjacent day by the project rule in libs/calendar/README.md ${PROVISIONAL}`,
  compensatory: `Labour Code 2019 Art. 111(3): a holiday on a weekly rest day gives a day off on the next working day ${PROVISIONAL}`,
} as const;

/** Compensatory days for a holiday late in December could fall in the next year; the rules here stay in one year. */
export const LATEST_RECURRING_HOLIDAY = { month: 12, day: 20 } as const;

/** Reports what is wrong with a recurring holiday, or nothing. */
export function recurringHolidayProblems(h: RecurringHoliday): string[] {
  const problems: string[] = [];
  const label = `recurring holiday ${JSON.stringify(h.name ?? '')}`;
  if (!Number.isInteger(h.month) || h.month < 1 || h.month > 12) problems.push(`${label}: month must be 1–12`);
  else if (!Number.isInteger(h.day) || h.day < 1 || h.day > daysInMonth(2001, h.month)) problems.push(`${label}: no day ${h.day} in month ${h.month} (29 February is not supported)`);
  else if (h.month === 12 && h.day > LATEST_RECURRING_HOLIDAY.day) problems.push(`${label}: dates after 20 December are not supported (a compensatory day could fall in the next year)`);
  if (typeof h.name !== 'string' || !h.name.trim()) problems.push(`${label}: name is required`);
  if (typeof h.source !== 'string' || !h.source.trim()) problems.push(`${label}: source is required`);
  return problems;
}

/**
 * The adjacent day of National Day (2 September), by weekday of 2 September. The rule: take the neighbouring
 * weekday that joins the two days to a weekend; when neither does (2 September on a Wednesday), the day before.
 *
 *   2 Sep on   Sun  Mon  Tue  Wed  Thu  Fri  Sat
 *   adjacent   3rd  3rd  1st  1st  3rd  1st  1st
 *
 * It reproduces the official 2025 (Tue → Mon 1 Sep) and 2026 (Wed → Tue 1 Sep) schedules of docs/calendar.md, and
 * agrees with what was announced, as reported by the press, for 2021 (Thu → Fri 3), 2022 (Fri → Thu 1), 2023
 * (Sat → Fri 1) and 2024 (Mon → Tue 3) — those four are not kept as data here. A Sunday 2 September takes
 * Monday 3, so that the holiday itself is a weekday (Sunday 2 then gives Tuesday 4 as its compensatory day);
 * taking Saturday 1 would give the same days off under other names. Swaps (2026: Mon 31 Aug for Sat 22 Aug)
 * are announced, never computed.
 */
const NATIONAL_DAY_ADJACENT_OFFSET = [+1, +1, -1, -1, +1, -1, -1] as const;

export function nationalDayAdjacentDay(year: number): IsoDate {
  const sep2 = daysFromCivil(year, 9, 2);
  return fromDayNumber(sep2 + NATIONAL_DAY_ADJACENT_OFFSET[weekdayOf(sep2)]);
}

interface Holiday {
  day: DayNumber;
  name: string;
  nameEn: string;
  source: string;
}

function holidaysOf(year: number, rules: ProvisionalRules): Holiday[] {
  const { tzHours } = rules;
  const on = (month: number, day: number) => daysFromCivil(year, month, day);
  const holidays: Holiday[] = [{ day: on(1, 1), name: 'Tết Dương lịch', nameEn: "New Year's Day", source: SOURCES.holiday }];

  // Tết: the last day of the lunar year and days 1–4 of the new one.
  const newYear = lunarNewYearDay(year, tzHours);
  const tetNames = ['Tết Nguyên đán (ngày cuối năm âm lịch)', 'Tết Nguyên đán (mùng 1)', 'Tết Nguyên đán (mùng 2)', 'Tết Nguyên đán (mùng 3)', 'Tết Nguyên đán (mùng 4)'];
  const tetNamesEn = ["Lunar New Year's Eve", 'Lunar New Year, day 1', 'Lunar New Year, day 2', 'Lunar New Year, day 3', 'Lunar New Year, day 4'];
  for (let i = 0; i < 5; i++) holidays.push({ day: newYear - 1 + i, name: tetNames[i]!, nameEn: tetNamesEn[i]!, source: SOURCES.tet });

  holidays.push(
    { day: lunarToSolarDay({ year, month: 3, day: 10, leap: false }, tzHours), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', nameEn: "Hùng Kings' Commemoration Day", source: SOURCES.holiday },
    { day: on(4, 30), name: 'Ngày Chiến thắng', nameEn: 'Reunification Day', source: SOURCES.holiday },
    { day: on(5, 1), name: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day', source: SOURCES.holiday },
    { day: on(9, 2), name: 'Quốc khánh', nameEn: 'National Day', source: SOURCES.holiday },
  );
  const adjacent = on(9, 2) + NATIONAL_DAY_ADJACENT_OFFSET[weekdayOf(on(9, 2))];
  holidays.push({ day: adjacent, name: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)', source: SOURCES.nationalDay });

  for (const extra of rules.extraHolidays) {
    if ((extra.fromYear ?? -Infinity) <= year && year <= (extra.toYear ?? Infinity)) {
      holidays.push({ day: on(extra.month, extra.day), name: extra.name, nameEn: extra.nameEn ?? extra.name, source: `${extra.source} ${PROVISIONAL}` });
    }
  }
  return holidays.sort((a, b) => a.day - b.day);
}

/**
 * Holidays on their days; then, in date order, each holiday that falls on a Saturday or Sunday, or on a day that
 * is already a holiday, gives one compensatory day: the first weekday after it that is not a holiday or an earlier
 * compensatory day. For a block like Tết this puts the compensatory days on the working days right after the
 * block (2030: Tết 1–5 Feb, with Sat 2 and Sun 3 compensated on Wed 6 and Thu 7).
 */
export function provisionalCalendarYear(year: number, rules: ProvisionalRules): CalendarYear {
  const holidays = holidaysOf(year, rules);
  const daysOff: CalendarDayOff[] = [];
  const off = new Set<DayNumber>();
  const owed: Holiday[] = [];
  for (const h of holidays) {
    if (off.has(h.day)) {
      owed.push(h);
      continue;
    }
    off.add(h.day);
    daysOff.push({ date: fromDayNumber(h.day), name: h.name, nameEn: h.nameEn, kind: 'holiday', source: h.source });
    if (isWeekend(h.day)) owed.push(h);
  }
  for (const h of owed) {
    let day = h.day + 1;
    while (isWeekend(day) || off.has(day)) day++;
    off.add(day);
    daysOff.push({ date: fromDayNumber(day), name: `Nghỉ bù ${h.name}`, nameEn: `Compensatory day off for ${h.nameEn}`, kind: 'compensatory', source: SOURCES.compensatory });
  }
  daysOff.sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    year,
    provisional: true,
    source: 'No official schedule loaded: computed from Labour Code 2019 Art. 111–112 (Tết: the last day of the lunar year and four days after; National Day: 2 September and the day before or after)',
    daysOff,
    workingSaturdays: [],
  };
}
