import { DomainError, FixedClock } from '#kernel';
import { createWorkingCalendar } from './create-working-calendar.js';
import { endOfLocalDay, toDayNumber } from './iso-date.js';
import { isLate } from './deadline.js';
import { deadlineFor } from './deadline-for.js';
import { dx4Deadline } from './dx4-deadline.js';
import { th5Deadline } from './th5-deadline.js';
import { today } from './today.js';

const calendar = createWorkingCalendar();

describe('DX-4: ten days from the achievement or its recognition (Civil Code Art. 147–148)', () => {
  it.each([
    // [case, achievementDate, recognizedAt, dueDate, provisional]
    ['docs/rules.md example: day 10 is Sat 2 May, after 30/4–1/5', '2026-04-22', undefined, '2026-05-04', false],
    ['day 10 on a working day', '2026-03-02', undefined, '2026-03-12', false],
    ['day 10 is the working Saturday 10 Jan 2026', '2025-12-31', undefined, '2026-01-10', false],
    ['day 10 is the working Saturday 26 Apr 2025', '2025-04-16', undefined, '2025-04-26', false],
    ['day 10 on the first day of Tết 2026: past Tết and the weekend', '2026-02-06', undefined, '2026-02-23', false],
    ['day 10 on the first day of Tết 2025 (27 Jan)', '2025-01-17', undefined, '2025-02-03', false],
    ['day 10 on 30 Apr 2025: 30/4, 1/5, swapped 2/5, weekend', '2025-04-20', undefined, '2025-05-05', false],
    ['day 10 on Hùng Kings 2026 (a Sunday) and its compensatory Monday', '2026-04-16', undefined, '2026-04-28', false],
    ['day 10 on the swapped Monday before National Day 2026', '2026-08-21', undefined, '2026-09-03', false],
    ['day 10 on National Day 2025 (1–2 Sep)', '2025-08-22', undefined, '2025-09-03', false],
    ['day 10 on a Sunday', '2026-06-11', undefined, '2026-06-22', false],
    ['recognition starts the clock instead of the achievement', '2026-04-01', '2026-04-17', '2026-04-28', false],
    ['a provisional year: 2027', '2027-03-01', undefined, '2027-03-11', true],
    ['into a provisional year from an official one', '2026-12-25', undefined, '2027-01-04', true],
    ['a provisional Tết: 2030 (1–7 Feb off)', '2030-01-25', undefined, '2030-02-08', true],
  ])('%s: %s → %s', (_, achievementDate, recognizedAt, dueDate, provisional) => {
    const d = dx4Deadline({ achievementDate: achievementDate!, recognizedAt }, calendar);
    expect(d).toMatchObject({ rule: 'DX-4', dueDate, dueAt: `${dueDate}T17:00:00.000Z`, provisional });
  });

  it('explains itself: start, the ten days, the days passed over with their names', () => {
    const { computation } = dx4Deadline({ achievementDate: '2025-04-20' }, calendar);
    expect(computation.start).toEqual({ date: '2025-04-20', basis: 'achievement' });
    expect(computation.countedDays).toHaveLength(10);
    expect(computation.countedDays[0]).toBe('2025-04-21');
    expect(computation.countedDays[9]).toBe('2025-04-30');
    expect(computation.skippedDays.map((d) => [d.date, d.status, d.nameEn])).toEqual([
      ['2025-04-30', 'holiday', 'Reunification Day'],
      ['2025-05-01', 'holiday', 'International Labour Day'],
      ['2025-05-02', 'swapped', 'Day off swapped with Sat 26 Apr'],
      ['2025-05-03', 'weekend', 'weekly rest day'],
      ['2025-05-04', 'weekend', 'weekly rest day'],
    ]);
    expect(computation.years).toEqual([{ year: 2025, provisional: false }]);
    expect(computation.explanation.join('\n')).toMatchInlineSnapshot(`
"DX-4: the unit submits within 10 days of the achievement or of its recognition by a competent authority.
Start: Sun 2025-04-20, the achievement date; the start day is not counted (Civil Code 2015 Art. 147(3)).
Days 1–10 are calendar days: Mon 2025-04-21 to Wed 2025-04-30.
Day 10 is not a working day, so the period ends at 24:00 of the next working day (Civil Code 2015 Art. 148). Passed over: Wed 2025-04-30 (Ngày Chiến thắng — Reunification Day), Thu 2025-05-01 (Ngày Quốc tế Lao động — International Labour Day), Fri 2025-05-02 (Nghỉ hoán đổi (làm bù thứ Bảy 26/4) — Day off swapped with Sat 26 Apr), Sat 2025-05-03 (weekly rest day), Sun 2025-05-04 (weekly rest day).
Deadline: 24:00 Mon 2025-05-05, Asia/Ho_Chi_Minh (2025-05-05T17:00:00.000Z)."
`);
  });

  it('says when day 10 is a working Saturday, and when a year is provisional', () => {
    expect(dx4Deadline({ achievementDate: '2025-12-31' }, calendar).computation.explanation[3]).toBe(
      'Day 10, Sat 2026-01-10, is a working day (Làm bù cho ngày 02/01 — Working Saturday, in exchange for Fri 2 Jan): the period ends at 24:00 that day (Civil Code 2015 Art. 148).',
    );
    const provisional = dx4Deadline({ achievementDate: '2026-12-25' }, calendar).computation;
    expect(provisional.years).toEqual([{ year: 2027, provisional: true }]);
    expect(provisional.explanation.at(-1)).toMatch(/^Provisional: no official schedule is loaded for 2027;/);
  });

  it('uses the recognition date, and says so', () => {
    const d = dx4Deadline({ achievementDate: '2026-04-01', recognizedAt: '2026-04-17' }, calendar);
    expect(d.computation.start).toEqual({ date: '2026-04-17', basis: 'recognition' });
    expect(d.computation.explanation[1]).toMatch(/^Start: Fri 2026-04-17, the date of recognition;/);
    expect(dx4Deadline({ achievementDate: '2026-04-22', recognizedAt: null }, calendar).dueDate).toBe('2026-05-04');
  });

  it.each([
    [{ achievementDate: '2026-02-30' }, 'achievementDate'],
    [{ achievementDate: '22/04/2026' }, 'achievementDate'],
    [{ achievementDate: '2026-04-22', recognizedAt: 'soon' }, 'recognizedAt'],
    [{ achievementDate: '2026-04-22', recognizedAt: '2026-04-01' }, 'recognizedAt'],
    [{ achievementDate: '2250-01-01' }, 'achievementDate'],
  ])('rejects %j with VALIDATION_FAILED on %s', (input, field) => {
    expect(() => dx4Deadline(input, calendar)).toThrow(DomainError);
    try {
      dx4Deadline(input, calendar);
    } catch (e) {
      expect(e).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
    }
  });
});

describe('TH-5: fifteen working days before the award ceremony', () => {
  it.each([
    ['docs/rules.md example', '2026-06-22', '2026-06-01', false],
    ['the day before the ceremony is a working day and counts as day 1', '2026-06-24', '2026-06-03', false],
    ['over Tết 2026', '2026-03-09', '2026-02-09', false],
    ['over Hùng Kings and 30/4–1/5 2026', '2026-05-15', '2026-04-21', false],
    ['over New Year 2026, counting the working Saturday 10 Jan', '2026-01-20', '2025-12-29', false],
    ['over National Day 2026, counting the working Saturday 22 Aug', '2026-09-10', '2026-08-18', false],
    ['a provisional year: over Tết 2027', '2027-03-01', '2027-02-01', true],
    ['a provisional year: over Tết 2030', '2030-02-18', '2030-01-21', true],
    ['counting back from 2027 into 2026 is provisional', '2027-01-12', '2026-12-21', true],
  ])('%s: ceremony %s → %s', (_, ceremonyDate, dueDate, provisional) => {
    expect(th5Deadline(ceremonyDate, calendar)).toMatchObject({ rule: 'TH-5', dueDate, dueAt: `${dueDate}T17:00:00.000Z`, provisional });
  });

  it('explains itself: the fifteen working days and every day passed over, named', () => {
    const { computation } = th5Deadline('2026-01-20', calendar);
    expect(computation.start).toEqual({ date: '2026-01-20', basis: 'ceremony' });
    expect(computation.countedDays).toEqual([
      '2026-01-19', '2026-01-16', '2026-01-15', '2026-01-14', '2026-01-13', '2026-01-12', '2026-01-10', '2026-01-09',
      '2026-01-08', '2026-01-07', '2026-01-06', '2026-01-05', '2025-12-31', '2025-12-30', '2025-12-29',
    ]);
    expect(computation.skippedDays.map((d) => [d.date, d.status])).toEqual([
      ['2026-01-18', 'weekend'],
      ['2026-01-17', 'weekend'],
      ['2026-01-11', 'weekend'],
      ['2026-01-04', 'weekend'],
      ['2026-01-03', 'weekend'],
      ['2026-01-02', 'swapped'],
      ['2026-01-01', 'holiday'],
    ]);
    expect(computation.years).toEqual([
      { year: 2025, provisional: false },
      { year: 2026, provisional: false },
    ]);
    expect(computation.explanation[2]).toBe('Counted: 15 working days, day 1 Mon 2026-01-19 back to day 15 Mon 2025-12-29.');
  });

  it('rejects a bad ceremony date', () => {
    expect(() => th5Deadline('2026-6-22', calendar)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { field: 'ceremonyDate', value: '2026-6-22', errors: [{ field: 'ceremonyDate', message: expect.stringContaining('YYYY-MM-DD') }] },
      }),
    );
  });
});

describe('deadlineFor', () => {
  it('dispatches on the rule ID', () => {
    expect(deadlineFor('DX-4', { achievementDate: '2026-04-22' }, calendar).dueDate).toBe('2026-05-04');
    expect(deadlineFor('TH-5', { ceremonyDate: '2026-06-22' }, calendar).dueDate).toBe('2026-06-01');
    expect(() => deadlineFor('DX-9' as never, {} as never, calendar)).toThrow(/no deadline rule "DX-9"; known: DX-4, TH-5/);
  });

  it('Given a provisional 2027 deadline, When the official 2027 schedule is loaded, Then computing it again uses it', () => {
    const cal = createWorkingCalendar();
    expect(deadlineFor('DX-4', { achievementDate: '2027-02-01' }, cal)).toMatchObject({ dueDate: '2027-02-12', provisional: true });
    cal.load({
      year: 2027,
      source: 'Example decision',
      entries: ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({ date, kind: 'holiday', name: 'Tết Nguyên đán' })),
    });
    expect(deadlineFor('DX-4', { achievementDate: '2027-02-01' }, cal)).toMatchObject({ dueDate: '2027-02-11', provisional: false });
  });
});

describe('the deadline object', () => {
  it('serialises to JSON with its computation (what the HTTP layer and the console get)', () => {
    const json = JSON.parse(JSON.stringify(th5Deadline('2026-06-22', calendar)));
    expect(Object.keys(json)).toEqual(['rule', 'dueDate', 'dueAt', 'provisional', 'computation']);
    expect(json.computation.countedDays).toHaveLength(15);
  });

  it('keeps explaining the calendar it was computed on, even after a schedule is loaded', () => {
    const cal = createWorkingCalendar();
    const before = dx4Deadline({ achievementDate: '2027-02-01' }, cal);
    cal.load({ year: 2027, source: 'Example', entries: [{ date: '2027-03-01', kind: 'holiday', name: 'Example' }] });
    expect(before.computation.years).toEqual([{ year: 2027, provisional: true }]);
    expect(before.computation.skippedDays.map((d) => d.status)).toEqual(['compensatory']);
    expect(before.computation).toBe(before.computation); // written once
  });

  it('puts dueAt at 24:00 Asia/Ho_Chi_Minh of dueDate', () => {
    for (const date of ['2026-05-04', '2025-12-31', '2030-02-08', '2096-02-29']) {
      const d = dx4Deadline({ achievementDate: date }, calendar);
      expect(d.dueAt).toBe(endOfLocalDay(toDayNumber(d.dueDate), 7));
    }
    expect(endOfLocalDay(toDayNumber('2025-12-31'), 7)).toBe('2025-12-31T17:00:00.000Z');
  });
});

describe('late, and today', () => {
  const due = dx4Deadline({ achievementDate: '2026-04-22' }, calendar); // ends 24:00 4 May 2026 in Vietnam

  it.each([
    ['2026-05-04T16:59:59.999Z', false], // 23:59:59.999 in Vietnam
    ['2026-05-04T17:00:00.000Z', true], // 00:00 on 5 May
    ['2026-05-04T23:30:00+07:00', false],
  ])('a submission at %s is late: %s', (at, late) => {
    expect(isLate(due, at)).toBe(late);
  });

  it('takes today from the injected clock, in Vietnam', () => {
    expect(today(new FixedClock(new Date('2026-05-04T17:30:00Z')))).toBe('2026-05-05');
    expect(today(new FixedClock(new Date('2026-05-04T16:30:00Z')))).toBe('2026-05-04');
  });
});
