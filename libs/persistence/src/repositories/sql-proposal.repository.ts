import type { AuditedEvent } from '#audit';
import { DomainError, foldVietnamese, type Actor } from '#kernel';
import type { QuotaUsage } from '#rules';
import { QUOTA_STATES, type EscalationLevel, type ProposalState } from '#workflows/proposal';
import {
  ProposalRepository,
  type CampaignRecord,
  type DocumentRecord,
  type ProposalDeadline,
  type IdempotentAnswer,
  type LoggedEvent,
  type OutboxMessage,
  type Page,
  type ProposalFilter,
  type ProposalRecord,
  type ProposalWriteTx,
} from '#proposals';
import { SqlDialect } from '../sql-dialect.js';
import { sqlDocuments } from './sql-documents.js';
import { CAMPAIGN_COLUMNS, toCampaignRecord, type CampaignRow } from './sql-campaign.repository.js';
import { decodeCursor, decodeDeadlineCursor, encodeCursor, encodeDeadlineCursor } from './keyset-cursor.js';
import { likeContains } from './like-pattern.js';
import { SqlSession, SqlTransactionRunner } from './sql-transaction-runner.js';

interface ProposalRow {
  id: string;
  kind: ProposalRecord['kind'];
  unit_id: string;
  campaign_id: string | null;
  award_form: ProposalRecord['awardForm'];
  state: ProposalRecord['state'];
  snapshot: string;
  version: number;
  machine_version: number;
  late: boolean | number;
  escalation: ProposalRecord['escalation'];
  warnings: string;
  late_rule: string | null;
  deadline_rule: ProposalDeadline['rule'] | null;
  deadline_due_date: string | null;
  deadline_due_at: string | null;
  deadline_provisional: boolean | number;
  last_seq: number;
  last_hash: string;
  created_at: string;
  updated_at: string;
}

/** A proposal_events row as both databases hand it back. */
export interface ProposalEventRow {
  proposal_id: string;
  /** PostgreSQL may hand integers back as text; the mapper makes them numbers. */
  seq: number | string;
  type: string;
  actor: string;
  at: string;
  payload: string;
  machine_version: number | string;
  state: string;
  prev_hash: string;
  hash: string;
}

const PROPOSAL_COLUMNS =
  'id, kind, unit_id, campaign_id, award_form, state, snapshot, version, machine_version, late, escalation, ' +
  'last_seq, last_hash, created_at, updated_at, warnings, late_rule, deadline_rule, deadline_due_date, ' +
  'deadline_due_at, deadline_provisional';

/** The states in which a proposal counts against its campaign's quotas, as the machines tag them (QUOTA_STATES). */
const COUNTED_STATES: readonly string[] = QUOTA_STATES;

const toRecord = (row: ProposalRow): ProposalRecord => ({
  id: row.id,
  kind: row.kind,
  unitId: row.unit_id,
  campaignId: row.campaign_id,
  awardForm: row.award_form,
  state: row.state,
  snapshot: JSON.parse(row.snapshot),
  version: Number(row.version),
  machineVersion: Number(row.machine_version),
  late: Boolean(row.late),
  escalation: row.escalation,
  warnings: JSON.parse(row.warnings),
  deadline: row.deadline_rule
    ? {
        rule: row.deadline_rule,
        dueDate: row.deadline_due_date!,
        dueAt: row.deadline_due_at!,
        provisional: Boolean(row.deadline_provisional),
      }
    : null,
  lastSeq: Number(row.last_seq),
  lastHash: row.last_hash,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toLoggedEvent = (row: ProposalEventRow): LoggedEvent => ({
  proposalId: row.proposal_id,
  seq: Number(row.seq),
  type: row.type,
  actor: JSON.parse(row.actor),
  at: row.at,
  payload: JSON.parse(row.payload),
  machineVersion: Number(row.machine_version),
  state: row.state,
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** The one way a logged event is written: the repository's, and the audit suites' when they forge a log. */
export const INSERT_EVENT_SQL =
  'INSERT INTO proposal_events (proposal_id, seq, type, actor, at, payload, machine_version, state, prev_hash, hash) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** {@link INSERT_EVENT_SQL}'s parameters, in its column order: the reverse of {@link toLoggedEvent}. */
export const eventParameters = (event: AuditedEvent): unknown[] => [
  event.proposalId,
  event.seq,
  event.type,
  JSON.stringify(event.actor),
  event.at,
  JSON.stringify(event.payload),
  event.machineVersion,
  event.state,
  event.prevHash,
  event.hash,
];



/** The quota counters of a campaign, as the rules count them (in a command's transaction or a plain read). */
async function readQuotaUsage(db: SqlSession, campaignId: string, unitId: string): Promise<QuotaUsage> {
  const rows = await db.rows<{ award_form: string; unit_id: string; steering_member: number; n: number | string }>(
    'SELECT award_form, unit_id, steering_member, n FROM quota_counters WHERE campaign_id = ?',
    [campaignId],
  );
  const usage: QuotaUsage = { byAwardForm: {}, byUnitAndAwardForm: {}, steeringMembers: 0 };
  for (const row of rows) {
    const form = row.award_form as keyof QuotaUsage['byAwardForm'];
    const n = Number(row.n);
    usage.byAwardForm[form] = (usage.byAwardForm[form] ?? 0) + n;
    if (row.unit_id === unitId) usage.byUnitAndAwardForm[form] = (usage.byUnitAndAwardForm[form] ?? 0) + n;
    if (Number(row.steering_member) === 1) usage.steeringMembers += n;
  }
  return usage;
}

class SqlProposalWriteTx implements ProposalWriteTx {
  /** `db` is read by SqlPersonRepository.within: the registry writes in the proposal command's transaction. */
  constructor(readonly db: SqlSession) {}

  private get dialect(): SqlDialect {
    return this.db.dialect;
  }

  async load(id: string): Promise<ProposalRecord | null> {
    const [row] = await this.db.rows<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  async loadMany(ids: readonly string[]): Promise<ProposalRecord[]> {
    if (ids.length === 0) return [];
    const marks = ids.map(() => '?').join(', ');
    // In id order: concurrent sweeps on PostgreSQL then lock their rows in the same order, never crosswise.
    return (await this.db.rows<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE id IN (${marks}) ORDER BY id`, [...ids])).map(
      toRecord,
    );
  }

  async insert(record: ProposalRecord, first: LoggedEvent, outbox: OutboxMessage[]): Promise<void> {
    const columns = [...fixedColumns(record), ...changingColumns(record, this.dialect)];
    await this.db.run(
      `INSERT INTO proposals (${columns.map(([name]) => name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map(([, value]) => value),
    );
    await this.appendEvent(first);
    await this.enqueue(outbox, first.at);
  }

  async advance(previous: ProposalRecord, next: ProposalRecord, event: LoggedEvent, outbox: OutboxMessage[]) {
    const expectedVersion = previous.version;
    // The compare-and-set comes first: a loser stops here, before it could append to the chain.
    const columns = columnsThatChange(previous, next, this.dialect);
    const changed = await this.db.run(
      `UPDATE proposals SET ${columns.map(([name]) => `${name} = ?`).join(', ')} WHERE id = ? AND version = ?`,
      [...columns.map(([, value]) => value), next.id, expectedVersion],
    );
    if (changed !== 1) return false;
    await this.countQuota(previous, next);
    await this.appendEvent(event);
    await this.enqueue(outbox, event.at);
    return true;
  }

  async loadCampaign(id: string, forUpdate: boolean): Promise<CampaignRecord | null> {
    const lock = forUpdate && this.dialect.kind === 'postgres' ? ' FOR UPDATE' : '';
    const [row] = await this.db.rows<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ?${lock}`, [id]);
    return row ? toCampaignRecord(row) : null;
  }

  quotaUsage(campaignId: string, unitId: string): Promise<QuotaUsage> {
    return readQuotaUsage(this.db, campaignId, unitId);
  }

  /** Keeps quota_counters in step when a proposal enters or leaves the counted stages. */
  private async countQuota(before: ProposalRecord, after: ProposalRecord): Promise<void> {
    const delta = Number(COUNTED_STATES.includes(after.state)) - Number(COUNTED_STATES.includes(before.state));
    if (delta === 0 || !after.campaignId) return;
    await this.db.run(
      `INSERT INTO quota_counters (campaign_id, award_form, unit_id, steering_member, n) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (campaign_id, award_form, unit_id, steering_member) DO UPDATE SET n = quota_counters.n + excluded.n`,
      [after.campaignId, after.awardForm, after.unitId, after.snapshot.context.nominee.steeringCommitteeMember ? 1 : 0, delta],
    );
  }

  documents(proposalId: string): Promise<DocumentRecord[]> {
    return sqlDocuments.list(this.db, proposalId, false);
  }

  insertDocument(document: DocumentRecord): Promise<void> {
    return sqlDocuments.insert(this.db, document);
  }

  markDocumentRemoved(document: DocumentRecord, removedSeq: number, removedBy: Actor, removedAt: string): Promise<boolean> {
    return sqlDocuments.markRemoved(this.db, document, removedSeq, removedBy, removedAt);
  }

  async findAnswer(principal: string, key: string): Promise<IdempotentAnswer | null> {
    const [row] = await this.db.rows<{ request_hash: string; status: number; body: string }>(
      'SELECT request_hash, status, body FROM idempotency_keys WHERE principal = ? AND key = ?',
      [principal, key],
    );
    return row ? { requestHash: row.request_hash, status: Number(row.status), body: JSON.parse(row.body) } : null;
  }

  async rememberAnswer(principal: string, key: string, answer: IdempotentAnswer, at: string): Promise<void> {
    await this.db.run(
      'INSERT INTO idempotency_keys (principal, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [principal, key, answer.requestHash, answer.status, JSON.stringify(answer.body), at],
    );
  }

  private async appendEvent(event: LoggedEvent): Promise<void> {
    await this.db.run(INSERT_EVENT_SQL, eventParameters(event));
  }

  async enqueue(messages: OutboxMessage[], at: string): Promise<void> {
    for (const message of messages) {
      await this.db.run('INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)', [
        message.topic,
        message.key,
        JSON.stringify(message.payload),
        at,
      ]);
    }
  }
}

/** Columns set once, when the proposal is created. */
const fixedColumns = (record: ProposalRecord): [string, unknown][] => [
  ['id', record.id],
  ['kind', record.kind],
  ['unit_id', record.unitId],
  ['campaign_id', record.campaignId],
  ['created_at', record.createdAt],
];

/** Columns a command may change: the INSERT and the compare-and-set UPDATE write the same list. */
const changingColumns = (record: ProposalRecord, dialect: SqlDialect, encodeBlobs = true): [string, unknown][] => [
  ['award_form', record.awardForm],
  ['state', record.state],
  // Changes only when an admin migrates the proposal to a newer machine.
  ['machine_version', record.machineVersion],
  ['snapshot', encodeBlobs ? JSON.stringify(record.snapshot) : null],
  ['version', record.version],
  ['late', dialect.bool(record.late)],
  ['late_rule', record.snapshot.context.lateRule],
  ['escalation', record.escalation],
  ['warnings', encodeBlobs ? JSON.stringify(record.warnings) : null],
  ['last_seq', record.lastSeq],
  ['last_hash', record.lastHash],
  ['updated_at', record.updatedAt],
  // The search key of the nominee's name (migration 1765250000000): written with the name, on create and UPDATE.
  ['nominee_name_folded', foldVietnamese(record.snapshot.context.nominee?.name ?? '')],
  ...deadlineColumns(record.deadline, dialect),
];

/** The snapshot and its log head change with every event; the version is the compare-and-set itself. */
const ALWAYS_WRITTEN = new Set(['snapshot', 'version', 'warnings', 'last_seq', 'last_hash', 'updated_at']);

/**
 * Only the columns whose value changes: SQLite rewrites the entries of every index over a column the UPDATE
 * names, changed or not, and most events (a timer, a vote) leave the indexed columns as they were.
 */
function columnsThatChange(previous: ProposalRecord, next: ProposalRecord, dialect: SqlDialect): [string, unknown][] {
  const before = new Map(changingColumns(previous, dialect, false));
  return changingColumns(next, dialect).filter(([name, value]) => ALWAYS_WRITTEN.has(name) || before.get(name) !== value);
}

const deadlineColumns = (deadline: ProposalDeadline | null, dialect: SqlDialect): [string, unknown][] => [
  ['deadline_rule', deadline?.rule ?? null],
  ['deadline_due_date', deadline?.dueDate ?? null],
  ['deadline_due_at', deadline?.dueAt ?? null],
  ['deadline_provisional', dialect.bool(deadline?.provisional ?? false)],
];

const DEADLINE_SET = deadlineColumns(null, new SqlDialect('sqlite')).map(([name]) => `${name} = ?`).join(', ');
const deadlineParams = (deadline: ProposalDeadline | null, dialect: SqlDialect) =>
  deadlineColumns(deadline, dialect).map(([, value]) => value);

export class SqlProposalRepository extends ProposalRepository {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  async transaction<T>(work: (tx: ProposalWriteTx) => Promise<T>): Promise<T> {
    const once = () => this.runner.transaction((session) => work(new SqlProposalWriteTx(session)));
    try {
      return await once();
    } catch (error) {
      if (!this.runner.dialect.isUniqueViolation(error)) throw error;
    }
    // Two first uses of one Idempotency-Key met at its primary key: run again, and the loser now finds the
    // winner's answer (or a newer version) instead of failing.
    try {
      return await once();
    } catch (error) {
      if (!this.runner.dialect.isUniqueViolation(error)) throw error;
      throw new DomainError('VERSION_CONFLICT', 'Another request changed this proposal at the same moment; retry', {});
    }
  }

  quotaUsage(campaignId: string, unitId: string): Promise<QuotaUsage> {
    return this.runner.read((db) => readQuotaUsage(db, campaignId, unitId));
  }

  documents(proposalId: string, includeRemoved = false): Promise<DocumentRecord[]> {
    return this.runner.read((db) => sqlDocuments.list(db, proposalId, includeRemoved));
  }

  document(proposalId: string, documentId: string): Promise<DocumentRecord | null> {
    return this.runner.read((db) => sqlDocuments.one(db, proposalId, documentId));
  }

  findById(id: string): Promise<ProposalRecord | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE id = ?`, [id]);
      return row ? toRecord(row) : null;
    });
  }

  list(filter: ProposalFilter, cursor: string | null, limit: number): Promise<Page<ProposalRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const scopeSql = (scopes: ProposalFilter['scopes']) =>
      scopes.map((scope) => {
        const parts: string[] = [];
        if (scope.states) {
          if (scope.states.length === 0) return '1 = 0';
          parts.push(`state IN (${scope.states.map(() => '?').join(', ')})`);
          params.push(...scope.states);
        }
        if (scope.unitId !== undefined) {
          parts.push('unit_id = ?');
          params.push(scope.unitId);
        }
        return parts.length ? `(${parts.join(' AND ')})` : '1 = 1';
      });
    const scopeClauses = scopeSql(filter.scopes);
    where.push(scopeClauses.length ? `(${scopeClauses.join(' OR ')})` : '1 = 0');
    if (filter.exclude && filter.exclude.length > 0) where.push(`NOT (${scopeSql(filter.exclude).join(' OR ')})`);
    if (filter.state) {
      where.push('state = ?');
      params.push(filter.state);
    }
    if (filter.unitId) {
      where.push('unit_id = ?');
      params.push(filter.unitId);
    }
    if (filter.campaignId) {
      where.push('campaign_id = ?');
      params.push(filter.campaignId);
    }
    if (filter.late !== undefined) {
      where.push('late = ?');
      params.push(this.runner.dialect.bool(filter.late));
    }
    if (filter.nameContains) {
      // A part of the folded name, its LIKE wildcards taken literally: a plain scan of the rows the other
      // conditions leave (docs/operations.md, "The inbox's two parts": no index serves `%…%`).
      where.push("nominee_name_folded LIKE ? ESCAPE '\\'");
      params.push(likeContains(filter.nameContains));
    }
    if (filter.order === 'deadline') return this.listByDeadline(where, params, cursor, limit);
    if (cursor) {
      // A row value, not `created_at > ? OR (created_at = ? AND id > ?)`: both databases make it the start of
      // a range in an index ending in (created_at, id), where the OR form re-reads every earlier row.
      const [createdAt, id] = decodeCursor(cursor);
      where.push('(created_at, id) > (?, ?)');
      params.push(createdAt, id);
    }
    params.push(limit + 1);
    return this.runner.read(async (db) => {
      const rows = await db.rows<ProposalRow>(
        `SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ?`,
        params,
      );
      const items = rows.slice(0, limit).map(toRecord);
      return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].createdAt, items[items.length - 1].id) : null };
    });
  }

  /**
   * The caller's turn, nearest deadline first: first the proposals with a deadline in (deadline_due_at, id)
   * order (an overdue one has the earliest), then those without one in (created_at, id) order. Two keyset
   * parts rather than one `ORDER BY … NULLS LAST`, which the two databases would sort differently and neither
   * could read from an index; a page that ends the first part goes on into the second.
   */
  private listByDeadline(where: string[], params: unknown[], cursor: string | null, limit: number): Promise<Page<ProposalRecord>> {
    const position = cursor ? decodeDeadlineCursor(cursor) : { part: 'due' as const, key: '', id: '' };
    return this.runner.read(async (db) => {
      const rows: ProposalRow[] = [];
      if (position.part === 'due') {
        const after = cursor ? ' AND (deadline_due_at, id) > (?, ?)' : '';
        rows.push(
          ...(await db.rows<ProposalRow>(
            `SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE ${where.join(' AND ')} AND deadline_due_at IS NOT NULL${after} ` +
              'ORDER BY deadline_due_at, id LIMIT ?',
            [...params, ...(cursor ? [position.key, position.id] : []), limit + 1],
          )),
        );
      }
      if (rows.length <= limit) {
        const after = position.part === 'none' ? ' AND (created_at, id) > (?, ?)' : '';
        rows.push(
          ...(await db.rows<ProposalRow>(
            `SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE ${where.join(' AND ')} AND deadline_due_at IS NULL${after} ` +
              'ORDER BY created_at, id LIMIT ?',
            [...params, ...(position.part === 'none' ? [position.key, position.id] : []), limit + 1 - rows.length],
          )),
        );
      }
      const items = rows.slice(0, limit).map(toRecord);
      const last = items[items.length - 1];
      const nextCursor =
        rows.length > limit
          ? last.deadline
            ? encodeDeadlineCursor('due', last.deadline.dueAt, last.id)
            : encodeDeadlineCursor('none', last.createdAt, last.id)
          : null;
      return { items, nextCursor };
    });
  }

  /**
   * Keyset pages per state in (created_at, id) order, the order of the one index that holds `state`
   * (ix_proposals_state_created), or of the campaign's index for one campaign: each page is an index range,
   * not a sort of every open row. No caller needs id order; what matters is that every sweep walks the same
   * order, so that two of them updating their batches on PostgreSQL lock rows in the same order.
   */
  async *openDeadlines(states: readonly ProposalState[], campaignId?: string): AsyncIterable<ProposalRecord[]> {
    for (const state of states) {
      let after: [string, string] = ['', ''];
      for (;;) {
        const batch = await this.runner.read(async (db) =>
          (
            await db.rows<ProposalRow>(
              campaignId
                ? `SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE campaign_id = ? AND state = ? AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT 500`
                : `SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE state = ? AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT 500`,
              campaignId ? [campaignId, state, ...after] : [state, ...after],
            )
          ).map(toRecord),
        );
        if (batch.length === 0) break;
        yield batch;
        const last = batch[batch.length - 1];
        after = [last.createdAt, last.id];
      }
    }
  }

  dueAtInstant(
    dueAt: string,
    states: readonly ProposalState[],
    escalation: readonly EscalationLevel[],
    afterId: string,
    limit: number,
    rule: 'DX-4' | 'TH-5' | null = null,
  ): Promise<string[]> {
    if (states.length === 0 || escalation.length === 0) return Promise.resolve([]);
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    const byRule = rule ? ' AND deadline_rule = ?' : '';
    return this.runner.read(async (db) =>
      (
        await db.rows<{ id: string }>(
          `SELECT id FROM proposals WHERE deadline_due_at = ? AND id > ?${byRule} AND state IN (${marks(states.length)}) ` +
            `AND escalation IN (${marks(escalation.length)}) ORDER BY id LIMIT ?`,
          [dueAt, afterId, ...(rule ? [rule] : []), ...states, ...escalation, limit],
        )
      ).map((row) => row.id),
    );
  }

  async setDeadlines(changes: { id: string; deadline: ProposalDeadline | null }[], notice: OutboxMessage, at: string): Promise<void> {
    if (changes.length === 0) return;
    await this.runner.transaction(async (db) => {
      await new SqlProposalWriteTx(db).enqueue([notice], at);
      for (const { id, deadline } of changes) {
        await db.run(
          `UPDATE proposals SET ${DEADLINE_SET} WHERE id = ?`,
          [...deadlineParams(deadline, db.dialect), id],
        );
      }
    });
  }

  setCampaignDeadline(
    campaignId: string,
    states: readonly ProposalState[],
    deadline: ProposalDeadline | null,
    notice: OutboxMessage,
    at: string,
  ): Promise<number> {
    return this.runner.transaction(async (db) => {
      await new SqlProposalWriteTx(db).enqueue([notice], at);
      return db.run(
        `UPDATE proposals SET ${DEADLINE_SET}
         WHERE campaign_id = ? AND kind = 'thematic' AND state IN (${states.map(() => '?').join(', ')})`,
        [...deadlineParams(deadline, db.dialect), campaignId, ...states],
      );
    });
  }

  history(id: string): Promise<LoggedEvent[]> {
    return this.runner.read(async (db) =>
      (
        await db.rows<ProposalEventRow>(
          `SELECT proposal_id, seq, type, actor, at, payload, machine_version, state, prev_hash, hash
           FROM proposal_events WHERE proposal_id = ? ORDER BY seq`,
          [id],
        )
      ).map(toLoggedEvent),
    );
  }
}
