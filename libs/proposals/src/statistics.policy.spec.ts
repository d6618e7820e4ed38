import type { ProposalStatisticsRow } from './ports/proposal-statistics.reader.js';
import {
  awardedOn,
  computeStatistics,
  nomineeCategoryOf,
  periodProblems,
  startOfVietnamDay,
  statisticsWindow,
  timelinessOf,
} from './statistics.policy.js';

// Given rows as the reader hands them back, when a period is counted, then each proposal lands in exactly the
// cells docs/statistics.md says. Instants are UTC; the days they fall on are Vietnamese days (UTC+7).
const UNIT_A = 'unit-a';
const UNIT_B = 'unit-b';
const MAY = { from: '2026-05-01', to: '2026-05-31' };

const row = (overrides: Partial<ProposalStatisticsRow> = {}): ProposalStatisticsRow => ({
  unitId: UNIT_A,
  kind: 'extraordinary',
  awardForm: 'chairman_certificate',
  state: 'drafting',
  late: false,
  nomineeType: 'individual',
  nomineeGender: null,
  deadlineRule: 'DX-4',
  submittedAt: null,
  forwardedAt: null,
  decisionDate: null,
  finalAt: null,
  ...overrides,
});

/** A provincial award: submitted and forwarded on 5 May, approved by a decision dated `decisionDate`. */
const approved = (decisionDate: string, overrides: Partial<ProposalStatisticsRow> = {}) =>
  row({
    state: 'awarded',
    submittedAt: '2026-05-05T02:00:00.000Z',
    forwardedAt: '2026-05-05T03:00:00.000Z',
    decisionDate,
    finalAt: '2026-05-20T03:00:00.000Z',
    ...overrides,
  });

const countsOf = (result: ReturnType<typeof computeStatistics>, by: string, key: string) =>
  result.breakdowns.find((b) => b.by === by)!.rows.find((r) => r.key === key)!.counts;

describe('statistics of a period', () => {
  describe('the period itself', () => {
    it.each([
      ['a month', '2026-05-01', '2026-05-31', []],
      ['one day', '2026-05-01', '2026-05-01', []],
      ['ten years to the day', '2021-01-01', '2030-12-31', []],
      ['to before from', '2026-05-31', '2026-05-01', ['to']],
      ['longer than ten years', '2016-01-01', '2026-12-31', ['to']],
      ['30 February', '2026-02-30', '2026-03-31', ['from']],
      ['a word and a number', 'yesterday', 20260531, ['from', 'to']],
      ['missing both', undefined, undefined, ['from', 'to']],
      ['the year 1800', '1800-01-01', '1800-12-31', ['from', 'to']],
    ])('%s', (_name, from, to, fields) => {
      expect(periodProblems(from, to).map((p) => p.field)).toEqual(fields);
    });

    it('starts and ends at midnight in Vietnam: 17:00Z of the day before', () => {
      expect(startOfVietnamDay('2026-05-01')).toBe('2026-04-30T17:00:00.000Z');
      expect(statisticsWindow(MAY, null, '2026-06-02T03:00:00.000Z')).toEqual({
        createdUpTo: '2026-06-02T03:00:00.000Z',
        changedSince: '2026-04-30T17:00:00.000Z',
        unitId: null,
      });
    });
  });

  describe('when a proposal counts as awarded in the period', () => {
    it('by the date on its decision, not the day the decision was recorded', () => {
      // Given a decision signed on 30 April and recorded on 2 May
      const signedInApril = approved('2026-04-30', { finalAt: '2026-05-02T02:00:00.000Z' });
      // When May is counted, then it is not among May's awards (it is April's), though it was submitted in May
      const may = computeStatistics([signedInApril], MAY);
      expect(may.total).toEqual({ awarded: 0, submitted: 1, outcome: { awarded: 1, rejected: 0, inProgress: 0, withdrawn: 0 } });
      expect(computeStatistics([signedInApril], { from: '2026-04-01', to: '2026-04-30' }).total.awarded).toBe(1);
    });

    it('a unit award without a decision date counts on the Vietnamese day it was recorded', () => {
      // Given a unit award recorded at 18:30Z on 31 May, which is 01:30 on 1 June in Vietnam
      const unitAward = row({ state: 'awardedByUnit', awardForm: 'unit_certificate', submittedAt: '2026-05-31T10:00:00.000Z', finalAt: '2026-05-31T18:30:00.000Z' });
      expect(awardedOn(unitAward)).toBe('2026-06-01');
      expect(computeStatistics([unitAward], MAY).total.awarded).toBe(0);
      expect(computeStatistics([unitAward], { from: '2026-06-01', to: '2026-06-30' }).total.awarded).toBe(1);
    });

    it('never for a rejected, withdrawn or open proposal', () => {
      const rows = [
        row({ state: 'rejected', submittedAt: '2026-05-03T01:00:00.000Z', finalAt: '2026-05-04T01:00:00.000Z' }),
        row({ state: 'withdrawn', submittedAt: '2026-05-03T01:00:00.000Z', finalAt: '2026-05-04T01:00:00.000Z' }),
        row({ state: 'chairmanDecision', submittedAt: '2026-05-03T01:00:00.000Z', forwardedAt: '2026-05-03T02:00:00.000Z' }),
      ];
      expect(computeStatistics(rows, MAY).total).toEqual({
        awarded: 0,
        submitted: 3,
        outcome: { awarded: 0, rejected: 1, inProgress: 1, withdrawn: 1 },
      });
    });
  });

  describe('when a proposal counts as submitted in the period', () => {
    it('on the Vietnamese day of its submission; a draft never submitted does not count', () => {
      // 16:59Z on 30 April is 23:59 on 30 April in Vietnam; 17:00Z is already 1 May.
      const rows = [
        row({ state: 'unitDecision', submittedAt: '2026-04-30T16:59:59.999Z' }),
        row({ state: 'unitDecision', submittedAt: '2026-04-30T17:00:00.000Z' }),
        row({ state: 'drafting' }),
      ];
      expect(computeStatistics(rows, MAY).total.submitted).toBe(1);
    });
  });

  describe('the breakdowns', () => {
    // Given one month's proposals in two units
    const rows = [
      approved('2026-05-20', { nomineeGender: 'male' }),
      approved('2026-05-21', { nomineeGender: 'female', late: true, kind: 'thematic', deadlineRule: 'TH-5' }),
      approved('2026-05-22', { nomineeType: 'collective', unitId: UNIT_B }),
      row({ state: 'awardedByUnit', awardForm: 'unit_certificate', nomineeGender: 'female', submittedAt: '2026-05-06T01:00:00.000Z', finalAt: '2026-05-07T01:00:00.000Z' }),
      row({ state: 'rejected', unitId: UNIT_B, nomineeGender: 'other', submittedAt: '2026-05-06T01:00:00.000Z', finalAt: '2026-05-08T01:00:00.000Z' }),
      row({ state: 'unitDecision', submittedAt: '2026-05-09T01:00:00.000Z' }),
      // Outside May altogether: awarded and submitted in March.
      approved('2026-03-20', { submittedAt: '2026-03-01T01:00:00.000Z', unitId: 'unit-c' }),
    ];
    const names: Record<string, string> = { [UNIT_A]: 'Sở Y tế', [UNIT_B]: 'Sở Giáo dục và Đào tạo', 'unit-c': 'UBND xã Hòa Bình' };
    const result = computeStatistics(rows, MAY, undefined, (id) => names[id] ?? null);

    it('totals what counts in the period only', () => {
      expect(result.total).toEqual({ awarded: 4, submitted: 6, outcome: { awarded: 4, rejected: 1, inProgress: 1, withdrawn: 0 } });
    });

    it('by unit: only units with something to count, in Vietnamese alphabetical order, named', () => {
      const units = result.breakdowns.find((b) => b.by === 'unit')!.rows;
      expect(units.map((u) => [u.label, u.counts.awarded, u.counts.submitted])).toEqual([
        ['Sở Giáo dục và Đào tạo', 1, 2],
        ['Sở Y tế', 3, 4],
      ]);
    });

    it('by award form and kind: every key, zeros included', () => {
      expect(countsOf(result, 'awardForm', 'chairman_certificate').awarded).toBe(3);
      expect(countsOf(result, 'awardForm', 'unit_certificate').awarded).toBe(1);
      expect(result.breakdowns.find((b) => b.by === 'kind')!.rows.map((r) => [r.key, r.counts.awarded])).toEqual([
        ['thematic', 1],
        ['extraordinary', 3],
      ]);
    });

    it('by nominee: male, female, not stated, collective', () => {
      expect(result.breakdowns.find((b) => b.by === 'nominee')!.rows.map((r) => [r.key, r.counts.awarded, r.counts.submitted])).toEqual([
        ['male', 1, 1],
        ['female', 2, 2],
        ['unknown', 0, 2],
        ['collective', 1, 1],
      ]);
    });

    it('by timeliness: late, on time, or not yet at the step that meets the deadline', () => {
      expect(result.breakdowns.find((b) => b.by === 'timeliness')!.rows.map((r) => [r.key, r.counts.submitted])).toEqual([
        ['onTime', 3],
        ['late', 1],
        ['pending', 2],
      ]);
    });

    it('each breakdown adds up to the total', () => {
      for (const breakdown of result.breakdowns) {
        const sum = (pick: (c: typeof result.total) => number) => breakdown.rows.reduce((n, r) => n + pick(r.counts), 0);
        expect([breakdown.by, sum((c) => c.awarded), sum((c) => c.submitted)]).toEqual([breakdown.by, result.total.awarded, result.total.submitted]);
      }
    });

    it('only the breakdowns asked for, in the report order', () => {
      expect(computeStatistics(rows, MAY, ['timeliness', 'kind']).breakdowns.map((b) => b.by)).toEqual(['kind', 'timeliness']);
    });
  });

  describe('one proposal, one cell per breakdown', () => {
    it.each([
      ['a collective, whatever gender was sent', { nomineeType: 'collective' as const, nomineeGender: 'male' }, 'collective'],
      ['an individual man', { nomineeGender: 'male' }, 'male'],
      ['an individual woman', { nomineeGender: 'female' }, 'female'],
      ['an individual, gender not stated', { nomineeGender: null }, 'unknown'],
    ])('%s', (_name, overrides, expected) => {
      expect(nomineeCategoryOf(row(overrides))).toBe(expected);
    });

    it.each([
      ['late is late, whatever stage', row({ late: true, state: 'unitDecision' }), 'late'],
      ['a unit certificate meets DX-4 at SUBMIT', row({ awardForm: 'unit_certificate', state: 'unitDecision', submittedAt: '2026-05-01T01:00:00.000Z' }), 'onTime'],
      ['a provincial award waiting at the unit has not met DX-4 yet', row({ state: 'unitDecision', submittedAt: '2026-05-01T01:00:00.000Z' }), 'pending'],
      ['a provincial award forwarded in time', row({ state: 'councilScreening', submittedAt: '2026-05-01T01:00:00.000Z', forwardedAt: '2026-05-02T01:00:00.000Z' }), 'onTime'],
      ['no deadline (a campaign without a ceremony date)', row({ deadlineRule: null, state: 'awarded', forwardedAt: '2026-05-02T01:00:00.000Z' }), 'pending'],
    ])('%s', (_name, given, expected) => {
      expect(timelinessOf(given)).toBe(expected);
    });
  });
});
