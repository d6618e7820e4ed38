import { DEADLINE_TZ_HOURS } from '#calendar';

const HOUR_MS = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

export interface LocalDeadline {
  /** "24:00 ngày 04/05/2026" */
  vi: string;
  /** "24:00 on 04/05/2026 (Vietnam time, UTC+7)" */
  en: string;
}

/**
 * A deadline instant as officials write it, in Vietnam's time (UTC+7, no DST) whatever the process TZ: the
 * arithmetic is on UTC fields of a shifted instant. A deadline ends at midnight, which is written as 24:00 of
 * the last day ("24:00 ngày 04/05/2026"), not 00:00 of the next.
 */
export function localDeadline(dueAt: string): LocalDeadline {
  const shifted = new Date(Date.parse(dueAt) + DEADLINE_TZ_HOURS * HOUR_MS);
  if (Number.isNaN(shifted.getTime())) throw new RangeError(`not an instant: ${dueAt}`);
  let hours = shifted.getUTCHours();
  const minutes = shifted.getUTCMinutes();
  let day = shifted;
  if (hours === 0 && minutes === 0) {
    hours = 24;
    day = new Date(shifted.getTime() - 24 * HOUR_MS);
  }
  const time = `${pad(hours)}:${pad(minutes)}`;
  const date = `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
  return { vi: `${time} ngày ${date}`, en: `${time} on ${date} (Vietnam time, UTC+7)` };
}
