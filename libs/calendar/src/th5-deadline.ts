import { describeDate, fromDayNumber, type IsoDate } from './iso-date.js';
import { deadline, listDays, requireDate, skipped, withinCalendar, type Deadline } from './deadline.js';
import type { DayInfo, WorkingCalendar } from './working-calendar.js';

/** The number of working days of TH-5. */
export const TH5_WORKING_DAYS = 15;

/**
 * docs/rules.md TH-5: the dossier reaches the home-affairs department at least 15 working days before the award
 * ceremony. The deadline is the end (24:00, Asia/Ho_Chi_Minh) of the 15th working day counted back from the day
 * before the ceremony, which is day 1 when it is a working day.
 *
 * Example: ceremony Mon 2026-06-22 → deadline end of Mon 2026-06-01.
 */
export function th5Deadline(ceremonyDate: IsoDate, calendar: WorkingCalendar): Deadline {
  const ceremony = requireDate(ceremonyDate, 'ceremonyDate');
  return withinCalendar('ceremonyDate', ceremonyDate, () => {
    const consulted: DayInfo[] = [];
    const counted: DayInfo[] = [];
    let day = ceremony;
    while (counted.length < TH5_WORKING_DAYS) {
      const info = calendar.dayInfoAt(--day);
      consulted.push(info);
      if (info.working) counted.push(info);
    }
    const due = counted[counted.length - 1]!;

    return deadline('TH-5', due, consulted, () => {
      const passedOver = consulted.filter((d) => !d.working);
      const explanation = [
        `TH-5: the dossier reaches the home-affairs department at least ${TH5_WORKING_DAYS} working days before the award ceremony.`,
        `Ceremony: ${describeDate(ceremony)}. Working days are counted back from the day before, ${describeDate(ceremony - 1)}, ` +
          `which is day 1 if it is a working day.`,
        `Counted: ${TH5_WORKING_DAYS} working days, day 1 ${describeDate(counted[0]!.dayNumber)} back to day ${TH5_WORKING_DAYS} ${describeDate(due.dayNumber)}.`,
        passedOver.length > 0 ? `Passed over (not working days): ${listDays(passedOver)}.` : 'No day was passed over.',
      ];
      return {
        parts: {
          start: { date: fromDayNumber(ceremony), basis: 'ceremony' as const },
          countedDays: counted.map((d) => d.date),
          skippedDays: passedOver.map(skipped),
        },
        explanation,
      };
    });
  });
}
