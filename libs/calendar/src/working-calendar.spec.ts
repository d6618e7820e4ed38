import { createWorkingCalendar } from './create-working-calendar.js';
import { addDays, daysFromCivil, fromDayNumber, toDayNumber, weekdayOf } from './iso-date.js';
import { nationalDayAdjacentDay, provisionalCalendarYear, type RecurringHoliday } from './provisional-year.js';
import { WorkingCalendar } from './working-calendar.js';

const calendar = createWorkingCalendar();

const daysBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = toDayNumber(from); d <= toDayNumber(to); d++) out.push(fromDayNumber(d));
  return out;
};

describe('official 2025 and 2026 schedules (docs/calendar.md)', () => {
  // Every day off and working Saturday, exactly as docs/calendar.md lists them.
  const DAYS_OFF: [string, string, string][] = [
    ['2025-01-01', 'holiday', "New Year's Day"],
    ['2025-01-27', 'holiday', 'Lunar New Year'],
    ['2025-01-28', 'holiday', 'Lunar New Year'],
    ['2025-01-29', 'holiday', 'Lunar New Year'],
    ['2025-01-30', 'holiday', 'Lunar New Year'],
    ['2025-01-31', 'holiday', 'Lunar New Year'],
    ['2025-04-07', 'holiday', "Hùng Kings' Commemoration Day"],
    ['2025-04-30', 'holiday', 'Reunification Day'],
    ['2025-05-01', 'holiday', 'International Labour Day'],
    ['2025-05-02', 'swapped', 'Day off swapped with Sat 26 Apr'],
    ['2025-09-01', 'holiday', 'National Day (adjacent day)'],
    ['2025-09-02', 'holiday', 'National Day'],
    ['2026-01-01', 'holiday', "New Year's Day"],
    ['2026-01-02', 'swapped', 'Day off swapped with Sat 10 Jan'],
    ['2026-02-16', 'holiday', 'Lunar New Year'],
    ['2026-02-17', 'holiday', 'Lunar New Year'],
    ['2026-02-18', 'holiday', 'Lunar New Year'],
    ['2026-02-19', 'holiday', 'Lunar New Year'],
    ['2026-02-20', 'holiday', 'Lunar New Year'],
    ['2026-04-26', 'holiday', "Hùng Kings' Commemoration Day"],
    ['2026-04-27', 'compensatory', "Compensatory day off for Hùng Kings' Commemoration Day"],
    ['2026-04-30', 'holiday', 'Reunification Day'],
    ['2026-05-01', 'holiday', 'International Labour Day'],
    ['2026-08-31', 'swapped', 'Day off swapped with Sat 22 Aug'],
    ['2026-09-01', 'holiday', 'National Day (adjacent day)'],
    ['2026-09-02', 'holiday', 'National Day'],
  ];
  const WORKING_SATURDAYS = ['2025-04-26', '2026-01-10', '2026-08-22'];

  it.each(DAYS_OFF)('%s is a day off (%s: %s), not a working day', (date, kind, nameEn) => {
    const info = calendar.dayInfo(date);
    expect(info).toMatchObject({ working: false, status: kind, nameEn, provisional: false });
    expect(info.source).toEqual(expect.any(String));
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it.each(WORKING_SATURDAYS)('Saturday %s is a working day', (date) => {
    expect(weekdayOf(toDayNumber(date))).toBe(6);
    expect(calendar.isWorkingDay(date)).toBe(true);
    expect(calendar.dayInfo(date).status).toBe('working_saturday');
  });

  it('lists exactly these days in yearOf, and nothing more', () => {
    for (const year of [2025, 2026]) {
      const y = calendar.yearOf(year);
      expect(y.provisional).toBe(false);
      expect(y.daysOff.map((d) => [d.date, d.kind, d.nameEn])).toEqual(DAYS_OFF.filter(([date]) => date.startsWith(`${year}`)));
      expect(y.workingSaturdays.map((d) => d.date)).toEqual(WORKING_SATURDAYS.filter((date) => date.startsWith(`${year}`)));
      for (const d of [...y.daysOff, ...y.workingSaturdays]) expect(d.source).toMatch(/\S/);
    }
  });

  // The breaks as docs/calendar.md states them: every day inside is off, the days either side are worked.
  it.each([
    ['2025-01-25', '2025-02-02'],
    ['2025-04-30', '2025-05-04'],
    ['2025-08-30', '2025-09-02'],
    ['2026-01-01', '2026-01-04'],
    ['2026-02-14', '2026-02-22'],
    ['2026-04-25', '2026-04-27'],
    ['2026-04-30', '2026-05-03'],
    ['2026-08-29', '2026-09-02'],
  ])('the break %s – %s is off, the days around it are worked', (from, to) => {
    for (const date of daysBetween(from, to)) expect([date, calendar.isWorkingDay(date)]).toEqual([date, false]);
    expect(calendar.isWorkingDay(addDays(from, -1))).toBe(true);
    expect(calendar.isWorkingDay(addDays(to, 1))).toBe(true);
  });
});

describe('provisional years (no official schedule loaded)', () => {
  it('Given no schedule for 2030, When yearOf(2030), Then Tết is 1–5 Feb plus 6 and 7 Feb for the weekend days, provisional', () => {
    const y = calendar.yearOf(2030);
    expect(y.provisional).toBe(true);
    const tet = y.daysOff.filter((d) => d.date >= '2030-01-25' && d.date <= '2030-02-15');
    expect(tet.map((d) => [d.date, d.kind])).toEqual([
      ['2030-02-01', 'holiday'],
      ['2030-02-02', 'holiday'],
      ['2030-02-03', 'holiday'],
      ['2030-02-04', 'holiday'],
      ['2030-02-05', 'holiday'],
      ['2030-02-06', 'compensatory'],
      ['2030-02-07', 'compensatory'],
    ]);
    expect(calendar.isWorkingDay('2030-01-31')).toBe(true);
    expect(calendar.isWorkingDay('2030-02-08')).toBe(true);
    for (const d of y.daysOff) expect(d.source).toMatch(/\(computed, provisional\)$/);
  });

  it('computes 2027 from the rules', () => {
    expect(calendar.yearOf(2027).daysOff.map((d) => [d.date, d.kind])).toEqual([
      ['2027-01-01', 'holiday'], // Fri
      ['2027-02-05', 'holiday'], // Tết: last day of the lunar year (Fri) …
      ['2027-02-06', 'holiday'], // … New Year's day, Sat 6 Feb (docs/calendar.md)
      ['2027-02-07', 'holiday'],
      ['2027-02-08', 'holiday'],
      ['2027-02-09', 'holiday'],
      ['2027-02-10', 'compensatory'], // for Sat 6 Feb
      ['2027-02-11', 'compensatory'], // for Sun 7 Feb
      ['2027-04-16', 'holiday'], // Hùng Kings, Fri 16 Apr (docs/calendar.md)
      ['2027-04-30', 'holiday'],
      ['2027-05-01', 'holiday'], // Sat …
      ['2027-05-03', 'compensatory'], // … so Mon 3 May
      ['2027-09-02', 'holiday'], // Thu …
      ['2027-09-03', 'holiday'], // … and the adjacent Friday
    ]);
    expect(calendar.yearOf(2027).workingSaturdays).toEqual([]);
  });

  it.each([
    [2021, '2021-09-03'], // Thu → Fri
    [2022, '2022-09-01'], // Fri → Thu
    [2023, '2023-09-01'], // Sat → Fri
    [2024, '2024-09-03'], // Mon → Tue
    [2025, '2025-09-01'], // Tue → Mon (official 2025)
    [2026, '2026-09-01'], // Wed → Tue (official 2026)
    [2029, '2029-09-03'], // Sun → Mon
  ])('National Day %i: the adjacent day is %s', (year, adjacent) => {
    expect(nationalDayAdjacentDay(year)).toBe(adjacent);
  });

  it('gives a Sunday 2 September its compensatory day after the adjacent Monday (2029: 2, 3 and 4 Sep off)', () => {
    expect(calendar.yearOf(2029).daysOff.filter((d) => d.date.startsWith('2029-09')).map((d) => [d.date, d.kind])).toEqual([
      ['2029-09-02', 'holiday'],
      ['2029-09-03', 'holiday'],
      ['2029-09-04', 'compensatory'],
    ]);
  });

  it.each([
    // 1 January on a Saturday: Monday 3rd.
    [2028, '2028-01-01', '2028-01-03'],
    // 30 April Sat and 1 May Sun: Monday for the first, Tuesday for the second.
    [2022, '2022-04-30', '2022-05-02'],
    [2022, '2022-05-01', '2022-05-03'],
    // 30 April on a Sunday: the next working day after it and after 1 May, Tuesday 2 May.
    [2028, '2028-04-30', '2028-05-02'],
  ])('%i: the holiday %s on a weekend gives the compensatory day %s', (year, holiday, compensatory) => {
    const y = calendar.yearOf(year);
    expect(y.daysOff.find((d) => d.date === holiday)?.kind).toBe('holiday');
    expect(y.daysOff.find((d) => d.date === compensatory)?.kind).toBe('compensatory');
  });

  it('gives a holiday that coincides with another one a compensatory day (1947: Hùng Kings on 30 April)', () => {
    const days = calendar.yearOf(1947).daysOff.filter((d) => d.date >= '1947-04-29' && d.date <= '1947-05-05');
    expect(days.map((d) => [d.date, d.kind])).toEqual([
      ['1947-04-30', 'holiday'],
      ['1947-05-01', 'holiday'],
      ['1947-05-02', 'compensatory'],
    ]);
  });

  it('reproduces the official 2026 days off from the rules, apart from the announced swaps', () => {
    const computed = provisionalCalendarYear(2026, { tzHours: 7, extraHolidays: [] }).daysOff.map((d) => [d.date, d.kind]);
    const official = calendar.yearOf(2026).daysOff.filter((d) => d.kind !== 'swapped').map((d) => [d.date, d.kind]);
    expect(computed).toEqual(official);
  });

  it('reproduces the official 2025 days off apart from Tết, which the Prime Minister set on 27–31 January', () => {
    const outsideTet = (d: { date: string }) => d.date < '2025-01-20' || d.date > '2025-02-10';
    const computed = provisionalCalendarYear(2025, { tzHours: 7, extraHolidays: [] }).daysOff;
    expect(computed.filter(outsideTet).map((d) => [d.date, d.kind])).toEqual(
      calendar.yearOf(2025).daysOff.filter((d) => d.kind !== 'swapped' && outsideTet(d)).map((d) => [d.date, d.kind]),
    );
    expect(computed.filter((d) => !outsideTet(d)).map((d) => d.date)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-03']);
  });

  it('adds a holiday given as data (24 November, Vietnamese Culture Day) to provisional years from the year given', () => {
    const cultureDay: RecurringHoliday = {
      month: 11,
      day: 24,
      name: 'Ngày Văn hóa Việt Nam',
      nameEn: 'Vietnamese Culture Day',
      source: 'Resolution 80-NQ/TW (January 2026), once in the Labour Code',
      fromYear: 2027,
    };
    const withCulture = createWorkingCalendar({ extraHolidays: [cultureDay] });
    expect(withCulture.dayInfo('2027-11-24')).toMatchObject({ working: false, status: 'holiday', nameEn: 'Vietnamese Culture Day', provisional: true });
    expect(withCulture.dayInfo('2027-11-24').source).toMatch(/^Resolution 80-NQ\/TW .*\(computed, provisional\)$/);
    expect(withCulture.dayInfo('2029-11-24').status).toBe('holiday'); // a Saturday …
    expect(withCulture.dayInfo('2029-11-26').status).toBe('compensatory'); // … so Monday
    expect(withCulture.isWorkingDay('2026-11-24')).toBe(true); // official 2026, and before fromYear
    expect(calendar.isWorkingDay('2027-11-24')).toBe(true); // not law in the default calendar
  });

  it('refuses a recurring holiday it cannot place', () => {
    expect(() => new WorkingCalendar({ extraHolidays: [{ month: 12, day: 31, name: 'x', source: 'y' }] })).toThrow(/after 20 December/);
    expect(() => new WorkingCalendar({ extraHolidays: [{ month: 2, day: 30, name: 'x', source: 'y' }] })).toThrow(/no day 30/);
  });
});

describe('WorkingCalendar', () => {
  it('computes each year once and hands out the same frozen object', () => {
    const cal = createWorkingCalendar();
    const first = cal.yearOf(2031);
    expect(cal.yearOf(2031)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.daysOff[0])).toBe(true);
  });

  it('Given no 2027 schedule, When one is loaded at runtime, Then 2027 stops being provisional, and unloading restores the computed year', () => {
    const cal = createWorkingCalendar();
    const before = cal.yearOf(2027);
    const revision = cal.revision;
    cal.load({
      year: 2027,
      source: 'Decision (example) of the Prime Minister',
      entries: [
        { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
        { date: '2027-02-04', kind: 'holiday', name: 'Tết Nguyên đán' },
      ],
    });
    expect(cal.revision).toBeGreaterThan(revision);
    expect(cal.yearOf(2027)).not.toBe(before);
    expect(cal.yearOf(2027)).toMatchObject({ provisional: false, workingSaturdays: [] });
    expect(cal.isWorkingDay('2027-02-04')).toBe(false);
    expect(cal.isWorkingDay('2027-02-10')).toBe(true);
    expect(cal.officialYears()).toEqual([2025, 2026, 2027]);
    expect(cal.unload(2027)).toBe(true);
    expect(cal.yearOf(2027)).toEqual(before);
  });

  it('withSchedule returns a new calendar and leaves the first one as it was', () => {
    const schedule = { year: 2027, source: 'x', entries: [{ date: '2027-03-01', kind: 'holiday', name: 'Example' }] };
    const next = calendar.withSchedule(schedule);
    expect(next.isWorkingDay('2027-03-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-03-01')).toBe(true);
  });

  it('rejects an invalid schedule and keeps the old one', () => {
    const cal = createWorkingCalendar();
    expect(() => cal.load({ year: 2026, source: 'x', entries: [{ date: '2026-01-05', kind: 'working_saturday', name: 'x' }] })).toThrow(/not a Saturday/);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
  });

  it.each([
    ['2026-04-29', 1, '2026-05-04'], // over 30/4, 1/5 and the weekend
    ['2026-01-09', 1, '2026-01-10'], // Sat 10 Jan is a working day
    ['2026-01-10', 1, '2026-01-12'],
    ['2025-12-31', 3, '2026-01-07'], // 1 Jan, 2 Jan swapped, weekend
    ['2026-02-13', 1, '2026-02-23'], // Tết
    ['2026-06-01', 0, '2026-06-01'],
  ])('addWorkingDays(%s, %i) is %s', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-05-04', 1, '2026-04-29'],
    ['2026-06-22', 15, '2026-06-01'],
    ['2026-01-12', 1, '2026-01-10'],
  ])('subtractWorkingDays(%s, %i) is %s', (date, n, expected) => {
    expect(calendar.subtractWorkingDays(date, n)).toBe(expected);
  });

  it('nextWorkingDay / previousWorkingDay skip days off', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(calendar.previousWorkingDay('2026-02-23')).toBe('2026-02-13');
  });

  it('counts weekdays as working days in ordinary weeks, weekends as rest days', () => {
    for (let d = daysFromCivil(2026, 6, 1); d < daysFromCivil(2026, 7, 1); d++) {
      const weekday = weekdayOf(d);
      expect(calendar.dayInfoAt(d).working).toBe(weekday !== 0 && weekday !== 6);
    }
  });

  it('refuses bad dates and years it does not cover', () => {
    expect(() => calendar.isWorkingDay('2026-13-01')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('26-01-01')).toThrow(RangeError);
    expect(() => calendar.yearOf(2300)).toThrow(/outside 1900–2199/);
    expect(() => calendar.addWorkingDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});
