import { officialCalendarYear, type CalendarYear } from './calendar-year.js';
import {
  civilFromDays,
  daysFromCivil,
  fromDayNumber,
  parseIsoDate,
  weekdayOf,
  type DayNumber,
  type IsoDate,
  type Weekday,
} from './iso-date.js';
import { parseOfficialSchedule, type ValidatedSchedule } from './official-schedule.js';
import { provisionalCalendarYear, recurringHolidayProblems, type RecurringHoliday } from './provisional-year.js';

/** Years the working calendar answers for. */
export const CALENDAR_YEAR_RANGE = { from: 1900, to: 2199 } as const;

export type DayStatus = 'working' | 'working_saturday' | 'weekend' | 'holiday' | 'compensatory' | 'swapped';

/** Everything the calendar knows about one day; shared and frozen, so handing it out costs nothing. */
export interface DayInfo {
  readonly date: IsoDate;
  readonly dayNumber: DayNumber;
  readonly weekday: Weekday;
  readonly working: boolean;
  readonly status: DayStatus;
  /** For a day off or a working Saturday: its name; for a weekend day: "weekly rest day". */
  readonly name?: string;
  readonly nameEn?: string;
  readonly source?: string;
  readonly year: number;
  /** The year's days off were computed, not announced. */
  readonly provisional: boolean;
}

export interface WorkingCalendarOptions {
  /** Official schedules (validated again here); each replaces the computed year. */
  schedules?: readonly unknown[];
  /** Fixed-date holidays added as data, applied to provisional years (official schedules list their own days). */
  extraHolidays?: readonly RecurringHoliday[];
  /** Time zone of the lunar calendar, hours east of UTC; Vietnam: 7. */
  tzHours?: number;
}

interface YearTable {
  readonly first: DayNumber;
  readonly days: readonly DayInfo[];
  readonly calendarYear: CalendarYear;
}

const REST_DAY_NAMES: Partial<Record<Weekday, { name: string; nameEn: string }>> = {
  0: { name: 'Nghỉ hằng tuần', nameEn: 'weekly rest day' },
  6: { name: 'Nghỉ hằng tuần', nameEn: 'weekly rest day' },
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The civil servants' working-day calendar: Monday–Friday, minus days off, plus working Saturdays (docs/rules.md,
 * "Working days"). Years with an official schedule use it; the others are computed and provisional. Each year
 * is built once, on first use, into a table of frozen `DayInfo`s, so a lookup is an array index.
 *
 * Schedules can be loaded and unloaded while the process runs (`PUT /api/calendar/:year`); `revision` changes
 * each time, and the deadlines computed before on an affected year should be computed again.
 */
export class WorkingCalendar {
  private readonly schedules = new Map<number, ValidatedSchedule>();
  private readonly tables = new Map<number, YearTable>();
  private lastTable: YearTable | undefined;
  private readonly extraHolidays: readonly RecurringHoliday[];
  readonly tzHours: number;
  private revisionCounter = 0;

  constructor(options: WorkingCalendarOptions = {}) {
    this.tzHours = options.tzHours ?? 7;
    const problems = (options.extraHolidays ?? []).flatMap(recurringHolidayProblems);
    if (problems.length > 0) throw new RangeError(`working calendar: ${problems.join('; ')}`);
    this.extraHolidays = Object.freeze([...(options.extraHolidays ?? [])]);
    for (const s of options.schedules ?? []) {
      const schedule = parseOfficialSchedule(s);
      this.schedules.set(schedule.year, schedule);
    }
  }

  /** Changes whenever a schedule is loaded or unloaded. */
  get revision(): number {
    return this.revisionCounter;
  }

  /**
   * Validates and loads an official schedule, replacing any for that year (and the computed year). Throws a
   * `VALIDATION_FAILED` DomainError listing every problem; nothing changes then.
   */
  load(schedule: unknown): ValidatedSchedule {
    const valid = parseOfficialSchedule(schedule);
    this.schedules.set(valid.year, valid);
    this.forget(valid.year);
    return valid;
  }

  /** Drops a year's official schedule: the year is computed (provisional) again. */
  unload(year: number): boolean {
    const had = this.schedules.delete(year);
    if (had) this.forget(year);
    return had;
  }

  /** A new calendar with the same settings and schedules, plus (or replacing) this one; this calendar is untouched. */
  withSchedule(schedule: unknown): WorkingCalendar {
    const next = new WorkingCalendar({ schedules: [...this.schedules.values()], extraHolidays: this.extraHolidays, tzHours: this.tzHours });
    next.load(schedule);
    return next;
  }

  officialSchedule(year: number): ValidatedSchedule | undefined {
    return this.schedules.get(year);
  }

  officialYears(): number[] {
    return [...this.schedules.keys()].sort((a, b) => a - b);
  }

  /** The year's days off and working Saturdays (computed once, then cached). */
  yearOf(year: number): CalendarYear {
    return this.table(year).calendarYear;
  }

  dayInfo(date: IsoDate): DayInfo {
    return this.dayInfoAt(this.dayNumberOf(date));
  }

  dayInfoAt(dayNumber: DayNumber): DayInfo {
    let t = this.lastTable;
    if (t === undefined || dayNumber < t.first || dayNumber >= t.first + t.days.length) {
      t = this.table(civilFromDays(dayNumber).year);
      this.lastTable = t;
    }
    return t.days[dayNumber - t.first]!;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfoAt(this.dayNumberOf(date)).working;
  }

  /** The first working day after `date` (not `date` itself). */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** The first working day before `date` (not `date` itself). */
  previousWorkingDay(date: IsoDate): IsoDate {
    return this.subtractWorkingDays(date, 1);
  }

  /** The n-th working day after `date`, which itself is not counted; n = 0 gives `date`. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    return fromDayNumber(this.stepWorkingDays(this.dayNumberOf(date), n));
  }

  /** The n-th working day before `date`, which itself is not counted; n = 0 gives `date`. */
  subtractWorkingDays(date: IsoDate, n: number): IsoDate {
    return fromDayNumber(this.stepWorkingDays(this.dayNumberOf(date), -n));
  }

  /** Day-number form of add/subtract: the |n|-th working day after (n > 0) or before (n < 0) `from`. */
  stepWorkingDays(from: DayNumber, n: number): DayNumber {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, not ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = from;
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (this.dayInfoAt(day).working) left--;
    }
    return day;
  }

  private dayNumberOf(date: IsoDate): DayNumber {
    const n = parseIsoDate(date);
    if (n === undefined) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(date)}`);
    return n;
  }

  private forget(year: number): void {
    this.tables.delete(year);
    this.lastTable = undefined;
    this.revisionCounter++;
  }

  private table(year: number): YearTable {
    let t = this.tables.get(year);
    if (t === undefined) {
      t = this.buildTable(year);
      this.tables.set(year, t);
    }
    return t;
  }

  private buildTable(year: number): YearTable {
    if (!Number.isInteger(year) || year < CALENDAR_YEAR_RANGE.from || year > CALENDAR_YEAR_RANGE.to) {
      throw new RangeError(`working calendar: year ${year} is outside ${CALENDAR_YEAR_RANGE.from}–${CALENDAR_YEAR_RANGE.to}`);
    }
    const schedule = this.schedules.get(year);
    const calendarYear = deepFreeze(
      schedule ? officialCalendarYear(schedule) : provisionalCalendarYear(year, { tzHours: this.tzHours, extraHolidays: this.extraHolidays }),
    );
    const marked = new Map<IsoDate, Pick<DayInfo, 'status' | 'name' | 'nameEn' | 'source'>>();
    for (const d of calendarYear.daysOff) marked.set(d.date, { status: d.kind, name: d.name, nameEn: d.nameEn, source: d.source });
    for (const s of calendarYear.workingSaturdays) marked.set(s.date, { status: 'working_saturday', name: s.name, nameEn: s.nameEn, source: s.source });

    const first = daysFromCivil(year, 1, 1);
    const count = daysFromCivil(year + 1, 1, 1) - first;
    const days: DayInfo[] = [];
    for (let i = 0; i < count; i++) {
      const dayNumber = first + i;
      const date = fromDayNumber(dayNumber);
      const weekday = weekdayOf(dayNumber);
      const mark = marked.get(date);
      const rest = REST_DAY_NAMES[weekday];
      const status: DayStatus = mark ? mark.status : rest ? 'weekend' : 'working';
      const named = mark ?? rest;
      // One object shape for every day (absent names are `undefined`): the deadline loops read these fields
      // millions of times, and V8 reads one shape much faster than several.
      const info: DayInfo = {
        date,
        dayNumber,
        weekday,
        year,
        provisional: calendarYear.provisional,
        working: status === 'working' || status === 'working_saturday',
        status,
        name: named?.name,
        nameEn: named?.nameEn,
        source: mark?.source,
      };
      days.push(Object.freeze(info));
    }
    return { first, days: Object.freeze(days), calendarYear };
  }
}
