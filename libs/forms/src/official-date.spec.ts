import { longDate, placeAndDate, shortDate } from './official-date.js';

describe('official dates (Decree 30/2020/NĐ-CP: a zero before days under 10 and months 1 and 2)', () => {
  it('writes the long form of the date line', () => {
    expect(placeAndDate('Lạng Sơn', '2026-06-05')).toBe('Lạng Sơn, ngày 05 tháng 6 năm 2026');
    expect(longDate('2026-02-01')).toBe('ngày 01 tháng 02 năm 2026');
    expect(longDate('2026-01-15')).toBe('ngày 15 tháng 01 năm 2026');
    expect(longDate('2026-12-31')).toBe('ngày 31 tháng 12 năm 2026');
  });

  it('writes the short form used inside sentences', () => {
    expect(shortDate('2026-06-05')).toBe('05/6/2026');
    expect(shortDate('2026-02-09')).toBe('09/02/2026');
    expect(shortDate('2026-11-20')).toBe('20/11/2026');
  });

  it('leaves blanks that do not collapse when there is no date yet', () => {
    const blank = longDate(null);
    expect(blank).toMatch(/^ngày\u00a0+tháng\u00a0+năm\u00a0+$/);
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '05/06/2026', '2026-6-5', '']) expect(() => longDate(bad)).toThrow(/not a date/);
    expect(longDate('2028-02-29')).toBe('ngày 29 tháng 02 năm 2028');
  });
});
