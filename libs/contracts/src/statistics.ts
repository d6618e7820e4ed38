/**
 * GET /api/statistics (docs/statistics.md): the emulation-commendation office's report of a period ("báo cáo
 * thống kê kết quả khen thưởng"), counted two ways over the same proposals:
 *
 * - `awarded`: proposals awarded in the period, by the date of their decision (the chairman's APPROVE, or the
 *   unit's own AWARD_AT_UNIT; without a decision date, the day it was recorded, in Vietnam);
 * - `submitted`: proposals the unit submitted in the period, and where each of them stands now (`outcome`).
 *
 * Keys are codes; the console and the spreadsheet put them into words. A unit row carries the unit's name.
 */

/** The breakdowns, in the order the report shows them. */
export const STATISTICS_DIMENSIONS = ['unit', 'awardForm', 'kind', 'nominee', 'timeliness'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/** A collective counts as `collective`; an individual whose gender the proposal does not state as `unknown`. */
export const NOMINEE_CATEGORIES = ['male', 'female', 'unknown', 'collective'] as const;
export type NomineeCategory = (typeof NOMINEE_CATEGORIES)[number];

/**
 * `late`: met its deadline (DX-4 or TH-5) after it had passed; `onTime`: met it in time; `pending`: has not
 * reached the step that meets it yet, or runs against no deadline (a campaign without a ceremony date).
 */
export const TIMELINESS = ['onTime', 'late', 'pending'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/** Where a proposal stands now: awarded (by the chairman or the unit), rejected, withdrawn, or still in progress. */
export const STATISTICS_OUTCOMES = ['awarded', 'rejected', 'inProgress', 'withdrawn'] as const;
export type StatisticsOutcome = (typeof STATISTICS_OUTCOMES)[number];

export interface StatisticsCounts {
  /** Awarded in the period (decision dated inside it). */
  awarded: number;
  /** Submitted by the unit in the period. */
  submitted: number;
  /** Of those submitted in the period, where they stand now; the four add up to `submitted`. */
  outcome: Record<StatisticsOutcome, number>;
}

export interface StatisticsRowBody {
  /** A unit id, an award form, a kind, a nominee category or a timeliness, as the breakdown says. */
  key: string;
  /** The unit's name for a unit row; null elsewhere (the client words the key). */
  label: string | null;
  counts: StatisticsCounts;
}

export interface StatisticsBreakdownBody {
  by: StatisticsDimension;
  /**
   * Units: those with something to count, by name. The other breakdowns: every key in the order of its list
   * above, zeros included, so that two periods' tables line up.
   */
  rows: StatisticsRowBody[];
}

export interface StatisticsBody {
  /** Both days included, in Vietnam (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The one unit counted (a unit role's own, or the unitId asked for); null: every unit. */
  unitId: string | null;
  generatedAt: string;
  total: StatisticsCounts;
  breakdowns: StatisticsBreakdownBody[];
}

/** The longest period one report covers: ten years (a five-year emulation review fits twice). */
export const STATISTICS_MAX_DAYS = 3653;
