import { FINAL_STATES, ProposalStatisticsReader, type ProposalStatisticsRow, type StatisticsWindow } from '#proposals';
import type { SqlDialect } from '../sql-dialect.js';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

interface StatisticsSqlRow {
  unit_id: string;
  kind: ProposalStatisticsRow['kind'];
  award_form: ProposalStatisticsRow['awardForm'];
  state: ProposalStatisticsRow['state'];
  late: boolean | number;
  deadline_rule: ProposalStatisticsRow['deadlineRule'];
  nominee_type: string | null;
  nominee_gender: string | null;
  submitted_at: string | null;
  forwarded_at: string | null;
  decision_date: string | null;
  final_at: string | null;
}

/** A field of the stored machine snapshot (sql-proposal.repository.ts writes it as JSON text), as text. */
const snapshotField = (dialect: SqlDialect, path: string[]): string =>
  dialect.kind === 'postgres' ? `(snapshot::json #>> '{${path.join(',')}}')` : `json_extract(snapshot, '$.${path.join('.')}')`;

/**
 * The rows a period's statistics may count (docs/statistics.md), with only the columns they need: the nominee's
 * type and gender, the submission and forwarding instants and the decision's date come out of the snapshot in
 * SQL, not as the whole snapshot.
 *
 * Which rows: changed since the period began (`updated_at` is at or after every event, so a proposal untouched
 * since before the period can neither have been submitted nor decided in it), read as the range of `created_at`
 * up to the moment of the report, in ix_proposals_created or, for one unit, ix_proposals_unit_created. No new
 * index: every index costs each transition a write (docs/operations.md), and a report is read far less often
 * than proposals move.
 *
 * When a final proposal entered its final stage is the first event of its log written in that stage: the
 * event log's primary key (proposal_id, seq) finds it, only for the final ones.
 */
export class SqlProposalStatisticsReader extends ProposalStatisticsReader {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  rows(window: StatisticsWindow): Promise<ProposalStatisticsRow[]> {
    const dialect = this.runner.dialect;
    const field = (...path: string[]) => snapshotField(dialect, path);
    const finals = FINAL_STATES.map(() => '?').join(', ');
    const sql =
      `SELECT unit_id, kind, award_form, state, late, deadline_rule, ` +
      `${field('context', 'nominee', 'type')} AS nominee_type, ` +
      `${field('context', 'nominee', 'gender')} AS nominee_gender, ` +
      `${field('context', 'submittedAt')} AS submitted_at, ` +
      `${field('context', 'forwardedAt')} AS forwarded_at, ` +
      `${field('context', 'decision', 'date')} AS decision_date, ` +
      `CASE WHEN state IN (${finals}) THEN (SELECT at FROM proposal_events ` +
      `WHERE proposal_events.proposal_id = proposals.id AND proposal_events.state = proposals.state ORDER BY seq LIMIT 1) END AS final_at ` +
      `FROM proposals WHERE ${window.unitId ? 'unit_id = ? AND ' : ''}created_at <= ? AND updated_at >= ?`;
    const params = [...FINAL_STATES, ...(window.unitId ? [window.unitId] : []), window.createdUpTo, window.changedSince];
    return this.runner.read(async (db) => (await db.rows<StatisticsSqlRow>(sql, params)).map(toRow));
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const toRow = (row: StatisticsSqlRow): ProposalStatisticsRow => ({
  unitId: row.unit_id,
  kind: row.kind,
  awardForm: row.award_form,
  state: row.state,
  late: Boolean(row.late),
  nomineeType: row.nominee_type === 'collective' ? 'collective' : 'individual',
  nomineeGender: text(row.nominee_gender),
  deadlineRule: row.deadline_rule ?? null,
  submittedAt: text(row.submitted_at),
  forwardedAt: text(row.forwarded_at),
  decisionDate: text(row.decision_date),
  finalAt: text(row.final_at),
});
