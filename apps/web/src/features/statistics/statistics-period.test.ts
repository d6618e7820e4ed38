import { describe, expect, it } from 'vitest';
import { isCalendarDay } from '../forms/calendar-day.js';
import { periodFromQuery, periodProblem, quarterOf, quickChoiceOf, quickPeriod } from './statistics-period.js';

// Given today, when an official picks a quick period, then these are its first and last days.
describe('the periods the statistics screen offers', () => {
  const today = '2026-05-26';

  it.each([
    ['thisYear', { from: '2026-01-01', to: '2026-12-31' }],
    ['lastYear', { from: '2025-01-01', to: '2025-12-31' }],
    ['thisQuarter', { from: '2026-04-01', to: '2026-06-30' }],
    ['lastQuarter', { from: '2026-01-01', to: '2026-03-31' }],
  ] as const)('%s', (choice, period) => {
    expect(quickPeriod(choice, today)).toEqual(period);
    expect(quickChoiceOf(period, today)).toBe(choice);
  });

  it('the quarter before the first is the last of the year before; February ends on the 29th in a leap year', () => {
    expect(quickPeriod('lastQuarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(quarterOf(2028, 1)).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
  });

  it.each([
    [{ from: '2026-05-01', to: '2026-05-31' }, null],
    [{ from: '2026-05-31', to: '2026-05-01' }, 'toBeforeFrom'],
    [{ from: '2026-02-30', to: '2026-05-01' }, 'badFrom'],
    [{ from: '2026-05-01', to: '' }, 'badTo'],
    [{ from: '2016-01-01', to: '2026-12-31' }, 'tooLong'],
    [{ from: '2017-01-01', to: '2026-12-31' }, null],
  ])('%j → %s', (period, problem) => {
    expect(periodProblem(period, 3653)).toBe(problem);
  });

  it('reads the period from the address, this year when there is none', () => {
    expect(periodFromQuery(new URLSearchParams(''), today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodFromQuery(new URLSearchParams('from=2026-04-01&to=2026-04-30'), today)).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(quickChoiceOf({ from: '2026-04-01', to: '2026-04-30' }, today)).toBeNull();
  });
});
