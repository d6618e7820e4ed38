import type { CalendarDayOff, CalendarWorkingSaturday, CalendarYear } from '#calendar';

/** A calendar day as ISO `YYYY-MM-DD`: the province's local day, never shifted by the browser's zone. */
export type IsoDay = string;

const pad = (n: number) => String(n).padStart(2, '0');

export const isoDay = (year: number, month: number, day: number): IsoDay => `${year}-${pad(month)}-${pad(day)}`;

/** 0 for Monday … 6 for Sunday: Vietnamese calendars start the week on Monday (Thứ Hai). */
export function mondayIndex(day: IsoDay): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * One month as weeks of seven cells, Monday first; the cells before the 1st and after the last day are null.
 * Computed in UTC on calendar dates alone, so the grid is the same in every time zone.
 */
export function monthGrid(year: number, month: number): (IsoDay | null)[][] {
  const cells: (IsoDay | null)[] = Array.from({ length: mondayIndex(isoDay(year, month, 1)) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(isoDay(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (IsoDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** What the calendar says of one day that is not an ordinary one. */
export type DayMark = { kind: 'off'; entry: CalendarDayOff } | { kind: 'working_saturday'; entry: CalendarWorkingSaturday };

export function markDays(calendar: CalendarYear): Map<IsoDay, DayMark> {
  const marks = new Map<IsoDay, DayMark>();
  for (const entry of calendar.daysOff) marks.set(entry.date, { kind: 'off', entry });
  for (const entry of calendar.workingSaturdays) marks.set(entry.date, { kind: 'working_saturday', entry });
  return marks;
}

export type DayKind = 'off' | 'working_saturday' | 'weekend' | 'workday';

/** How a day is shown: an announced day off or working Saturday first, else the ordinary Monday–Friday week. */
export function dayKind(day: IsoDay, marks: ReadonlyMap<IsoDay, DayMark>): DayKind {
  const mark = marks.get(day);
  if (mark) return mark.kind;
  return mondayIndex(day) >= 5 ? 'weekend' : 'workday';
}

/** Every day off and working Saturday of the year in date order: the list screen readers and phones read. */
export function yearEntries(calendar: CalendarYear): DayMark[] {
  return [...markDays(calendar).values()].sort((a, b) => a.entry.date.localeCompare(b.entry.date));
}
