import { describe, expect, it } from 'vitest';
import type { CalendarYear } from '#calendar';
import { dayKind, markDays, mondayIndex, monthGrid, yearEntries } from './calendar-grid.js';

const TET = 'Labour Code 2019 Art. 112(1); Ministry of Home Affairs announcement (press)';
const year2026: CalendarYear = {
  year: 2026,
  provisional: false,
  source: 'Government Office notice 12729/VPCP-KGVX',
  daysOff: [
    { date: '2026-02-16', kind: 'holiday', name: 'Tết Nguyên đán', nameEn: 'Lunar New Year', source: TET },
    { date: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên đán', nameEn: 'Lunar New Year', source: TET },
    { date: '2026-01-02', kind: 'swapped', name: 'Nghỉ hoán đổi', source: 'VPCP', swappedWith: '2026-01-10' },
  ],
  workingSaturdays: [{ date: '2026-01-10', name: 'Làm bù cho ngày 02/01', source: 'VPCP' }],
};

describe('monthGrid', () => {
  it('places 1 February 2026, a Sunday, in the last column of the first week', () => {
    const weeks = monthGrid(2026, 2);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks[1]![0]).toBe('2026-02-02');
    expect(weeks).toHaveLength(5);
    expect(weeks.at(-1)).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', null]);
  });

  it('starts a month that begins on a Monday in the first column, and knows leap years', () => {
    expect(monthGrid(2026, 6)[0]![0]).toBe('2026-06-01');
    expect(monthGrid(2028, 2).flat().filter(Boolean)).toHaveLength(29);
    expect(monthGrid(2026, 12).flat().filter(Boolean).at(-1)).toBe('2026-12-31');
  });

  it('gives every week seven cells', () => {
    for (let month = 1; month <= 12; month++) expect(monthGrid(2026, month).every((week) => week.length === 7)).toBe(true);
  });
});

describe('day marks', () => {
  const marks = markDays(year2026);

  it('marks the Tết days off from the calendar year, with their name and source', () => {
    expect(dayKind('2026-02-16', marks)).toBe('off');
    expect(dayKind('2026-02-17', marks)).toBe('off');
    const mark = marks.get('2026-02-16');
    expect(mark?.kind === 'off' && mark.entry.name).toBe('Tết Nguyên đán');
    expect(mark?.entry.source).toBe(TET);
  });

  it('tells weekends, working Saturdays and ordinary days apart', () => {
    expect(dayKind('2026-02-14', marks)).toBe('weekend');
    expect(dayKind('2026-02-15', marks)).toBe('weekend');
    expect(dayKind('2026-02-23', marks)).toBe('workday');
    expect(dayKind('2026-01-10', marks)).toBe('working_saturday');
    expect(mondayIndex('2026-01-10')).toBe(5);
  });

  it('lists every entry in date order', () => {
    expect(yearEntries(year2026).map((mark) => [mark.entry.date, mark.kind])).toEqual([
      ['2026-01-02', 'off'],
      ['2026-01-10', 'working_saturday'],
      ['2026-02-16', 'off'],
      ['2026-02-17', 'off'],
    ]);
  });
});
