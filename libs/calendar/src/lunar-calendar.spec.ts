import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, daysFromCivil, fromDayNumber } from './iso-date.js';
import { lunarNewYear, lunarToSolar, lunarYearMonths, solarToLunar } from './lunar-calendar.js';

// The oracle is test data only: the product computes every date itself and never reads or ships this table.
const ORACLE = fileURLToPath(new URL('../test-support/lunar-dates-vn.csv', import.meta.url));

function readOracle(): { rows: { year: number; newYear: string; hungKings: string }[]; missing?: string } {
  if (!existsSync(ORACLE)) {
    return { rows: [], missing: `lunar-date oracle not found at ${ORACLE}` };
  }
  const [header, ...lines] = readFileSync(ORACLE, 'utf8').trim().split(/\r?\n/);
  if (header?.trim() !== 'year,lunar_new_year,hung_kings_day') return { rows: [], missing: `${ORACLE}: unexpected header ${header}` };
  return {
    rows: lines.map((line) => {
      const [year, newYear, hungKings] = line.split(',');
      return { year: Number(year), newYear: newYear!.trim(), hungKings: hungKings!.trim() };
    }),
  };
}

/**
 * Years where the oracle does not follow a UTC+7 computation. All are before 1968: until the decree of
 * 8 August 1967 the Vietnamese lunar calendar was reckoned on UTC+8 (Beijing), and before 1945 on the court's
 * calendar; the new moons of these years fall between 16:00 and 17:00 UT, i.e. before midnight at UTC+7 and
 * after it at UTC+8. Our conversion computes UTC+7 (docs/calendar.md) for every year, so it differs by a day there.
 * 1925 matches no time zone: the new moon (the solar eclipse of 24 Jan 1925, ~14:45 UT) is on the 24th at UTC+7
 * and at UTC+8, the oracle says the 25th. Every year from 1966 to 2099 matches both columns.
 */
const PRE_1968_DEVIATIONS: Record<number, { column: 'newYear' | 'hungKings'; why: string }[]> = {
  1903: [{ column: 'newYear', why: 'new moon 28 Jan 16:38 UT: 23:38 at UTC+7, the 29th at UTC+8' }],
  1916: [{ column: 'hungKings', why: 'new moon 2 Apr 16:20 UT: 23:20 at UTC+7, the 3rd at UTC+8' }],
  1917: [{ column: 'hungKings', why: 'leap month: UTC+7 places it after month 3, UTC+8 (the oracle) after month 2' }],
  1925: [{ column: 'newYear', why: 'new moon 24 Jan ~14:45 UT (total solar eclipse): the 24th at UTC+7 and UTC+8; oracle says the 25th' }],
  1935: [{ column: 'newYear', why: 'new moon 3 Feb 16:27 UT: 23:27 at UTC+7, the 4th at UTC+8' }],
  1939: [{ column: 'hungKings', why: 'new moon 19 Apr 16:35 UT: 23:35 at UTC+7, the 20th at UTC+8' }],
  1965: [{ column: 'newYear', why: 'new moon 1 Feb 16:36 UT: 23:36 at UTC+7, the 2nd at UTC+8' }],
};

const oracle = readOracle();
const hungKings = (year: number, tz = 7) => lunarToSolar({ year, month: 3, day: 10, leap: false }, tz);

describe('lunar calendar against the oracle (lunar-dates-vn.csv, 1901–2099)', () => {
  if (oracle.missing) {
    it('needs the oracle file', () => {
      throw new Error(oracle.missing);
    });
    return;
  }

  it('covers every year from 1901 to 2099', () => {
    expect(oracle.rows.map((r) => r.year)).toEqual(Array.from({ length: 199 }, (_, i) => 1901 + i));
  });

  const regular = oracle.rows.filter((r) => !PRE_1968_DEVIATIONS[r.year]);
  it.each(regular)('$year: Lunar New Year $newYear, Hùng Kings $hungKings', ({ year, newYear, hungKings: hk }) => {
    expect({ newYear: lunarNewYear(year), hungKings: hungKings(year) }).toEqual({ newYear, hungKings: hk });
  });

  const deviating = oracle.rows.filter((r) => PRE_1968_DEVIATIONS[r.year]);
  it.each(deviating)('$year (before 1968): differs from the oracle only where documented, the other column matches', (row) => {
    const computed = { newYear: lunarNewYear(row.year), hungKings: hungKings(row.year) };
    const documented = PRE_1968_DEVIATIONS[row.year]!.map((d) => d.column);
    for (const column of ['newYear', 'hungKings'] as const) {
      if (documented.includes(column)) expect(computed[column]).not.toBe(row[column]);
      else expect(computed[column]).toBe(row[column]);
    }
  });

  it('has every documented deviation before 1968, when Vietnam moved its calendar from UTC+8 to UTC+7', () => {
    expect(Object.keys(PRE_1968_DEVIATIONS).map(Number).every((y) => y < 1968)).toBe(true);
  });
});

describe('lunar calendar facts of docs/calendar.md', () => {
  it.each([
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
  ])('%i: Lunar New Year %s, Hùng Kings %s', (year, newYear, hk) => {
    expect(lunarNewYear(year)).toBe(newYear);
    expect(hungKings(year)).toBe(hk);
  });

  it('Given the Vietnamese calendar at UTC+7, When it computes Lunar New Year 2030, Then it is 2 February; China (UTC+8) has 3 February', () => {
    expect(lunarNewYear(2030)).toBe('2030-02-02');
    expect(lunarNewYear(2030, 7)).toBe('2030-02-02');
    expect(lunarNewYear(2030, 8)).toBe('2030-02-03');
  });

  it('places the leap months of recent years (2020: 4, 2023: 2, 2025: 6)', () => {
    const leap = (y: number) => lunarYearMonths(y).filter((m) => m.leap).map((m) => m.month);
    expect(leap(2020)).toEqual([4]);
    expect(leap(2023)).toEqual([2]);
    expect(leap(2024)).toEqual([]);
    expect(leap(2025)).toEqual([6]);
  });
});

describe('conversions', () => {
  it('solarToLunar and lunarToSolar are inverse over every day of 2019–2031', () => {
    for (let day = daysFromCivil(2019, 1, 1); day < daysFromCivil(2032, 1, 1); day++) {
      const date = fromDayNumber(day);
      expect(lunarToSolar(solarToLunar(date))).toBe(date);
    }
  });

  it('numbers days from 1 on the new-moon day and continues across a leap month', () => {
    expect(solarToLunar('2030-02-02')).toEqual({ year: 2030, month: 1, day: 1, leap: false });
    expect(solarToLunar('2030-02-01')).toEqual({ year: 2029, month: 12, day: 29, leap: false }); // month 12 began on the new moon of 4 Jan 2030
    expect(solarToLunar(addDays(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true }), -1)).leap).toBe(false);
    expect(solarToLunar(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true }))).toEqual({ year: 2023, month: 2, day: 1, leap: true });
  });

  it('gives months of 29 or 30 days, 12 or 13 to a year', () => {
    for (let year = 1990; year <= 2090; year++) {
      const months = lunarYearMonths(year);
      expect([12, 13]).toContain(months.length);
      for (const m of months) expect([29, 30]).toContain(m.days);
      expect(months[0]!.start).toBe(lunarNewYear(year));
    }
  });

  it('refuses what does not exist: a leap month the year lacks, a day 30 of a short month, years out of range', () => {
    expect(() => lunarToSolar({ year: 2024, month: 4, day: 1, leap: true })).toThrow(/no leap month 4/);
    const short = lunarYearMonths(2026).find((m) => m.days === 29)!;
    expect(() => lunarToSolar({ year: 2026, month: short.month, day: 30, leap: short.leap })).toThrow(/29 days/);
    expect(() => lunarNewYear(1800)).toThrow(RangeError);
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
  });

  it('computes months 11 and 12 of a lunar year after the December solstice of the same Gregorian year', () => {
    // Lunar 2026 ends the day before Lunar New Year 2027.
    const months = lunarYearMonths(2026);
    const last = months[months.length - 1]!;
    expect(addDays(last.start, last.days)).toBe(lunarNewYear(2027));
    expect(solarToLunar(addDays(lunarNewYear(2027), -1))).toMatchObject({ year: 2026, month: 12 });
  });
});
