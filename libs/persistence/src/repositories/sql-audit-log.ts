import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  AuditLog,
  type AuditedEvent,
  type AuditedEventRow,
  type AuditedProposal,
  type CheckpointHead,
  type EventRange,
  type StoredCheckpoint,
} from '#audit';
import { toLoggedEvent, type ProposalEventRow } from './sql-proposal.repository.js';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

/** Rows of a page: large enough that per-query overhead is small, small enough to keep memory flat. */
export const AUDIT_PAGE_SIZE = 2_000;

interface ProposalHeadRow {
  id: string;
  machine_version: number;
  snapshot: string;
  version: number;
  last_seq: number;
  last_hash: string;
  state: string;
  escalation: string;
  /** 0/1 on SQLite, boolean on PostgreSQL. */
  late: number | boolean;
  award_form: string;
}

interface CheckpointRow {
  id: string;
  up_to: string;
  proposals: number;
  events: number;
  merkle_root: string;
  algorithm: string;
  public_key: string;
  signature: string;
  created_at: string;
}

const EVENT_COLUMNS = 'proposal_id, seq, type, actor, at, payload, machine_version, state, prev_hash, hash';
const PROPOSAL_HEAD_COLUMNS = 'id, machine_version, snapshot, version, last_seq, last_hash, state, escalation, late, award_form';
const CHECKPOINT_COLUMNS = 'id, up_to, proposals, events, merkle_root, algorithm, public_key, signature, created_at';

// The events' mapping is the proposal repository's own, so the auditor reads exactly what the chain sealed.
const toAuditedEvent: (row: ProposalEventRow) => AuditedEvent = toLoggedEvent;

/** The row with its JSON columns as stored: a walk decodes what it uses (the port's rawEvents). */
const toAuditedEventRow = (row: ProposalEventRow): AuditedEventRow => ({
  proposalId: row.proposal_id,
  seq: Number(row.seq),
  type: row.type,
  actorJson: row.actor,
  at: row.at,
  payloadJson: row.payload,
  machineVersion: Number(row.machine_version),
  state: row.state,
  prevHash: row.prev_hash,
  hash: row.hash,
});

const toAuditedProposal = (row: ProposalHeadRow): AuditedProposal => ({
  ...toProposalPageItem(row),
  snapshot: JSON.parse(row.snapshot),
});

/** A proposal of a page: the snapshot left as its JSON text, parsed only by a walk that replays (see the port). */
const toProposalPageItem = (row: ProposalHeadRow): AuditedProposal => ({
  id: row.id,
  machineVersion: Number(row.machine_version),
  snapshot: row.snapshot,
  version: Number(row.version),
  lastSeq: Number(row.last_seq),
  lastHash: row.last_hash,
  state: row.state,
  escalation: row.escalation,
  late: row.late === true || Number(row.late) === 1,
  awardForm: row.award_form,
});

const toCheckpoint = (row: CheckpointRow): StoredCheckpoint => ({
  id: row.id,
  upTo: row.up_to,
  proposals: Number(row.proposals),
  events: Number(row.events),
  merkleRoot: row.merkle_root,
  algorithm: row.algorithm as StoredCheckpoint['algorithm'],
  publicKey: row.public_key,
  signature: row.signature,
  createdAt: row.created_at,
});

/** Rows of one INSERT of heads: four parameters each, well under both databases' limits. */
const HEADS_PER_INSERT = 250;

const where = (clauses: string[]) => (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '');

function checkedPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`page size must be a whole number, 1 or more (got ${pageSize})`);
  }
  return pageSize;
}

/**
 * The log as an auditor reads it, straight from the tables. Every page is its own short read: on SQLite the
 * process-wide lock is taken per page, so a walk over millions of events never stalls the writers for long.
 * Pages written between two reads may or may not be seen; a checkpoint bounds its walk with `to` for that.
 */
export class SqlAuditLog extends AuditLog {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  async *proposals(pageSize = AUDIT_PAGE_SIZE): AsyncIterable<AuditedProposal[]> {
    const limit = checkedPageSize(pageSize);
    let afterId: string | null = null;
    for (;;) {
      const sql: string =
        afterId === null
          ? `SELECT ${PROPOSAL_HEAD_COLUMNS} FROM proposals ORDER BY id LIMIT ?`
          : `SELECT ${PROPOSAL_HEAD_COLUMNS} FROM proposals WHERE id > ? ORDER BY id LIMIT ?`;
      const params: unknown[] = afterId === null ? [limit] : [afterId, limit];
      const page = (await this.readPage<ProposalHeadRow>(sql, params)).map(toProposalPageItem);
      if (page.length > 0) yield page;
      if (page.length < limit) return;
      afterId = page[page.length - 1].id;
    }
  }

  events(range: EventRange = {}, pageSize = AUDIT_PAGE_SIZE): AsyncIterable<AuditedEvent[]> {
    return this.eventPages(range, pageSize, toAuditedEvent);
  }

  override rawEvents(range: EventRange = {}, pageSize = AUDIT_PAGE_SIZE): AsyncIterable<AuditedEventRow[]> {
    return this.eventPages(range, pageSize, toAuditedEventRow);
  }

  private async *eventPages<Item>(range: EventRange, pageSize: number, toItem: (row: ProposalEventRow) => Item): AsyncIterable<Item[]> {
    const limit = checkedPageSize(pageSize);
    const filters: string[] = [];
    const filterParams: unknown[] = [];
    if (range.proposalId !== undefined) {
      filters.push('proposal_id = ?');
      filterParams.push(range.proposalId);
    }
    if (range.from !== undefined) {
      filters.push('at >= ?');
      filterParams.push(range.from);
    }
    if (range.to !== undefined) {
      filters.push('at < ?');
      filterParams.push(range.to);
    }
    // A row-value comparison, not `proposal_id > ? OR (proposal_id = ? AND seq > ?)`: both databases turn it
    // into a start position in the primary key (proposal_id, seq). PostgreSQL can only filter with the OR
    // form, re-reading every earlier row on each page, and SQLite sorts the rest of the table for it.
    const select = `SELECT ${EVENT_COLUMNS} FROM proposal_events`;
    const firstPage = `${select}${where(filters)} ORDER BY proposal_id, seq LIMIT ?`;
    const nextPage = `${select}${where(['(proposal_id, seq) > (?, ?)', ...filters])} ORDER BY proposal_id, seq LIMIT ?`;
    let after: ProposalEventRow | null = null;
    for (;;) {
      const sql: string = after === null ? firstPage : nextPage;
      const params: unknown[] =
        after === null ? [...filterParams, limit] : [after.proposal_id, Number(after.seq), ...filterParams, limit];
      const rows = await this.readPage<ProposalEventRow>(sql, params);
      if (rows.length > 0) yield rows.map(toItem);
      if (rows.length < limit) return;
      after = rows[rows.length - 1];
    }
  }

  /**
   * One page, one short read: the SQLite lock is let go before the rows are mapped. On SQLite a read is
   * synchronous under its promise, so a walk of a million events would never let the event loop run: the API
   * would answer nothing else, and BullMQ could not renew its locks, until the end. Each page waits for the
   * loop to turn once first.
   */
  private async readPage<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    await yieldToEventLoop();
    return this.runner.read((db) => db.rows<Row>(sql, params));
  }

  proposal(id: string): Promise<AuditedProposal | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<ProposalHeadRow>(`SELECT ${PROPOSAL_HEAD_COLUMNS} FROM proposals WHERE id = ?`, [id]);
      return row ? toAuditedProposal(row) : null;
    });
  }

  eventsOf(proposalId: string): Promise<AuditedEvent[]> {
    return this.runner.read(async (db) =>
      (
        await db.rows<ProposalEventRow>(`SELECT ${EVENT_COLUMNS} FROM proposal_events WHERE proposal_id = ? ORDER BY seq`, [proposalId])
      ).map(toAuditedEvent),
    );
  }

  async saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    await this.runner.transaction((db) =>
      db.run(`INSERT INTO audit_checkpoints (${CHECKPOINT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        checkpoint.id,
        checkpoint.upTo,
        checkpoint.proposals,
        checkpoint.events,
        checkpoint.merkleRoot,
        checkpoint.algorithm,
        checkpoint.publicKey,
        checkpoint.signature,
        checkpoint.createdAt,
      ]),
    );
  }

  checkpoints(limit: number): Promise<StoredCheckpoint[]> {
    const pageSize = checkedPageSize(limit);
    return this.runner.read(async (db) =>
      (
        await db.rows<CheckpointRow>(
          `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY created_at DESC, id DESC LIMIT ?`,
          [pageSize],
        )
      ).map(toCheckpoint),
    );
  }

  /** One transaction a page (the caller's, about 1,000 heads), in multi-row INSERTs. */
  override async saveCheckpointHeads(checkpointId: string, heads: readonly CheckpointHead[]): Promise<boolean> {
    await this.runner.transaction(async (db) => {
      for (let start = 0; start < heads.length; start += HEADS_PER_INSERT) {
        const chunk = heads.slice(start, start + HEADS_PER_INSERT);
        await db.run(
          `INSERT INTO audit_checkpoint_heads (checkpoint_id, proposal_id, seq, hash) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((head) => [checkpointId, head.proposalId, head.seq, head.hash]),
        );
      }
    });
    return true;
  }

  override async *checkpointHeads(checkpointId: string, pageSize = AUDIT_PAGE_SIZE): AsyncIterable<CheckpointHead[]> {
    const limit = checkedPageSize(pageSize);
    const columns = 'proposal_id, seq, hash FROM audit_checkpoint_heads WHERE checkpoint_id = ?';
    let afterId: string | null = null;
    for (;;) {
      const sql: string =
        afterId === null
          ? `SELECT ${columns} ORDER BY proposal_id LIMIT ?`
          : `SELECT ${columns} AND proposal_id > ? ORDER BY proposal_id LIMIT ?`;
      const params: unknown[] = afterId === null ? [checkpointId, limit] : [checkpointId, afterId, limit];
      const rows = await this.readPage<{ proposal_id: string; seq: number | string; hash: string }>(sql, params);
      const page: CheckpointHead[] = rows.map((row) => ({ proposalId: row.proposal_id, seq: Number(row.seq), hash: row.hash }));
      if (page.length > 0) yield page;
      if (page.length < limit) return;
      afterId = page[page.length - 1].proposalId;
    }
  }

  checkpoint(id: string): Promise<StoredCheckpoint | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE id = ?`, [id]);
      return row ? toCheckpoint(row) : null;
    });
  }
}
