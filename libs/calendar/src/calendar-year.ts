import type { IsoDate } from './iso-date.js';
import type { DayOffKind, ValidatedSchedule } from './official-schedule.js';

/** A day off as the calendar reports it: from an official schedule, or computed for a provisional year. */
export interface CalendarDayOff {
  date: IsoDate;
  name: string;
  nameEn?: string;
  kind: DayOffKind;
  source: string;
  swappedWith?: IsoDate;
}

export interface CalendarWorkingSaturday {
  date: IsoDate;
  name: string;
  nameEn?: string;
  source: string;
}

/**
 * One year of the working-day calendar. `provisional` is true when no official schedule is loaded for the year
 * and the days off were computed from the rules (docs/calendar.md, "Provisional years").
 */
export interface CalendarYear {
  year: number;
  provisional: boolean;
  source: string;
  daysOff: CalendarDayOff[];
  workingSaturdays: CalendarWorkingSaturday[];
}

/** An official schedule replaces the computed year whole: it is what civil servants actually get. */
export function officialCalendarYear(schedule: ValidatedSchedule): CalendarYear {
  const daysOff: CalendarDayOff[] = [];
  const workingSaturdays: CalendarWorkingSaturday[] = [];
  for (const e of schedule.entries) {
    const names = { name: e.name, ...(e.nameEn !== undefined && { nameEn: e.nameEn }) };
    if (e.kind === 'working_saturday') workingSaturdays.push({ date: e.date, ...names, source: e.source });
    else daysOff.push({ date: e.date, ...names, kind: e.kind, source: e.source, ...(e.swappedWith !== undefined && { swappedWith: e.swappedWith }) });
  }
  return { year: schedule.year, provisional: false, source: schedule.source, daysOff, workingSaturdays };
}
