/**
 * Instants of new moon, after Meeus, Astronomical Algorithms, 2nd ed., ch. 49 ("Phases of the Moon"):
 * the mean phase (49.1) with the periodic corrections for the new moon and the fourteen planetary arguments
 * A1…A14. Meeus gives the result within a few seconds of the exact one for the years around the present, far
 * below what can move a new moon across a midnight except in the rarest case.
 */

/** Mean synodic month, in days (Meeus 49.1). */
export const SYNODIC_MONTH = 29.530588861;

/** Lunation number k = 0 is the new moon of 2000-01-06 (Meeus 49.1). */
const K0_JDE = 2_451_550.09766;

const RAD = Math.PI / 180;
const sin = (degrees: number) => Math.sin(degrees * RAD);

/** The integer lunation number whose new moon is nearest to the given JDE. */
export function nearestLunation(jde: number): number {
  return Math.round((jde - K0_JDE) / SYNODIC_MONTH);
}

/** The JDE (Terrestrial Time) of the true new moon of lunation `k` (an integer). */
export function newMoonJde(k: number): number {
  const T = k / 1236.85; // Julian centuries since J2000.0 (49.3)
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;

  const meanPhase = K0_JDE + SYNODIC_MONTH * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;

  const E = 1 - 0.002516 * T - 0.0000074 * T2; // eccentricity of the Earth's orbit (47.6)
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3; // Sun's mean anomaly (49.4)
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4; // Moon's (49.5)
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4; // argument of latitude (49.6)
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3; // longitude of the ascending node (49.7)

  // Periodic terms for the new moon (Meeus table in ch. 49), in days.
  const periodic =
    -0.4072 * sin(Mp) +
    0.17241 * E * sin(M) +
    0.01608 * sin(2 * Mp) +
    0.01039 * sin(2 * F) +
    0.00739 * E * sin(Mp - M) -
    0.00514 * E * sin(Mp + M) +
    0.00208 * E * E * sin(2 * M) -
    0.00111 * sin(Mp - 2 * F) -
    0.00057 * sin(Mp + 2 * F) +
    0.00056 * E * sin(2 * Mp + M) -
    0.00042 * sin(3 * Mp) +
    0.00042 * E * sin(M + 2 * F) +
    0.00038 * E * sin(M - 2 * F) -
    0.00024 * E * sin(2 * Mp - M) -
    0.00017 * sin(Om) -
    0.00007 * sin(Mp + 2 * M) +
    0.00004 * sin(2 * Mp - 2 * F) +
    0.00004 * sin(3 * M) +
    0.00003 * sin(Mp + M - 2 * F) +
    0.00003 * sin(2 * Mp + 2 * F) -
    0.00003 * sin(Mp + M + 2 * F) +
    0.00003 * sin(Mp - M + 2 * F) -
    0.00002 * sin(Mp - M - 2 * F) -
    0.00002 * sin(3 * Mp + M) +
    0.00002 * sin(4 * Mp);

  // Additional corrections for all phases, from the planetary arguments A1…A14 (ch. 49), in days.
  const planetary =
    0.000325 * sin(299.77 + 0.107408 * k - 0.009173 * T2) +
    0.000165 * sin(251.88 + 0.016321 * k) +
    0.000164 * sin(251.83 + 26.651886 * k) +
    0.000126 * sin(349.42 + 36.412478 * k) +
    0.00011 * sin(84.66 + 18.206239 * k) +
    0.000062 * sin(141.74 + 53.303771 * k) +
    0.00006 * sin(207.14 + 2.453732 * k) +
    0.000056 * sin(154.84 + 7.30686 * k) +
    0.000047 * sin(34.52 + 27.261239 * k) +
    0.000042 * sin(207.19 + 0.121824 * k) +
    0.00004 * sin(291.34 + 1.844379 * k) +
    0.000037 * sin(161.72 + 24.198154 * k) +
    0.000035 * sin(239.56 + 25.513099 * k) +
    0.000023 * sin(331.55 + 3.592518 * k);

  return meanPhase + periodic + planetary;
}
