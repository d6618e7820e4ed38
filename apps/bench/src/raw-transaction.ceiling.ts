import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { eventHash, GENESIS_HASH } from '#audit';
import type { Actor } from '#kernel';
import { dataSourceOptions } from '#persistence';
import type { EventRequest } from '#proposals';
import { CURRENT_MACHINE_VERSION, restore, startProposal, step, toStored, type ProposalEvent, type StoredSnapshot } from '#workflows/proposal';
import { draftFor } from './fixtures.js';

/**
 * The ceiling of issue 14: the application's design with no framework around it, what "persisted transitions
 * per second" could be at best on this machine and this SQLite file. A transition is ONE transaction on raw
 * better-sqlite3: BEGIN IMMEDIATE, read the proposal row, parse its snapshot, step the workflow's own machine
 * (the pure functions of #workflows/proposal that the use cases call), seal the event in the same SHA-256 chain
 * (#audit's eventHash), compare-and-set the row, insert the event, insert the outbox row, COMMIT.
 *
 * What it leaves out, on purpose: the rulebook and the document checks, access checks, idempotency, quota
 * counters, deadlines and warnings, Nest, TypeORM and the app's write lock, and every index but the primary
 * keys (the app's tables carry secondary ones). The file is opened with the app's own pragmas.
 */

interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
export interface RawSqlite {
  prepare(sql: string): Statement;
  pragma(source: string): unknown;
  exec(sql: string): void;
  close(): void;
}
type SqliteOpener = new (file: string, options: { timeout?: number }) => RawSqlite;
/** better-sqlite3 ships no types; the few calls made here are typed above. */
const Sqlite = createRequire(import.meta.url)('better-sqlite3') as SqliteOpener;

/**
 * Opens `file` as the application opens its SQLite database: the same busy timeout, the same pragma hook
 * (dataSourceOptions of #persistence), WAL when the app asks for it. Only the opening is borrowed.
 */
export function openLikeTheApp(file: string): RawSqlite {
  const options = dataSourceOptions({ kind: 'sqlite', path: file, url: `sqlite:${file}` }) as {
    timeout?: number;
    enableWAL?: boolean;
    prepareDatabase?: (db: RawSqlite) => unknown;
  };
  const db = new Sqlite(file, { timeout: options.timeout });
  options.prepareDatabase?.(db);
  if (options.enableWAL) db.pragma('journal_mode = WAL');
  return db;
}

/** The same three tables as the app's, primary keys only, with the columns this design needs. */
const SCHEMA = `
  CREATE TABLE proposals (id VARCHAR(36) PRIMARY KEY, state VARCHAR(40) NOT NULL, snapshot TEXT NOT NULL, version INTEGER NOT NULL,
                          last_hash VARCHAR(64) NOT NULL);
  CREATE TABLE proposal_events (proposal_id VARCHAR(36) NOT NULL, seq INTEGER NOT NULL, type VARCHAR(40) NOT NULL, actor TEXT NOT NULL,
                                at VARCHAR(30) NOT NULL, payload TEXT NOT NULL, machine_version INTEGER NOT NULL, state VARCHAR(40) NOT NULL,
                                prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL, PRIMARY KEY (proposal_id, seq));
  CREATE TABLE outbox (id INTEGER PRIMARY KEY, topic VARCHAR(100) NOT NULL, message_key VARCHAR(200) NOT NULL,
                       payload TEXT NOT NULL, created_at VARCHAR(30) NOT NULL);
`;

interface Head {
  state: string;
  snapshot: string;
  version: number;
  last_hash: string;
}

export class RawTransactionCeiling {
  private readonly db: RawSqlite;
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly rollback: Statement;
  private readonly load: Statement;
  private readonly insertProposal: Statement;
  private readonly advance: Statement;
  private readonly insertEvent: Statement;
  private readonly enqueue: Statement;

  constructor(readonly file: string) {
    this.db = openLikeTheApp(file);
    this.db.exec(SCHEMA);
    const prepare = (sql: string) => this.db.prepare(sql);
    this.begin = prepare('BEGIN IMMEDIATE');
    this.commit = prepare('COMMIT');
    this.rollback = prepare('ROLLBACK');
    this.load = prepare('SELECT state, snapshot, version, last_hash FROM proposals WHERE id = ?');
    this.insertProposal = prepare('INSERT INTO proposals (id, state, snapshot, version, last_hash) VALUES (?, ?, ?, ?, ?)');
    this.advance = prepare('UPDATE proposals SET state = ?, snapshot = ?, version = ?, last_hash = ? WHERE id = ? AND version = ?');
    this.insertEvent = prepare(
      'INSERT INTO proposal_events (proposal_id, seq, type, actor, at, payload, machine_version, state, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.enqueue = prepare('INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)');
  }

  private inTransaction<T>(work: () => T): T {
    this.begin.run();
    try {
      const result = work();
      this.commit.run();
      return result;
    } catch (error) {
      this.rollback.run();
      throw error;
    }
  }

  /** The creation: the machine's initial snapshot, the first event of the chain, its outbox row. Answers the id. */
  create(actor: Actor, unitId: string, campaignId: string, index: number): string {
    return this.inTransaction(() => {
      const input = { proposalId: randomUUID(), ...draftFor(unitId, campaignId, index) };
      const snapshot = startProposal(CURRENT_MACHINE_VERSION, input);
      const at = new Date().toISOString();
      const body = { proposalId: input.proposalId, seq: 1, type: 'CREATED', actor, at, payload: { ...input }, machineVersion: CURRENT_MACHINE_VERSION, state: snapshot.value };
      const hash = eventHash(GENESIS_HASH, body);
      this.insertProposal.run(input.proposalId, snapshot.value, JSON.stringify(snapshot), 1, hash);
      this.logEvent(body, GENESIS_HASH, hash);
      this.enqueue.run('proposal.created', `${input.proposalId}:1`, JSON.stringify({ proposalId: input.proposalId, seq: 1, state: snapshot.value, at }), at);
      return input.proposalId;
    });
  }

  /** One event: read, step, seal, compare-and-set, append, enqueue. Answers the state reached. */
  apply(proposalId: string, actor: Actor, request: EventRequest): string {
    return this.inTransaction(() => {
      const head = this.load.get(proposalId) as Head | undefined;
      if (!head) throw new Error(`ceiling: proposal ${proposalId} is not there`);
      const stored = JSON.parse(head.snapshot) as StoredSnapshot;
      const at = new Date().toISOString();
      const { type, ...fields } = request;
      const next = toStored(step(CURRENT_MACHINE_VERSION, restore(CURRENT_MACHINE_VERSION, stored), { ...request, actor, at } as ProposalEvent).next);
      // A refused event leaves the machine where it was: the walk would be measuring nothing.
      if (next.value === head.state) throw new Error(`ceiling: the machine did not take ${type} in ${head.state}`);
      const seq = head.version + 1;
      const body = { proposalId, seq, type, actor, at, payload: fields, machineVersion: CURRENT_MACHINE_VERSION, state: next.value };
      const hash = eventHash(head.last_hash, body);
      if (this.advance.run(next.value, JSON.stringify(next), seq, hash, proposalId, head.version).changes !== 1) {
        throw new Error(`ceiling: lost the compare-and-set on ${proposalId}`);
      }
      this.logEvent(body, head.last_hash, hash);
      const message = { proposalId, seq, type, from: head.state, to: next.value, at };
      this.enqueue.run('proposal.transitioned', `${proposalId}:${seq}`, JSON.stringify(message), at);
      return next.value;
    });
  }

  private logEvent(body: Parameters<typeof eventHash>[1], prevHash: string, hash: string): void {
    const { proposalId, seq, type, actor, at, payload, machineVersion, state } = body;
    this.insertEvent.run(proposalId, seq, type, JSON.stringify(actor), at, JSON.stringify(payload), machineVersion, state, prevHash, hash);
  }

  /**
   * The least a relay writes: read a batch of the outbox as the app's store reads it, then delete it, one
   * transaction a batch. Answers the messages relayed.
   */
  relay(batch = 500): number {
    const pending = this.db.prepare('SELECT id, topic, message_key, payload, created_at FROM outbox ORDER BY id LIMIT ?');
    let relayed = 0;
    for (;;) {
      const rows = pending.all(batch) as { id: number; payload: string }[];
      if (rows.length === 0) return relayed;
      for (const row of rows) JSON.parse(row.payload);
      this.inTransaction(() => this.db.prepare(`DELETE FROM outbox WHERE id IN (${rows.map(() => '?').join(', ')})`).run(...rows.map((row) => row.id)));
      relayed += rows.length;
    }
  }

  /** Copies the WAL into the database file and empties it: what the walk wrote is then written for good. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  counts(): { awarded: number; events: number; outbox: number } {
    return this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM proposals WHERE state = 'awarded') AS awarded, (SELECT COUNT(*) FROM proposal_events) AS events,
                (SELECT COUNT(*) FROM outbox) AS outbox`,
      )
      .get() as { awarded: number; events: number; outbox: number };
  }

  sqliteVersion(): string {
    return (this.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  }

  close(): void {
    this.db.close();
  }
}
