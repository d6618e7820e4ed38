import type { AwardForm, ProposalKind, ProposalState } from '#workflows/proposal';

/**
 * What the statistics count of one proposal (docs/statistics.md): a handful of columns, not the snapshot.
 * Read from the stored row; the nominee's gender from the nominee the proposal states (it may be absent).
 */
export interface ProposalStatisticsRow {
  unitId: string;
  kind: ProposalKind;
  awardForm: AwardForm;
  state: ProposalState;
  late: boolean;
  nomineeType: 'individual' | 'collective';
  /** As stored; anything but 'male' or 'female' counts as not stated. */
  nomineeGender: string | null;
  deadlineRule: 'DX-4' | 'TH-5' | null;
  /** Instants (ISO-8601 UTC) of the last submission and forwarding, as the machine recorded them. */
  submittedAt: string | null;
  forwardedAt: string | null;
  /** The decision's own date (YYYY-MM-DD), when it carries one. */
  decisionDate: string | null;
  /** When a final proposal entered its final stage (the instant of that event); null while it is open. */
  finalAt: string | null;
}

/** The stages a proposal ends in (the machines' final states): awarded, by the unit, rejected, withdrawn. */
export const FINAL_STATES: readonly ProposalState[] = ['awarded', 'awardedByUnit', 'rejected', 'withdrawn'];

export interface StatisticsWindow {
  /**
   * Only proposals created at or before this instant: the moment of the report, so it leaves nothing out (a
   * decision dated in the period may be recorded on a proposal created after it), and it makes the read a
   * range of the created_at index rather than a scan of the table.
   */
  createdUpTo: string;
  /** Only proposals changed at or after this instant (the period's start): nothing older can count. */
  changedSince: string;
  /** One unit, or every unit when null. */
  unitId: string | null;
}

/** Reads the rows a period's statistics may count; the statistics policy decides which of them do. */
export abstract class ProposalStatisticsReader {
  abstract rows(window: StatisticsWindow): Promise<ProposalStatisticsRow[]>;
}
