import { J2000 } from './julian-day.js';

const RAD = Math.PI / 180;

/**
 * The Sun's apparent ecliptic longitude, in degrees [0, 360), at an instant given in JDE: Meeus, Astronomical
 * Algorithms, 2nd ed., ch. 25, the low-accuracy method (geometric mean longitude 25.2, mean anomaly 25.3,
 * equation of the centre, then nutation and aberration through Ω). Good to about 0.01°, i.e. about a quarter of
 * an hour of the Sun's motion: enough to place a solar term on its day except within minutes of a midnight.
 */
export function sunApparentLongitude(jde: number): number {
  const T = (jde - J2000) / 36_525;
  const L0 = 280.46646 + 36_000.76983 * T + 0.0003032 * T * T;
  const M = (357.52911 + 35_999.05029 * T - 0.0001537 * T * T) * RAD;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T * T) * Math.sin(M) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M) +
    0.000289 * Math.sin(3 * M);
  const omega = (125.04 - 1934.136 * T) * RAD;
  const apparent = L0 + C - 0.00569 - 0.00478 * Math.sin(omega);
  return ((apparent % 360) + 360) % 360;
}
