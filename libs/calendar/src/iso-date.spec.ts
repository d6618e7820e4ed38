import { civilFromDays, daysFromCivil, fromDayNumber, isIsoDate, localDateOf, parseIsoDate, toDayNumber, weekdayOf } from './iso-date.js';

describe('dates as day numbers', () => {
  it('agrees with Date.UTC on every day from 1900 to 2200, and formats and parses back', () => {
    const wrong: string[] = [];
    for (let n = daysFromCivil(1900, 1, 1); n <= daysFromCivil(2200, 12, 31); n++) {
      const utc = new Date(n * 86_400_000);
      const { year, month, day } = civilFromDays(n);
      if (year !== utc.getUTCFullYear() || month !== utc.getUTCMonth() + 1 || day !== utc.getUTCDate() || weekdayOf(n) !== utc.getUTCDay()) {
        wrong.push(utc.toISOString());
      }
      if (toDayNumber(fromDayNumber(n)) !== n || fromDayNumber(n) !== utc.toISOString().slice(0, 10)) wrong.push(fromDayNumber(n));
    }
    expect(wrong).toEqual([]);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '2026/01/01', ' 2026-01-01', '２０２６-01-01', '', null, 20260101])(
    'does not take %j for a date',
    (text) => {
      expect(parseIsoDate(text)).toBeUndefined();
      expect(isIsoDate(text)).toBe(false);
    },
  );

  it('takes leap days where they exist', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });

  it('gives the date in Vietnam of an instant, whatever the process time zone', () => {
    expect(localDateOf(new Date('2026-05-04T16:59:59.999Z'))).toBe('2026-05-04');
    expect(localDateOf('2026-05-04T17:00:00.000Z')).toBe('2026-05-05');
    expect(localDateOf(Date.UTC(2026, 0, 1, 12), 0)).toBe('2026-01-01');
    expect(() => localDateOf('yesterday')).toThrow(RangeError);
  });
});
