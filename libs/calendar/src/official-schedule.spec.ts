import { DomainError } from '#kernel';
import { checkOfficialSchedule, parseOfficialSchedule, type OfficialSchedule } from './official-schedule.js';
import { BUNDLED_SCHEDULES } from './official-schedules.js';

const valid = (): OfficialSchedule => ({
  year: 2027,
  source: 'Decision 1/QĐ-TTg (example)',
  entries: [
    { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
    { date: '2027-04-24', kind: 'working_saturday', name: 'Làm bù cho ngày 03/5' },
    { date: '2027-05-03', kind: 'swapped', name: 'Nghỉ hoán đổi', swappedWith: '2027-04-24', source: 'Notice 2/TB (example)' },
  ],
});

const problemsOf = (input: unknown) => {
  const result = checkOfficialSchedule(input);
  return result.ok ? [] : result.problems;
};

describe('official schedule data files', () => {
  it('ships 2025 and 2026, valid, each entry with its source', () => {
    expect(BUNDLED_SCHEDULES.map((s) => s.year)).toEqual([2025, 2026]);
    for (const s of BUNDLED_SCHEDULES) for (const e of s.entries) expect(e.source.length).toBeGreaterThan(10);
  });
});

describe('parseOfficialSchedule', () => {
  it('Given a valid schedule, When parsed, Then entries are sorted and each carries a source (its own or the schedule\'s)', () => {
    const s = parseOfficialSchedule({ ...valid(), entries: [...valid().entries].reverse() });
    expect(s.entries.map((e) => e.date)).toEqual(['2027-01-01', '2027-04-24', '2027-05-03']);
    expect(s.entries.map((e) => e.source)).toEqual(['Decision 1/QĐ-TTg (example)', 'Decision 1/QĐ-TTg (example)', 'Notice 2/TB (example)']);
  });

  it('Given a schedule with many mistakes, When parsed, Then every one is reported at once, with where it is', () => {
    const input = {
      year: 2027,
      source: '',
      colour: 'red',
      entries: [
        { date: '2027-02-30', kind: 'holiday', name: 'Bad day' },
        { date: '2026-12-31', kind: 'holiday', name: 'Last year' },
        { date: '2027-01-04', kind: 'working_saturday', name: 'A Monday' },
        { date: '2027-01-01', kind: 'holiday', name: 'New Year' },
        { date: '2027-01-01', kind: 'compensatory', name: 'Again' },
        { date: '2027-01-09', kind: 'compensatory', name: 'On a Saturday' },
        { date: '2027-01-05', kind: 'feast', name: 'Unknown kind' },
        { date: '2027-01-06', kind: 'holiday', name: '' },
        { date: '2027-01-07', kind: 'swapped', name: 'Swap', swappedWith: '2027-01-16' },
        { date: '2027-01-08', kind: 'holiday', name: 'Typo', nmae: 'x' },
        'not an entry',
      ],
    };
    expect(problemsOf(input).map((p) => p.path)).toEqual([
      'colour',
      'source',
      'entries[0].date',
      'entries[1].date',
      'entries[2].date',
      'entries[4].date',
      'entries[5].date',
      'entries[6].kind',
      'entries[7].name',
      'entries[9].nmae',
      'entries[10]',
      'entries[8].swappedWith',
    ]);
    expect(problemsOf(input).map((p) => p.message)).toEqual(
      expect.arrayContaining([
        '"2027-02-30" is not a date YYYY-MM-DD',
        '2026-12-31 is outside the year 2027',
        '2027-01-04 is not a Saturday, so it cannot be a working Saturday',
        '2027-01-01 is listed twice (also entries[3])',
        '2027-01-09 is a weekend day: a compensatory day off must be a weekday',
        '2027-01-16 is not listed as a working_saturday in this schedule',
      ]),
    );
  });

  it.each([
    ['not an object', 'hello', ''],
    ['an array', [], ''],
    ['no entries', { year: 2027, source: 'x' }, 'entries'],
    ['empty entries', { year: 2027, source: 'x', entries: [] }, 'entries'],
    ['a year out of range', { ...valid(), year: 1850 }, 'year'],
    ['a fractional year', { ...valid(), year: 2027.5 }, 'year'],
  ])('rejects %s', (_, input, path) => {
    expect(problemsOf(input).map((p) => p.path)).toContain(path);
  });

  it('rejects a swap that names a non-Saturday, or one Saturday for two days', () => {
    const twice = { ...valid(), entries: [...valid().entries, { date: '2027-05-04', kind: 'swapped', name: 'Again', swappedWith: '2027-04-24' }] };
    expect(problemsOf(twice).map((p) => p.message)).toEqual(['2027-04-24 is already the swap for 2027-05-03']);
    const monday = { ...valid(), entries: [{ date: '2027-05-03', kind: 'swapped', name: 'x', swappedWith: '2027-05-10' }] };
    expect(problemsOf(monday).map((p) => p.message)).toEqual(['2027-05-10 is not a Saturday']);
  });

  it('accepts a swap with a Saturday of another year (a swap across New Year)', () => {
    const across = { year: 2027, source: 'x', entries: [{ date: '2027-12-31', kind: 'swapped', name: 'x', swappedWith: '2028-01-08' }] };
    expect(problemsOf(across)).toEqual([]);
  });

  it('throws a VALIDATION_FAILED DomainError whose details list the problems (what PUT /api/calendar/:year answers)', () => {
    let error: unknown;
    try {
      parseOfficialSchedule({ year: 2027, source: 'x', entries: [{ date: '2027-01-02', kind: 'working_saturday' }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { problems: [{ path: 'entries[0].name', message: 'name is required' }] } });
    expect((error as Error).message).toMatch(/^official schedule rejected \(1 problem\): entries\[0\]\.name: name is required$/);
  });
});
