import { describe, expect, it } from 'vitest';
import { deadlineMetBy } from '#workflows/proposal';
import { indexYears } from '../../calendar/working-days.js';
import { lateOutlook, meetingStep, type LateInput } from './late-outlook.js';

const DX4 = { rule: 'DX-4' as const, dueDate: '2026-11-30', dueAt: '2026-11-30T17:00:00.000Z', provisional: false };

function input(overrides: Partial<LateInput> = {}): LateInput {
  return { state: 'drafting', awardForm: 'unit_certificate', deadline: DX4, deadlineMetAt: null, late: false, lateRule: null, ...overrides };
}

// No days off in 2026 but the weekends: 30/11/2026 is a Monday.
const NO_HOLIDAYS = indexYears([{ year: 2026, provisional: false, source: 'test', daysOff: [], workingSaturdays: [] } as never]);

describe('lateOutlook', () => {
  it('names the same meeting step as the workflow’s stage policy, for every award form and rule', () => {
    for (const awardForm of ['unit_certificate', 'chairman_certificate'] as const) {
      for (const rule of ['DX-4', 'TH-5'] as const) expect(meetingStep(awardForm, rule)).toBe(deadlineMetBy(awardForm, rule));
    }
  });

  it('Given the last day is today, When asked, Then it is not late yet', () => {
    expect(lateOutlook(input(), '2026-11-30', NO_HOLIDAYS)).toBeNull();
  });

  it('Given a unit’s Giấy khen drafted past its last day, Then SUBMIT will be recorded late, counted in working days', () => {
    // Tue 1, Wed 2, Thu 3 December: three working days past Monday 30 November.
    expect(lateOutlook(input(), '2026-12-03', NO_HOLIDAYS)).toEqual({ status: 'pending', rule: 'DX-4', dueDate: '2026-11-30', meetBy: 'SUBMIT', days: 3 });
  });

  it('Given a weekend past the last day, Then the weekend days are not counted', () => {
    // Friday 27 November due; Monday 30 November is the first working day past it.
    expect(lateOutlook(input({ deadline: { ...DX4, dueDate: '2026-11-27' } }), '2026-11-30', NO_HOLIDAYS)?.days).toBe(1);
  });

  it('Given the calendar is not loaded yet, Then the outlook stands without a count', () => {
    expect(lateOutlook(input(), '2026-12-03')).toMatchObject({ status: 'pending', days: null });
  });

  it('Given a Bằng khen with the unit head, past its last day, Then FORWARD will be recorded late', () => {
    expect(lateOutlook(input({ state: 'unitDecision', awardForm: 'chairman_certificate' }), '2026-12-03', NO_HOLIDAYS)).toMatchObject({ meetBy: 'FORWARD' });
  });

  it('Given the deadline was met (deadlineMetAt), or the proposal closed, Then nothing is pending', () => {
    expect(lateOutlook(input({ state: 'unitDecision', deadlineMetAt: '2026-11-29T03:00:00.000Z' }), '2026-12-03')).toBeNull();
    expect(lateOutlook(input({ state: 'rejected' }), '2026-12-03')).toBeNull();
    expect(lateOutlook(input({ deadline: null }), '2026-12-03')).toBeNull();
  });

  it('Given the machine marked it late, Then it says so whatever the day', () => {
    expect(lateOutlook(input({ state: 'councilScreening', late: true, lateRule: 'DX-4', deadlineMetAt: '2026-12-01T03:00:00.000Z' }), '2026-11-01')).toEqual({
      status: 'marked',
      rule: 'DX-4',
      dueDate: '2026-11-30',
      meetBy: 'SUBMIT',
      days: null,
    });
  });
});
