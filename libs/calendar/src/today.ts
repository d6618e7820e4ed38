import type { Clock } from '#kernel';
import { localDateOf, type IsoDate } from './iso-date.js';

/** Today's date in Vietnam (or at `tzHours`), from the injected clock: the calendar never reads the system time. */
export function today(clock: Clock, tzHours = 7): IsoDate {
  return localDateOf(clock.now(), tzHours);
}
