/**
 * ΔT = TT − UT, in seconds. The astronomical formulas give instants in Terrestrial (Dynamical) Time; a calendar
 * day begins at a civil (UT-based) midnight, so every instant is moved by ΔT before it is given a date.
 *
 * Polynomials of F. Espenak and J. Meeus, "Polynomial Expressions for Delta T" (NASA Five Millennium Canon of
 * Solar Eclipses, 2006), which refine the approximations of Meeus, Astronomical Algorithms, 2nd ed., ch. 10.
 * ΔT is about a minute in the years that matter here: it moves a new moon across midnight only when the
 * new moon is within a minute or so of it.
 */
export function deltaTSeconds(decimalYear: number): number {
  const y = decimalYear;
  if (y >= 2050 || y < 1800) {
    const u = (y - 1820) / 100;
    const longTerm = -20 + 32 * u * u;
    // 2050–2150 blends the long-term parabola into the present trend.
    return y >= 2050 && y < 2150 ? longTerm - 0.5628 * (2150 - y) : longTerm;
  }
  if (y >= 2005) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  if (y >= 1986) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y >= 1961) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y >= 1941) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y >= 1920) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y >= 1900) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y >= 1860) {
    const t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  const t = y - 1800;
  return (
    13.72 - 0.332447 * t + 0.0068612 * t ** 2 + 0.0041116 * t ** 3 - 0.00037436 * t ** 4 + 0.0000121272 * t ** 5 -
    0.0000001699 * t ** 6 + 0.000000000875 * t ** 7
  );
}
