import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { Actor } from '#kernel';
import { DEADLINE_OPEN_STATES, listFilterFor, proposalFilterFor, type OutboxMessage, type ProposalFilter, type ProposalRecord } from '#proposals';
import { openDatabase } from './open-database.js';
import { encodeCursor, encodeDeadlineCursor } from './repositories/keyset-cursor.js';
import { SqlAuditLog } from './repositories/sql-audit-log.js';
import { SqlOutboxStore } from './repositories/sql-outbox.store.js';
import { SqlProposalStatisticsReader } from './repositories/sql-proposal-statistics.reader.js';
import { eventParameters, INSERT_EVENT_SQL, SqlProposalRepository } from './repositories/sql-proposal.repository.js';
import { SqlTransactionRunner, type SqlSession } from './repositories/sql-transaction-runner.js';

/**
 * Every query on proposals, proposal_events and outbox, as the repositories send it, and the index SQLite's
 * plan uses for it (docs/operations.md, "SQLite settings and indexes"). Each index is a page of the write-ahead
 * log whenever a transition changes one of its columns, so the schema keeps no index that no plan here uses;
 * and dropping one that a plan uses turns that query into a scan or a sort, which this spec names.
 */

/** Records the SQL each repository call sends, with its parameters, through the real session. */
class RecordingRunner extends SqlTransactionRunner {
  readonly sent: { sql: string; params: unknown[] }[] = [];

  override transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return super.transaction((session) => work(this.recording(session)));
  }

  override read<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return super.read((session) => work(this.recording(session)));
  }

  private recording(session: SqlSession): SqlSession {
    const note = (sql: string, params: unknown[] = []) => void this.sent.push({ sql, params });
    return {
      dialect: session.dialect,
      rows: (sql, params) => (note(sql, params), session.rows(sql, params)),
      run: (sql, params) => (note(sql, params), session.run(sql, params)),
    };
  }
}

const UNIT = '00000000-0000-4000-8000-0000000000aa';
const OTHER_UNIT = '00000000-0000-4000-8000-0000000000bb';
const CAMPAIGN = '00000000-0000-4000-8000-0000000000cc';
const [A, B, C] = [1, 2, 3].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const AT = '2026-05-04T02:00:00.000Z';
const NEXT_PAGE = encodeCursor(AT, A);

const drafter: Actor = { id: 'drafter', roles: ['drafter'], unitId: UNIT };
const council: Actor = { id: 'council', roles: ['council'], unitId: null };
const councilAndHomeAffairs: Actor = { id: 'two-desks', roles: ['council', 'home_affairs'], unitId: null };
const headAndCouncil: Actor = { id: 'both', roles: ['unit_head', 'council'], unitId: UNIT };
const head: Actor = { id: 'head', roles: ['unit_head'], unitId: UNIT };
const DUE_PAGE = encodeDeadlineCursor('due', AT, A);
const UNDATED_PAGE = encodeDeadlineCursor('none', AT, A);
const notice: OutboxMessage = { topic: 'deadlines.reconcile', key: 'plans', payload: { reason: 'query plans' } };

/** The index each plan must use, as SQLite names its steps. */
const pk = (table: string) => new RegExp(`SEARCH ${table} USING (COVERING )?INDEX sqlite_autoindex_${table}_1 \\(id=\\?\\)`);
const range = (index: string, prefix = '') => new RegExp(`SEARCH proposals USING INDEX ${index} \\(${prefix}\\(created_at,id\\)>\\(\\?,\\?\\)\\)`);
const EVENTS_PK = /(SCAN|SEARCH) proposal_events USING (COVERING )?INDEX sqlite_autoindex_proposal_events_1/;

interface PlanCase {
  query: string;
  run: (repositories: Repositories) => Promise<unknown>;
  /** Each SELECT, UPDATE or DELETE the call sends matches one of these, and each of these matches one of them. */
  plans: RegExp[];
  /** A temporary B-tree (a sort of every matching row) is accepted only where no single index can give the order. */
  sorts?: true;
}

interface Repositories {
  proposals: SqlProposalRepository;
  statistics: SqlProposalStatisticsReader;
  audit: SqlAuditLog;
  outbox: SqlOutboxStore;
}

async function drain<T>(pages: AsyncIterable<T[]>): Promise<void> {
  for await (const page of pages) void page;
}

const list = (filter: ProposalFilter, cursor: string | null = null) => (r: Repositories) => r.proposals.list(filter, cursor, 2);
const every: ProposalFilter = { scopes: [{}] };

const CASES: PlanCase[] = [
  { query: 'one proposal (findById, a command loading its row)', run: (r) => r.proposals.findById(A), plans: [pk('proposals')] },
  { query: 'a sweep batch in id order (loadMany)', run: (r) => r.proposals.transaction((tx) => tx.loadMany([A, B])), plans: [pk('proposals')] },
  {
    query: 'the compare-and-set of a transition',
    run: (r) => r.proposals.transaction(async (tx) => tx.advance(stale(await tx.load(A)), await tx.load(A).then(moved), event(), [])),
    plans: [pk('proposals')],
  },
  { query: 'deadlines moved by a calendar (setDeadlines)', run: (r) => r.proposals.setDeadlines([{ id: A, deadline: null }], notice, AT), plans: [pk('proposals')] },
  {
    query: "a campaign's deadlines moved (setCampaignDeadline)",
    run: (r) => r.proposals.setCampaignDeadline(CAMPAIGN, DEADLINE_OPEN_STATES, null, notice, AT),
    plans: [/SEARCH proposals USING INDEX ix_proposals_campaign_created \(campaign_id=\?\)/],
  },
  {
    query: 'open deadlines, per state (timer reconciliation, calendar reload)',
    run: (r) => drain(r.proposals.openDeadlines(['drafting'])),
    plans: [range('ix_proposals_state_created', 'state=\\? AND ')],
  },
  {
    query: "open deadlines of one campaign (its ceremony moved)",
    run: (r) => drain(r.proposals.openDeadlines(['drafting'], CAMPAIGN)),
    plans: [range('ix_proposals_campaign_created', 'campaign_id=\\? AND ')],
  },
  {
    query: 'the proposals a timer storm reaches (dueAtInstant)',
    run: (r) => r.proposals.dueAtInstant(AT, DEADLINE_OPEN_STATES, ['none'], '', 100),
    plans: [/SEARCH proposals USING INDEX ix_proposals_due_at_id \(deadline_due_at=\? AND id>\?\)/],
  },
  {
    query: 'the same, of one rule',
    run: (r) => r.proposals.dueAtInstant(AT, DEADLINE_OPEN_STATES, ['none'], '', 100, 'TH-5'),
    plans: [/SEARCH proposals USING INDEX ix_proposals_due_at_id \(deadline_due_at=\? AND id>\?\)/],
  },
  { query: 'list, everything (provincial roles), first page', run: list(every), plans: [/SCAN proposals USING INDEX ix_proposals_created$/] },
  { query: 'list, everything, next page', run: list(every, NEXT_PAGE), plans: [range('ix_proposals_created')] },
  {
    query: "list, a unit role's own unit",
    run: list(listFilterFor(drafter, {}), NEXT_PAGE),
    plans: [range('ix_proposals_unit_created', 'unit_id=\\? AND ')],
  },
  { query: 'list ?state=', run: list({ ...every, state: 'awarded' }, NEXT_PAGE), plans: [range('ix_proposals_state_created', 'state=\\? AND ')] },
  { query: 'list ?unitId=', run: list({ ...every, unitId: OTHER_UNIT }, NEXT_PAGE), plans: [range('ix_proposals_unit_created', 'unit_id=\\? AND ')] },
  {
    query: 'list ?campaignId= (and the forms of a campaign, with state)',
    run: list({ ...every, campaignId: CAMPAIGN, state: 'awarded' }, NEXT_PAGE),
    plans: [range('ix_proposals_campaign_created', 'campaign_id=\\? AND ')],
  },
  { query: 'list ?late=', run: list({ ...every, late: true }, NEXT_PAGE), plans: [range('ix_proposals_late_created', 'late=\\? AND ')] },
  {
    query: "a unit role's inbox (its stages, its unit)",
    run: list(listFilterFor(drafter, { inbox: true }), NEXT_PAGE),
    plans: [range('ix_proposals_unit_created', 'unit_id=\\? AND ')],
  },
  {
    query: "a provincial role's inbox (its stage)",
    run: list(listFilterFor(council, { inbox: true }), NEXT_PAGE),
    plans: [range('ix_proposals_state_created', 'state=\\? AND ')],
  },
  {
    query: 'the inbox of two provincial roles: a range per stage, merged by a sort of those stages only',
    run: list(listFilterFor(councilAndHomeAffairs, { inbox: true }), NEXT_PAGE),
    plans: [range('ix_proposals_state_created', 'state=\\? AND ')],
    sorts: true,
  },
  {
    query: 'the inbox of a unit role that also holds a provincial one',
    run: list(listFilterFor(headAndCouncil, { inbox: true }), NEXT_PAGE),
    plans: [/MULTI-INDEX OR.*ix_proposals_unit_created \(unit_id=\?.*ix_proposals_state_created \(state=\?/],
    sorts: true,
  },
  {
    // The turn is the few stages where this person acts: the scope's index finds them and a sort bounded by
    // the page's LIMIT orders them by deadline (docs/operations.md, "The inbox's two parts"). Walking
    // ix_proposals_due_at_id instead would read every dated proposal of the province to find one unit's.
    query: "a unit head's turn, nearest deadline first (dated part, then the undated part in key order)",
    run: list(proposalFilterFor(head, { inbox: true, actionable: true }), DUE_PAGE),
    plans: [/SEARCH proposals USING INDEX ix_proposals_unit_created \(unit_id=\?\) \| USE TEMP B-TREE FOR ORDER BY/, /^SEARCH proposals USING INDEX ix_proposals_unit_created \(unit_id=\?\)$/],
    sorts: true,
  },
  {
    query: "a unit head's turn, a page inside the undated part",
    run: list(proposalFilterFor(head, { inbox: true, actionable: true }), UNDATED_PAGE),
    plans: [range('ix_proposals_unit_created', 'unit_id=\\? AND ')],
  },
  {
    query: "a provincial role's turn, nearest deadline first",
    run: list(proposalFilterFor(council, { inbox: true, actionable: true }), DUE_PAGE),
    plans: [/SEARCH proposals USING INDEX ix_proposals_state_created \(state=\?\) \| USE TEMP B-TREE FOR ORDER BY/, /^SEARCH proposals USING INDEX ix_proposals_state_created \(state=\?\)$/],
    sorts: true,
  },
  {
    query: "the rest of a unit head's inbox (being watched), in key order",
    run: list(proposalFilterFor(head, { inbox: true, actionable: false }), NEXT_PAGE),
    plans: [range('ix_proposals_unit_created', 'unit_id=\\? AND ')],
  },
  {
    query: 'a name search (?q=) walks the list in key order and stops at the page',
    run: list(proposalFilterFor(council, { q: 'Nguyễn' }), NEXT_PAGE),
    plans: [range('ix_proposals_created')],
  },
  {
    query: "a proposal's history",
    run: (r) => r.proposals.history(A),
    plans: [/SEARCH proposal_events USING (COVERING )?INDEX sqlite_autoindex_proposal_events_1 \(proposal_id=\?\)/],
  },
  {
    query: 'quota counters of a campaign',
    run: (r) => r.proposals.quotaUsage(CAMPAIGN, UNIT),
    plans: [/SEARCH quota_counters USING INDEX sqlite_autoindex_quota_counters_1 \(campaign_id=\?\)/],
  },
  {
    query: 'audit: every proposal head, a page at a time',
    run: (r) => drain(r.audit.proposals(2)),
    plans: [/^SCAN proposals USING INDEX sqlite_autoindex_proposals_1$/, /SEARCH proposals USING INDEX sqlite_autoindex_proposals_1 \(id>\?\)/],
  },
  { query: 'audit: the whole log (verify)', run: (r) => drain(r.audit.events({}, 2)), plans: [EVENTS_PK] },
  { query: 'audit: the log before an instant (checkpoint)', run: (r) => drain(r.audit.events({ to: AT }, 2)), plans: [EVENTS_PK] },
  {
    query: 'audit: export of a time range, walked in key order',
    run: (r) => drain(r.audit.events({ from: '2026-05-04T01:00:00.000Z', to: AT }, 2)),
    plans: [EVENTS_PK],
  },
  {
    query: 'audit: export of one proposal',
    run: (r) => drain(r.audit.events({ proposalId: B }, 1)),
    plans: [/SEARCH proposal_events USING INDEX sqlite_autoindex_proposal_events_1 \(proposal_id=\?\)/],
  },
  {
    query: 'statistics of a period, every unit: created up to now, changed since it began (and the final event of a final one)',
    run: (r) => r.statistics.rows({ createdUpTo: AT, changedSince: '2026-05-01T17:00:00.000Z', unitId: null }),
    plans: [/SEARCH proposals USING INDEX ix_proposals_created \(created_at<\?\).*SEARCH proposal_events USING (COVERING )?INDEX sqlite_autoindex_proposal_events_1 \(proposal_id=\?\)/],
  },
  {
    query: 'statistics of a period, one unit',
    run: (r) => r.statistics.rows({ createdUpTo: AT, changedSince: '2026-05-01T17:00:00.000Z', unitId: UNIT }),
    plans: [/SEARCH proposals USING INDEX ix_proposals_unit_created \(unit_id=\? AND created_at<\?\)/],
  },
  { query: 'outbox: the pending batch, in id order', run: (r) => r.outbox.pending(500), plans: [/^SCAN outbox$/] },
  {
    query: 'outbox: deleting a relayed batch',
    run: async (r) => r.outbox.delete(await r.outbox.pending(500)),
    plans: [/^SCAN outbox$/, /SEARCH outbox USING INTEGER PRIMARY KEY \(rowid=\?\)/],
  },
];

/** A record one version behind the row, so that the compare-and-set matches nothing and the case writes nothing. */
const stale = (record: ProposalRecord | null): ProposalRecord => ({ ...record!, version: record!.version - 1 });
const moved = (record: ProposalRecord | null): ProposalRecord => ({ ...record!, state: 'unitDecision', version: record!.version + 1 });
const event = () => ({
  proposalId: A,
  seq: 2,
  type: 'SUBMIT',
  actor: drafter,
  at: AT,
  payload: {},
  machineVersion: 1,
  state: 'unitDecision',
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
});

async function seed(runner: SqlTransactionRunner): Promise<void> {
  await runner.transaction(async (db) => {
    for (const unit of [UNIT, OTHER_UNIT]) {
      await db.run('INSERT INTO units (id, code, name, created_at) VALUES (?, ?, ?, ?)', [unit, unit.slice(-4), `Đơn vị ${unit.slice(-2)}`, AT]);
    }
    for (const [n, id] of [A, B, C].entries()) {
      await db.run(
        `INSERT INTO proposals (id, kind, unit_id, campaign_id, award_form, state, snapshot, version, machine_version, late,
           escalation, last_seq, last_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, 'extraordinary', UNIT, null, 'chairman_certificate', 'drafting', JSON.stringify({ value: 'drafting', context: { lateRule: null } }),
          2, 1, db.dialect.bool(false), 'none', 2, 'f'.repeat(64), AT, AT],
      );
      for (const seq of [1, 2]) {
        await db.run(INSERT_EVENT_SQL, eventParameters({ ...event(), proposalId: id, seq, at: `2026-05-04T01:0${n}:0${seq}.000Z`, type: 'CREATE', state: 'drafting' }));
      }
    }
    await db.run('INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)', [notice.topic, notice.key, JSON.stringify(notice.payload), AT]);
  });
}

const PLANNED = /^\s*(SELECT|UPDATE|DELETE)\b/i;

describe('query plans on SQLite: each query on proposals, proposal_events and outbox uses its index', () => {
  let dir: string;
  let dataSource: DataSource;
  let explainer: SqlTransactionRunner;
  const used = new Set<string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kt-plans-'));
    dataSource = await openDatabase({ kind: 'sqlite', path: join(dir, 'plans.sqlite'), url: 'sqlite:plans' });
    explainer = new SqlTransactionRunner(dataSource);
    await seed(explainer);
  }, 30_000);

  afterAll(async () => {
    await dataSource?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES.map((c) => [c.query, c] as const))('%s', async (_query, { run, plans, sorts }) => {
    const runner = new RecordingRunner(dataSource);
    await run({
      proposals: new SqlProposalRepository(runner),
      audit: new SqlAuditLog(runner),
      outbox: new SqlOutboxStore(runner),
      statistics: new SqlProposalStatisticsReader(runner),
    });
    const statements = runner.sent.filter(({ sql }) => PLANNED.test(sql));
    const explained = await Promise.all(
      statements.map(async ({ sql, params }) =>
        (await explainer.read((db) => db.rows<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params))).map((row) => row.detail).join(' | '),
      ),
    );
    expect(explained.length).toBeGreaterThan(0);
    for (const plan of explained) {
      expect({ plan, matches: plans.some((pattern) => pattern.test(plan)) }).toEqual({ plan, matches: true });
      // A bare `SCAN proposals` reads every row; the walks above name the index they walk in order.
      expect(plan).not.toMatch(/SCAN (proposals|proposal_events)( |$)(?!USING)/);
      if (!sorts) expect(plan).not.toMatch(/USE TEMP B-TREE/);
      for (const [, index] of plan.matchAll(/USING (?:COVERING )?INDEX (\w+)/g)) used.add(index);
    }
    for (const pattern of plans) expect({ pattern, matched: explained.some((plan) => pattern.test(plan)) }).toEqual({ pattern, matched: true });
  });

  it('keeps no index that none of these plans uses', async () => {
    const indexes = await explainer.read((db) =>
      db.rows<{ name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('proposals', 'proposal_events', 'outbox') ORDER BY name",
      ),
    );
    expect(indexes.map((index) => index.name)).toEqual([
      'ix_proposals_campaign_created',
      'ix_proposals_created',
      'ix_proposals_due_at_id',
      'ix_proposals_late_created',
      'ix_proposals_state_created',
      'ix_proposals_unit_created',
      'sqlite_autoindex_proposal_events_1',
      'sqlite_autoindex_proposals_1',
    ]);
    expect(indexes.map((index) => index.name).filter((name) => !used.has(name))).toEqual([]);
  });
});
