import { addDays, isIsoDate, localDateOf, toDayNumber } from '#calendar';
import {
  NOMINEE_CATEGORIES,
  STATISTICS_DIMENSIONS,
  STATISTICS_MAX_DAYS,
  STATISTICS_OUTCOMES,
  TIMELINESS,
  type NomineeCategory,
  type StatisticsBreakdownBody,
  type StatisticsCounts,
  type StatisticsDimension,
  type StatisticsOutcome,
  type StatisticsRowBody,
  type Timeliness,
} from '#contracts';
import { AWARD_FORMS, PROPOSAL_KINDS, type ProposalState } from '#workflows/proposal';
import { deadlineMetAt } from './proposal-deadline.policy.js';
import type { ProposalStatisticsRow, StatisticsWindow } from './ports/proposal-statistics.reader.js';

/**
 * The period report of the emulation-commendation office (docs/statistics.md), as pure counting over rows.
 *
 * A period is two days in Vietnam, both included. Two questions are answered for it:
 * - how many awards were made in it: proposals awarded (by the chairman, APPROVE, or by the unit within its own
 *   authority, AWARD_AT_UNIT) whose decision is dated inside the period; a unit award recorded without a
 *   decision date counts on the day it was recorded;
 * - how many proposals the units submitted in it, and where each of those stands today.
 */
export interface StatisticsPeriod {
  from: string;
  to: string;
}

const AWARDED_STATES: readonly ProposalState[] = ['awarded', 'awardedByUnit'];
const VIETNAM_HOURS = 7;

/** The instant a Vietnamese day starts, in UTC: 00:00 at UTC+7 is 17:00Z of the day before. */
export const startOfVietnamDay = (day: string): string => `${addDays(day, -1)}T17:00:00.000Z`;

/**
 * The proposals that may count for a period: changed since it began (a proposal untouched since before the
 * period can have been neither submitted nor decided in it), and created by `now`, the moment of the report.
 */
export function statisticsWindow(period: StatisticsPeriod, unitId: string | null, now: string): StatisticsWindow {
  return { createdUpTo: now, changedSince: startOfVietnamDay(period.from), unitId };
}

/** What is wrong with a period, field by field (empty when nothing is). */
export function periodProblems(from: unknown, to: unknown): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!isIsoDate(from)) problems.push({ field: 'from', message: 'from must be a date written YYYY-MM-DD' });
  if (!isIsoDate(to)) problems.push({ field: 'to', message: 'to must be a date written YYYY-MM-DD' });
  for (const [field, day] of [['from', from], ['to', to]] as const) {
    const year = isIsoDate(day) ? Number(day.slice(0, 4)) : 0;
    if (year && (year < 1900 || year > 2199)) problems.push({ field, message: `${field} must be a day from 1900 to 2199` });
  }
  if (problems.length > 0) return problems;
  const days = toDayNumber(to as string) - toDayNumber(from as string);
  if (days < 0) problems.push({ field: 'to', message: 'to must not be before from' });
  else if (days + 1 > STATISTICS_MAX_DAYS) problems.push({ field: 'to', message: `a period covers at most ${STATISTICS_MAX_DAYS} days (ten years)` });
  return problems;
}

const vietnamDay = (instant: string | null): string | null => (instant ? localDateOf(instant, VIETNAM_HOURS) : null);
const inPeriod = (day: string | null, period: StatisticsPeriod): boolean => day !== null && day >= period.from && day <= period.to;

/** The day a proposal was awarded: its decision's date, or the day the award was recorded. */
export function awardedOn(row: ProposalStatisticsRow): string | null {
  if (!AWARDED_STATES.includes(row.state)) return null;
  return row.decisionDate ?? vietnamDay(row.finalAt);
}

export function outcomeOf(state: ProposalState): StatisticsOutcome {
  if (AWARDED_STATES.includes(state)) return 'awarded';
  if (state === 'rejected') return 'rejected';
  if (state === 'withdrawn') return 'withdrawn';
  return 'inProgress';
}

export function nomineeCategoryOf(row: Pick<ProposalStatisticsRow, 'nomineeType' | 'nomineeGender'>): NomineeCategory {
  if (row.nomineeType === 'collective') return 'collective';
  return row.nomineeGender === 'male' || row.nomineeGender === 'female' ? row.nomineeGender : 'unknown';
}

export function timelinessOf(row: ProposalStatisticsRow): Timeliness {
  if (row.late) return 'late';
  const met = deadlineMetAt({
    state: row.state,
    awardForm: row.awardForm,
    deadline: row.deadlineRule ? { rule: row.deadlineRule } : null,
    submittedAt: row.submittedAt,
    forwardedAt: row.forwardedAt,
  });
  return met ? 'onTime' : 'pending';
}

const KEYS: Record<Exclude<StatisticsDimension, 'unit'>, readonly string[]> = {
  awardForm: AWARD_FORMS,
  kind: PROPOSAL_KINDS,
  nominee: NOMINEE_CATEGORIES,
  timeliness: TIMELINESS,
};

const keyOf = (row: ProposalStatisticsRow, by: StatisticsDimension): string => {
  switch (by) {
    case 'unit':
      return row.unitId;
    case 'awardForm':
      return row.awardForm;
    case 'kind':
      return row.kind;
    case 'nominee':
      return nomineeCategoryOf(row);
    case 'timeliness':
      return timelinessOf(row);
  }
};

export const emptyCounts = (): StatisticsCounts => ({
  awarded: 0,
  submitted: 0,
  outcome: Object.fromEntries(STATISTICS_OUTCOMES.map((outcome) => [outcome, 0])) as Record<StatisticsOutcome, number>,
});

function add(counts: StatisticsCounts, row: ProposalStatisticsRow, period: StatisticsPeriod): boolean {
  const awarded = inPeriod(awardedOn(row), period);
  const submitted = inPeriod(vietnamDay(row.submittedAt), period);
  if (awarded) counts.awarded += 1;
  if (submitted) {
    counts.submitted += 1;
    counts.outcome[outcomeOf(row.state)] += 1;
  }
  return awarded || submitted;
}

export interface StatisticsResult {
  total: StatisticsCounts;
  breakdowns: StatisticsBreakdownBody[];
}

/**
 * Counts the rows for the period, in total and by each dimension asked for. `unitName` names a unit row and
 * orders the units (Vietnamese alphabetical order); the other breakdowns list every key, zeros included.
 */
export function computeStatistics(
  rows: readonly ProposalStatisticsRow[],
  period: StatisticsPeriod,
  dimensions: readonly StatisticsDimension[] = STATISTICS_DIMENSIONS,
  unitName: (unitId: string) => string | null = () => null,
): StatisticsResult {
  const total = emptyCounts();
  const tables = new Map<StatisticsDimension, Map<string, StatisticsCounts>>();
  for (const by of dimensions) {
    tables.set(by, new Map(by === 'unit' ? [] : KEYS[by].map((key) => [key, emptyCounts()])));
  }
  for (const row of rows) {
    if (!add(total, row, period)) continue;
    for (const [by, table] of tables) {
      const key = keyOf(row, by);
      let counts = table.get(key);
      if (!counts) table.set(key, (counts = emptyCounts()));
      add(counts, row, period);
    }
  }
  const ordered = STATISTICS_DIMENSIONS.filter((by) => tables.has(by));
  return {
    total,
    breakdowns: ordered.map((by) => {
      const rowsOf: StatisticsRowBody[] = [...tables.get(by)!].map(([key, counts]) => ({
        key,
        label: by === 'unit' ? unitName(key) : null,
        counts,
      }));
      if (by === 'unit') rowsOf.sort((a, b) => (a.label ?? a.key).localeCompare(b.label ?? b.key, 'vi') || a.key.localeCompare(b.key));
      return { by, rows: rowsOf };
    }),
  };
}
