import { invalidFields } from '#kernel';
import { describeDate, fromDayNumber, type IsoDate } from './iso-date.js';
import { deadline, listDays, label, requireDate, skipped, withinCalendar, type Deadline } from './deadline.js';
import type { DayInfo, WorkingCalendar } from './working-calendar.js';

export interface Dx4Input {
  achievementDate: IsoDate;
  /** Recognition of the achievement by a competent authority, when there is one: the period starts from it. */
  recognizedAt?: IsoDate | null;
}

/** The period of DX-4, in days. */
export const DX4_DAYS = 10;

/**
 * docs/rules.md DX-4: within 10 days of the achievement, or of its recognition by a competent authority.
 * Civil Code 2015 Art. 147(3): the start day is not counted, so day 10 is the start + 10 calendar days.
 * Art. 148: the period ends at 24:00 of day 10; when day 10 is not a working day (weekend, holiday, compensatory or
 * swapped day off), at 24:00 of the next working day. A working Saturday is a working day.
 *
 * Example: achievement Wed 2026-04-22 → day 10 is Sat 2026-05-02 → Mon 2026-05-04.
 */
export function dx4Deadline(input: Dx4Input, calendar: WorkingCalendar): Deadline {
  const achievement = requireDate(input?.achievementDate, 'achievementDate');
  const recognized = input?.recognizedAt == null ? undefined : requireDate(input.recognizedAt, 'recognizedAt');
  if (recognized !== undefined && recognized < achievement) {
    throw invalidFields([{ field: 'recognizedAt', message: `recognizedAt ${input.recognizedAt} is before achievementDate ${input.achievementDate}` }], {
      field: 'recognizedAt',
      value: input.recognizedAt,
    });
  }
  const start = recognized ?? achievement;
  const basis = recognized !== undefined ? 'recognition' : 'achievement';

  return withinCalendar(basis === 'recognition' ? 'recognizedAt' : 'achievementDate', fromDayNumber(start), () => {
    const dayTen = calendar.dayInfoAt(start + DX4_DAYS);
    const consulted: DayInfo[] = [dayTen];
    let due = dayTen;
    while (!due.working) {
      due = calendar.dayInfoAt(due.dayNumber + 1);
      consulted.push(due);
    }

    return deadline('DX-4', due, consulted, () => {
      const countedDays: IsoDate[] = [];
      for (let i = 1; i <= DX4_DAYS; i++) countedDays.push(fromDayNumber(start + i));
      const passedOver = consulted.slice(0, -1);
      const explanation = [
        `DX-4: the unit submits within ${DX4_DAYS} days of the achievement or of its recognition by a competent authority.`,
        `Start: ${describeDate(start)}, the ${basis === 'recognition' ? 'date of recognition' : 'achievement date'}; ` +
          `the start day is not counted (Civil Code 2015 Art. 147(3)).`,
        `Days 1–${DX4_DAYS} are calendar days: ${describeDate(start + 1)} to ${describeDate(dayTen.dayNumber)}.`,
        dayTen.working
          ? `Day ${DX4_DAYS}, ${describeDate(dayTen.dayNumber)}, is a working day${dayTen.status === 'working_saturday' ? ` (${label(dayTen)})` : ''}: ` +
            `the period ends at 24:00 that day (Civil Code 2015 Art. 148).`
          : `Day ${DX4_DAYS} is not a working day, so the period ends at 24:00 of the next working day (Civil Code 2015 Art. 148). ` +
            `Passed over: ${listDays(passedOver)}.`,
      ];
      return { parts: { start: { date: fromDayNumber(start), basis }, countedDays, skippedDays: passedOver.map(skipped) }, explanation };
    });
  });
}
