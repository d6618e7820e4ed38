import { BUNDLED_SCHEDULES } from './official-schedules.js';
import { WorkingCalendar, type WorkingCalendarOptions } from './working-calendar.js';

/**
 * The calendar the application uses: the official schedules shipped with the library, then any given here
 * (a later schedule for the same year wins, e.g. one stored through `PUT /api/calendar/:year`).
 */
export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  return new WorkingCalendar({ ...options, schedules: [...BUNDLED_SCHEDULES, ...(options.schedules ?? [])] });
}
