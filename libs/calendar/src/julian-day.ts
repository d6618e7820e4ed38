import { deltaTSeconds } from './delta-t.js';
import type { DayNumber } from './iso-date.js';

/**
 * Julian Day bookkeeping between the astronomy (instants in JDE, Terrestrial Time) and the calendar (day numbers
 * of a local civil calendar `tzHours` east of UTC). Meeus, Astronomical Algorithms, 2nd ed., ch. 7 (Julian Day)
 * and ch. 10 (Dynamical Time and Universal Time).
 */

/** JD of 1970-01-01 00:00 UT: day number 0 starts here. */
export const JD_UNIX_EPOCH = 2_440_587.5;
/** JD of 2000-01-01 12:00 TT, the epoch J2000.0 of the time arguments T. */
export const J2000 = 2_451_545.0;

const decimalYearOfJd = (jd: number) => 2000 + (jd - J2000) / 365.25;

/** The local calendar day (at `tzHours`) on which an instant given in JDE falls. */
export function localDayOfJde(jde: number, tzHours: number): DayNumber {
  const jdUt = jde - deltaTSeconds(decimalYearOfJd(jde)) / 86_400;
  return Math.floor(jdUt + tzHours / 24 - JD_UNIX_EPOCH);
}

/** The JDE of the local midnight (at `tzHours`) that starts a calendar day. */
export function jdeAtLocalMidnight(day: DayNumber, tzHours: number): number {
  const jdUt = day + JD_UNIX_EPOCH - tzHours / 24;
  return jdUt + deltaTSeconds(decimalYearOfJd(jdUt)) / 86_400;
}
