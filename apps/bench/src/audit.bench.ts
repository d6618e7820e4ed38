import 'reflect-metadata';
import { createHash, hash as oneShotHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { recordCpuProfile } from './cpu-profile.js';
import os from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  AuditLog,
  canonicalJson,
  createCheckpoint,
  eventHash,
  generateCheckpointKeyPair,
  replayTo,
  snapshotsMatch,
  verifyLog,
  type AuditedEvent,
  type AuditedProposal,
  type EventRange,
  type LogVerification,
  type ReplayResult,
  type StoredCheckpoint,
} from '#audit';
import { AUDIT_PAGE_SIZE, openDatabase, SqlAuditLog, SqlTransactionRunner, toLoggedEvent } from '#persistence';
import {
  AUDIT_WALK,
  BENCH_UNIT_ID,
  EVENTS_PER_PROPOSAL,
  FIRST_CREATED_MS,
  LAST_EVENT_MS,
  nomineeName,
  ProposalLogFactory,
  type ProposalRows,
} from './audit-fixtures.js';
import { commandLine, describeError, fmt, intFromEnv, loadAverage, machineIdlePercent, memoryAfterGc, now, table, type MemoryPoint } from './bench-support.js';

/**
 * `npm run bench` (ISSUE 5, "Performance"): how fast the audit log is verified and replayed, and whether memory
 * stays flat while it is. A fresh SQLite file in the temp folder is filled with BENCH_AUDIT_EVENTS events
 * (1,000,000 by default): genuine proposal logs of machine v2, sealed in a hash chain, with the proposal rows
 * the command path would leave. Then, each pass measured the same way (wall time without the forced-GC pauses,
 * memory sampled every 100 ms, heap after a forced GC at 25, 50 and 100 %):
 *
 *   read only    every page of proposals and events through SqlAuditLog, nothing checked (the floor);
 *   verify       verifyLog(auditLog, {replay: false}): the chain alone;
 *   verify       verifyLog(auditLog): the chain and every proposal replayed against its stored snapshot;
 *   replay       replayTo(events) of every proposal, its events read through auditLog.events();
 *   checkpoint   createCheckpoint over the whole log (Merkle root of every proposal's head, signed).
 *
 * When verify misses the aim (or BENCH_AUDIT_PROFILE=1), a prefix of the log is verified again under the V8
 * profiler and its pieces are timed one by one, to say where the time goes. Prints numbers; asserts none of
 * them, but exits 1 when a pass finds the log broken (the data is genuine: a break is a bug somewhere).
 * Progress goes to stderr, the report to stdout.
 *
 * Settings (env): BENCH_AUDIT_EVENTS (1,000,000), BENCH_AUDIT_PAGE_SIZE (SqlAuditLog's own default),
 * BENCH_AUDIT_BATCH (proposals per insert transaction, 2,000), BENCH_AUDIT_PROFILE (auto | 1 | 0),
 * BENCH_AUDIT_PROFILE_EVENTS (100,000), BENCH_PROFILE_DIR (also write the raw .cpuprofile there).
 */

function profileMode(): 'auto' | 'on' | 'off' {
  const raw = (process.env.BENCH_AUDIT_PROFILE ?? 'auto').trim().toLowerCase();
  if (raw === 'auto' || raw === '') return 'auto';
  if (['1', 'on', 'true', 'yes'].includes(raw)) return 'on';
  if (['0', 'off', 'false', 'no'].includes(raw)) return 'off';
  throw new Error(`BENCH_AUDIT_PROFILE="${raw}": use auto, 1 or 0`);
}

const settings = {
  events: intFromEnv('BENCH_AUDIT_EVENTS', 1_000_000, EVENTS_PER_PROPOSAL),
  /** undefined: the adapter's own default, as the application calls it. */
  pageSize: process.env.BENCH_AUDIT_PAGE_SIZE ? intFromEnv('BENCH_AUDIT_PAGE_SIZE', AUDIT_PAGE_SIZE) : undefined,
  batch: intFromEnv('BENCH_AUDIT_BATCH', 2_000),
  profile: profileMode(),
  profileEvents: intFromEnv('BENCH_AUDIT_PROFILE_EVENTS', 100_000, EVENTS_PER_PROPOSAL),
};
const PROPOSALS = Math.ceil(settings.events / EVENTS_PER_PROPOSAL);
const PAGE_SIZE = settings.pageSize ?? AUDIT_PAGE_SIZE;

const AIM_EVENTS_PER_S = 100_000;
const AIM_LINE = 'Aim (ISSUE 5): verify over 100,000 events/s, memory flat.';
/** Heap after a forced GC may rise this much from the 25 % mark to the end and still count as flat. */
const FLAT_TOLERANCE_MB = 2;
const SAMPLE_EVERY_MS = 100;
const PROGRESS_EVERY_MS = 3_000;
const DAY_MS = 86_400_000;

const runStarted = now();
const log = (line: string) => process.stderr.write(`[audit ${((now() - runStarted) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
const int = (n: number) => fmt(n, 0);
const mb = (bytes: number) => bytes / 1024 / 1024;

/* ---------------------------------------------------------------------------------------------------------- */
/* The temp file                                                                                                */

const tempDirs = new Set<string>();
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const fileSizeMb = (path: string) => {
  try {
    return mb(statSync(path).size);
  } catch {
    return 0;
  }
};

/** better-sqlite3's connection, which TypeORM's driver holds: the few calls the set-up and the micro timings make. */
interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
}

const sqliteOf = (dataSource: DataSource) =>
  (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;

/* ---------------------------------------------------------------------------------------------------------- */
/* Set-up: the log, straight into the tables                                                                    */

const PROPOSAL_COLUMNS = [
  'id', 'kind', 'unit_id', 'campaign_id', 'award_form', 'state', 'snapshot', 'version', 'machine_version', 'late',
  'escalation', 'last_seq', 'last_hash', 'created_at', 'updated_at', 'warnings', 'late_rule', 'deadline_rule',
  'deadline_due_date', 'deadline_due_at', 'deadline_provisional',
];
const EVENT_COLUMNS = ['proposal_id', 'seq', 'type', 'actor', 'at', 'payload', 'machine_version', 'state', 'prev_hash', 'hash'];
const insertSql = (tableName: string, columns: string[]) =>
  `INSERT INTO ${tableName} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

const rowParams = (row: ProposalRows['row']) => [
  row.id, row.kind, row.unitId, row.campaignId, row.awardForm, row.state, row.snapshotJson, row.version, row.machineVersion,
  row.late, row.escalation, row.lastSeq, row.lastHash, row.createdAt, row.updatedAt, row.warningsJson, row.lateRule,
  row.deadlineRule, row.deadlineDueDate, row.deadlineDueAt, row.deadlineProvisional,
];

interface SetupResult {
  dataSource: DataSource;
  file: string;
  proposals: number;
  events: number;
  migrateMs: number;
  generateMs: number;
  insertMs: number;
  walCheckpointMs: number;
  totalMs: number;
  selfChecked: number;
  fileMb: number;
  sqliteVersion: string;
}

async function setup(dir: string): Promise<SetupResult> {
  const started = now();
  const file = join(dir, 'audit.sqlite');
  const dataSource = await openDatabase({ kind: 'sqlite', path: file, url: `sqlite:${file}` }, true);
  try {
    const migrateMs = now() - started;
    const db = sqliteOf(dataSource);
    db.prepare('INSERT INTO units (id, code, name, created_at) VALUES (?, ?, ?, ?)').run(
      BENCH_UNIT_ID,
      'BENCH-AUDIT',
      'Đơn vị đo hiệu năng nhật ký',
      new Date(FIRST_CREATED_MS - DAY_MS).toISOString(),
    );
    const insertProposal = db.prepare(insertSql('proposals', PROPOSAL_COLUMNS));
    const insertEvent = db.prepare(insertSql('proposal_events', EVENT_COLUMNS));

    const factory = new ProposalLogFactory();
    // Creations spread over at most a day, so that every proposal meets its DX-4 deadline as the template does.
    const spacingMs = Math.max(1, Math.min(1_000, Math.floor(DAY_MS / PROPOSALS)));
    // Some proposals are also made the long way (the machine, step by step) and compared with the shortcut.
    const checked = new Set([0, PROPOSALS - 1, ...Array.from({ length: 7 }, (_, k) => Math.floor(((k + 1) * PROPOSALS) / 8))]);
    let generateMs = 0;
    let insertMs = 0;
    let events = 0;
    let lastLine = now();
    log(`setup: ${int(settings.events)} events = ${int(PROPOSALS)} proposals × ${EVENTS_PER_PROPOSAL}, into ${file}`);

    for (let first = 0; first < PROPOSALS; first += settings.batch) {
      const end = Math.min(PROPOSALS, first + settings.batch);
      const t0 = now();
      const built: ProposalRows[] = [];
      for (let index = first; index < end; index++) {
        const id = randomUUID();
        const name = nomineeName(index);
        const length = Math.min(EVENTS_PER_PROPOSAL, settings.events - index * EVENTS_PER_PROPOSAL);
        if (checked.has(index)) {
          const problem = factory.check(id, name, index * spacingMs, length);
          if (problem) throw new Error(`set-up self-check, proposal ${index}: the substituted log is not the walked one: ${problem}`);
        }
        built.push(factory.build(id, name, index * spacingMs, length));
      }
      const t1 = now();
      generateMs += t1 - t0;
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const proposal of built) insertProposal.run(...rowParams(proposal.row));
        // Seq by seq across the batch: a proposal's lines lie apart in the table, as when many proposals move at once.
        for (let seq = 0; seq < EVENTS_PER_PROPOSAL; seq++) {
          for (const proposal of built) {
            const e = proposal.events[seq];
            if (!e) continue;
            insertEvent.run(e.proposalId, e.seq, e.type, e.actorJson, e.at, e.payloadJson, e.machineVersion, e.state, e.prevHash, e.hash);
            events++;
          }
        }
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
      insertMs += now() - t1;
      if (now() - lastLine >= PROGRESS_EVERY_MS || end === PROPOSALS) {
        lastLine = now();
        const seconds = (now() - started) / 1000;
        log(
          `setup: ${String(Math.round((events / settings.events) * 100)).padStart(3)}%  ${int(events)}/${int(settings.events)} events, ` +
            `${fmt(seconds, 1)} s, ${int(events / seconds)} events/s (generate+seal ${fmt(generateMs / 1000, 1)} s, insert ${fmt(insertMs / 1000, 1)} s)`,
        );
      }
    }
    const t2 = now();
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const walCheckpointMs = now() - t2;
    const counted = db.prepare('SELECT (SELECT COUNT(*) FROM proposals) AS p, (SELECT COUNT(*) FROM proposal_events) AS e').get() as { p: number; e: number };
    if (Number(counted.p) !== PROPOSALS || Number(counted.e) !== settings.events) {
      throw new Error(`set-up wrote ${counted.p} proposals and ${counted.e} events, not ${PROPOSALS} and ${settings.events}`);
    }
    const { v } = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    return {
      dataSource,
      file,
      proposals: PROPOSALS,
      events,
      migrateMs,
      generateMs,
      insertMs,
      walCheckpointMs,
      totalMs: now() - started,
      selfChecked: checked.size,
      fileMb: fileSizeMb(file) + fileSizeMb(`${file}-wal`),
      sqliteVersion: v,
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Measuring a pass                                                                                             */

/**
 * Time and memory of one pass. The walks never give the event loop a turn (better-sqlite3 is synchronous and
 * the lock is free, so every await settles as a microtask): a setInterval would never fire. Memory is read
 * instead from `tick`, which every pass calls once a page (verifyLog through onProgress), whenever 100 ms have
 * passed since the last reading. At 25, 50 and 100 % it forces a full GC and reads the heap; those pauses are
 * not counted in the pass's time.
 */
class Meter {
  private static readonly MARKS = [0.25, 0.5, 1];
  private nextMark = 0;
  private started = 0;
  private lastSample = 0;
  private lastLine = 0;
  private pausedMs = 0;
  private done = 0;
  private cpuAtStart: NodeJS.CpuUsage = process.cpuUsage();
  readonly points: MemoryPoint[] = [];
  peakHeapMb = 0;
  peakRssMb = 0;
  samples = 0;

  constructor(
    readonly label: string,
    readonly total: number,
  ) {}

  start(): this {
    this.points.push(memoryAfterGc('start'));
    this.sample();
    this.started = this.lastSample = this.lastLine = now();
    this.cpuAtStart = process.cpuUsage();
    return this;
  }

  private sample(): void {
    const usage = process.memoryUsage();
    this.peakHeapMb = Math.max(this.peakHeapMb, mb(usage.heapUsed));
    this.peakRssMb = Math.max(this.peakRssMb, mb(usage.rss));
    this.samples++;
  }

  tick(done: number): void {
    this.done = done;
    const t = now();
    if (t - this.lastSample >= SAMPLE_EVERY_MS) {
      this.sample();
      this.lastSample = t;
    }
    while (this.nextMark < Meter.MARKS.length && done >= Meter.MARKS[this.nextMark] * this.total) {
      const mark = `${Math.round(Meter.MARKS[this.nextMark] * 100)}%`;
      this.sample();
      this.points.push(memoryAfterGc(mark));
      this.nextMark++;
      this.pausedMs += now() - t;
    }
    if (t - this.lastLine >= PROGRESS_EVERY_MS) {
      this.lastLine = t;
      const seconds = this.elapsedMs() / 1000;
      log(
        `${this.label}: ${String(Math.floor((done / this.total) * 100)).padStart(3)}%  ${int(done)}/${int(this.total)} events, ` +
          `${fmt(seconds, 1)} s, ${int(done / seconds)} events/s, heap ${fmt(mb(process.memoryUsage().heapUsed), 0)} MB`,
      );
    }
  }

  private elapsedMs(): number {
    return now() - this.started - this.pausedMs;
  }

  finish(): { elapsedMs: number; pausedMs: number; cpuPercent: number } {
    const wallMs = now() - this.started;
    const elapsedMs = this.elapsedMs();
    const cpu = process.cpuUsage(this.cpuAtStart);
    this.sample();
    // A pass that ended short of 100 % still gets its end-of-walk reading.
    if (this.nextMark < Meter.MARKS.length) this.points.push(memoryAfterGc('end'));
    log(`${this.label}: done, ${int(this.done)} events in ${fmt(elapsedMs / 1000, 2)} s = ${int((this.done * 1000) / elapsedMs)} events/s`);
    return { elapsedMs, pausedMs: this.pausedMs, cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100 };
  }
}

interface PassResult {
  name: string;
  events: number;
  proposals: number;
  elapsedMs: number;
  pausedMs: number;
  cpuPercent: number;
  points: MemoryPoint[];
  peakHeapMb: number;
  peakRssMb: number;
  samples: number;
  problems: string[];
  notes: string[];
}

const rateOf = (pass: Pick<PassResult, 'events' | 'elapsedMs'>) => (pass.events * 1000) / pass.elapsedMs;

function passResult(meter: Meter, fields: { events: number; proposals: number; problems: string[]; notes?: string[] }): PassResult {
  const timing = meter.finish();
  return {
    name: meter.label,
    ...fields,
    notes: fields.notes ?? [],
    ...timing,
    points: meter.points,
    peakHeapMb: meter.peakHeapMb,
    peakRssMb: meter.peakRssMb,
    samples: meter.samples,
  };
}

/** The AuditLog with a hook on every page of events it hands out (createCheckpoint has no progress callback). */
class MeteredAuditLog extends AuditLog {
  constructor(
    private readonly inner: AuditLog,
    private readonly onEvents: (eventsSoFar: number) => void,
  ) {
    super();
  }

  proposals(pageSize?: number): AsyncIterable<AuditedProposal[]> {
    return this.inner.proposals(pageSize);
  }

  async *events(range?: EventRange, pageSize?: number): AsyncIterable<AuditedEvent[]> {
    let seen = 0;
    for await (const page of this.inner.events(range, pageSize)) {
      seen += page.length;
      this.onEvents(seen);
      yield page;
    }
  }

  proposal(id: string) {
    return this.inner.proposal(id);
  }
  eventsOf(proposalId: string) {
    return this.inner.eventsOf(proposalId);
  }
  saveCheckpoint(checkpoint: StoredCheckpoint) {
    return this.inner.saveCheckpoint(checkpoint);
  }
  checkpoints(limit: number) {
    return this.inner.checkpoints(limit);
  }
  checkpoint(id: string) {
    return this.inner.checkpoint(id);
  }
}

/** The log up to and including one proposal id (in id order): the profiled prefix. */
class PrefixAuditLog extends MeteredAuditLog {
  constructor(
    inner: AuditLog,
    private readonly lastId: string,
  ) {
    super(inner, () => undefined);
  }

  override async *proposals(pageSize?: number): AsyncIterable<AuditedProposal[]> {
    for await (const page of super.proposals(pageSize)) {
      const kept = page.filter((row) => row.id <= this.lastId);
      if (kept.length) yield kept;
      if (kept.length < page.length) return;
    }
  }

  override async *events(range?: EventRange, pageSize?: number): AsyncIterable<AuditedEvent[]> {
    for await (const page of super.events(range, pageSize)) {
      const kept = page.filter((event) => event.proposalId <= this.lastId);
      if (kept.length) yield kept;
      if (kept.length < page.length) return;
    }
  }
}

function describeVerification(result: LogVerification, events: number, proposals: number): string[] {
  const problems: string[] = [];
  if (!result.ok) {
    const first = result.broken.slice(0, 3).map((b) => JSON.stringify(b)).join('; ');
    problems.push(`${result.broken.length}${result.truncated ? '+' : ''} broken proposals, first: ${first}`);
  }
  if (result.events !== events || result.proposals !== proposals) {
    problems.push(`walked ${result.proposals} proposals and ${result.events} events, not ${proposals} and ${events}`);
  }
  return problems;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* The passes                                                                                                   */

async function readOnlyPass(auditLog: AuditLog): Promise<PassResult> {
  const meter = new Meter('read only', settings.events).start();
  let proposals = 0;
  for await (const page of auditLog.proposals(settings.pageSize)) {
    proposals += page.length;
    meter.tick(0);
  }
  let events = 0;
  for await (const page of auditLog.events(undefined, settings.pageSize)) {
    events += page.length;
    meter.tick(events);
  }
  const problems = events === settings.events && proposals === PROPOSALS ? [] : [`read ${proposals} proposals and ${events} events`];
  return passResult(meter, { events, proposals, problems });
}

async function verifyPass(auditLog: AuditLog, replay: boolean): Promise<PassResult> {
  const meter = new Meter(replay ? 'verify, chain + replay' : 'verify, chain only', settings.events).start();
  const result = await verifyLog(auditLog, { replay, pageSize: settings.pageSize, onProgress: ({ events }) => meter.tick(events) });
  return passResult(meter, {
    events: result.events,
    proposals: result.proposals,
    problems: describeVerification(result, settings.events, PROPOSALS),
  });
}

async function replayPass(auditLog: AuditLog): Promise<PassResult> {
  const meter = new Meter('replay alone', settings.events).start();
  const problems: string[] = [];
  let failures = 0;
  let proposals = 0;
  let events = 0;
  let replayMs = 0;
  let held: AuditedEvent[] = [];
  const replayHeld = () => {
    const t = now();
    const result = replayTo(held);
    replayMs += now() - t;
    const last = held[held.length - 1];
    proposals++;
    if (result.failure || result.state !== last.state || result.seq !== last.seq) {
      failures++;
      if (problems.length < 3) {
        problems.push(`${last.proposalId}: ${result.failure ? `seq ${result.failure.seq}: ${result.failure.message}` : `ends in ${result.state} at seq ${result.seq}`}`);
      }
    }
  };
  for await (const page of auditLog.events(undefined, settings.pageSize)) {
    for (const event of page) {
      if (held.length > 0 && event.proposalId !== held[0].proposalId) {
        replayHeld();
        held = [];
      }
      held.push(event);
    }
    events += page.length;
    meter.tick(events);
  }
  if (held.length > 0) replayHeld();
  if (failures) problems.unshift(`${failures} proposals did not replay`);
  if (proposals !== PROPOSALS || events !== settings.events) problems.push(`replayed ${proposals} proposals and ${events} events`);
  return passResult(meter, {
    events,
    proposals,
    problems,
    notes: [
      `replay alone: ${fmt(replayMs / 1000, 2)} s of it inside replayTo = ${int((events * 1000) / replayMs)} events/s, ` +
        `${fmt((replayMs * 1000) / Math.max(1, events), 1)} µs an event (the rest: reading and mapping the pages)`,
    ],
  });
}

async function checkpointPass(auditLog: AuditLog): Promise<PassResult> {
  const keys = generateCheckpointKeyPair();
  // Every event lies before upTo; `now` may not be earlier than upTo.
  const upTo = new Date(Math.max(Date.now(), LAST_EVENT_MS + 60_000)).toISOString();
  const meter = new Meter('checkpoint', settings.events).start();
  const { checkpoint, heads } = await createCheckpoint(new MeteredAuditLog(auditLog, (n) => meter.tick(n)), {
    upTo,
    now: upTo,
    privateKeyPem: keys.privateKeyPem,
    pageSize: settings.pageSize,
  });
  const problems =
    checkpoint.events === settings.events && checkpoint.proposals === PROPOSALS && heads.length === PROPOSALS
      ? []
      : [`covers ${checkpoint.proposals} proposals, ${checkpoint.events} events, ${heads.length} heads`];
  return passResult(meter, {
    events: checkpoint.events,
    proposals: checkpoint.proposals,
    problems,
    notes: [
      `checkpoint: root ${checkpoint.merkleRoot.slice(0, 16)}…, signed; it returns every head (${int(heads.length)}), held until the end`,
    ],
  });
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Where verify's time goes: the V8 profiler over a prefix, and the pieces timed alone                          */

type Bucket =
  | 'SQL read: SQLite via better-sqlite3 (the runner)'
  | 'SQL read: lock (AsyncMutex)'
  | 'row mapping: JSON.parse of actor, payload'
  | 'row mapping: JSON.parse of snapshot (rows)'
  | 'eventHash: canonical JSON'
  | 'eventHash: SHA-256'
  | 'replay: machine (xstate transition, restore)'
  | 'replay: fold (replayTo, payload spread)'
  | 'snapshot compare: canonical JSON of both'
  | 'verify: merge walk and checks'
  | 'paging: PageCursor, SqlAuditLog generators'
  | 'GC'
  | 'V8 / native, unattributed'
  | 'other (Node internals, microtasks)';

function bucketOf(chain: Profiler.ProfileNode[]): Bucket {
  const leaf = chain[0].callFrame.functionName;
  if (leaf === '(garbage collector)') return 'GC';
  if (leaf === '(program)' || leaf === '(idle)') return 'V8 / native, unattributed';
  for (let i = 0; i < chain.length; i++) {
    const { url, functionName: fn } = chain[i].callFrame;
    if (!url) continue;
    // better-sqlite3 runs a statement inside a C++ API callback, which V8 charges (as native or as self time) to
    // the runner's JS that calls it: the runner's few lines around statement.all are the SQL read itself.
    if (url.includes('/node_modules/better-sqlite3/') || url.endsWith('/sql-transaction-runner.js')) {
      return 'SQL read: SQLite via better-sqlite3 (the runner)';
    }
    if (url.endsWith('/async-mutex.js')) return 'SQL read: lock (AsyncMutex)';
    if (url.endsWith('/sql-proposal.repository.js') && fn === 'toLoggedEvent') return 'row mapping: JSON.parse of actor, payload';
    if (url.endsWith('/sql-audit-log.js')) {
      if (fn === 'toAuditedProposal') return 'row mapping: JSON.parse of snapshot (rows)';
      return 'paging: PageCursor, SqlAuditLog generators';
    }
    if (url.endsWith('/canonical-json.js')) {
      for (let j = i + 1; j < chain.length; j++) {
        const above = chain[j].callFrame.functionName;
        if (above === 'eventHash') return 'eventHash: canonical JSON';
        if (above === 'snapshotsMatch') return 'snapshot compare: canonical JSON of both';
      }
      return 'snapshot compare: canonical JSON of both';
    }
    if (url.endsWith('/event-hash.js')) return 'eventHash: SHA-256';
    if (url.includes('/node_modules/xstate/') || url.includes('/dist/workflows/')) return 'replay: machine (xstate transition, restore)';
    if (url.endsWith('/proposal-replay.js')) {
      return fn === 'snapshotsMatch' ? 'snapshot compare: canonical JSON of both' : 'replay: fold (replayTo, payload spread)';
    }
    if (url.endsWith('/chain-verifier.js') || url.endsWith('/log-verifier.js')) return 'verify: merge walk and checks';
    if (url.endsWith('/page-cursor.js') || url.includes('/dist/apps/bench/')) return 'paging: PageCursor, SqlAuditLog generators';
  }
  return 'other (Node internals, microtasks)';
}

interface ProfileSummary {
  totalMs: number;
  samples: number;
  byBucket: Map<Bucket, number>;
}

async function profiled<T>(work: () => Promise<T>, saveAs: string, intervalUs = 250): Promise<{ result: T; summary: ProfileSummary }> {
  const { result, profile } = await recordCpuProfile(work, saveAs, intervalUs);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const cache = new Map<number, Bucket>();
  const byBucket = new Map<Bucket, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalUs = 0;
  for (let i = 0; i < samples.length; i++) {
    let bucket = cache.get(samples[i]);
    if (!bucket) {
      const chain: Profiler.ProfileNode[] = [];
      for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) chain.push(nodes.get(id)!);
      bucket = bucketOf(chain);
      cache.set(samples[i], bucket);
    }
    const us = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + us / 1000);
    totalUs += us;
  }
  return { result, summary: { totalMs: totalUs / 1000, samples: samples.length, byBucket } };
}

interface ProfileOutcome {
  events: number;
  proposals: number;
  runs: { name: string; summary: ProfileSummary; elapsedMs: number; ok: boolean }[];
}

interface Prefix {
  proposals: number;
  events: number;
  lastId: string;
}

/** The first proposals in id order, about BENCH_AUDIT_PROFILE_EVENTS events: what the profile and the pieces walk. */
function prefixOf(db: SqliteConnection): Prefix {
  const proposals = Math.min(PROPOSALS, Math.ceil(settings.profileEvents / EVENTS_PER_PROPOSAL));
  const { id: lastId } = db.prepare('SELECT id FROM proposals ORDER BY id LIMIT 1 OFFSET ?').get(proposals - 1) as { id: string };
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM proposal_events WHERE proposal_id <= ?').get(lastId) as { n: number };
  return { proposals, events: Number(n), lastId };
}

async function profilePrefix(auditLog: AuditLog, { proposals, events, lastId }: Prefix): Promise<ProfileOutcome> {
  const prefix = new PrefixAuditLog(auditLog, lastId);
  const runs: ProfileOutcome['runs'] = [];
  for (const replay of [false, true]) {
    const name = replay ? 'chain + replay' : 'chain only';
    log(`profile: verifyLog (${name}) over the first ${int(proposals)} proposals, ${int(events)} events, V8 sampler every 250 µs`);
    const t = now();
    const { result, summary } = await profiled(() => verifyLog(prefix, { replay, pageSize: settings.pageSize }), `audit-verify-${replay ? 'replay' : 'chain'}`);
    runs.push({ name, summary, elapsedMs: now() - t, ok: result.ok && result.events === events });
  }
  return { events, proposals, runs };
}

interface Piece {
  name: string;
  totalMs: number;
  count: number;
  /** µs per event (pieces done once a proposal are spread over its events). */
  usPerEvent: number;
  unit: string;
  /** A breakdown of the line above, or an alternative: left out of the sum. */
  part?: boolean;
}

/**
 * The pieces of verify timed one at a time over the same prefix, outside the adapter, each on data the one
 * before produced: the SQL of a page (raw rows), the rows' mapping (toLoggedEvent, JSON.parse), eventHash,
 * replayTo and snapshotsMatch, and the proposal rows' SQL and mapping.
 */
function timePieces(db: SqliteConnection, events: number): { pieces: Piece[]; plan: string[] } {
  const columns = EVENT_COLUMNS.join(', ');
  const pageSql = `SELECT ${columns} FROM proposal_events WHERE (proposal_id, seq) > (?, ?) ORDER BY proposal_id, seq LIMIT ?`;
  const headSql = 'SELECT id, machine_version, snapshot, version, last_seq, last_hash FROM proposals WHERE id > ? ORDER BY id LIMIT ?';
  const page = db.prepare(pageSql);
  const heads = db.prepare(headSql);
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${pageSql}`).all('', 0, PAGE_SIZE) as { detail: string }[]).map((row) => row.detail);

  let sqlMs = 0;
  let mapMs = 0;
  let hashMs = 0;
  let canonicalMs = 0;
  let shaMs = 0;
  let oneShotMs = 0;
  let oneShotDiffers = 0;
  let replayMs = 0;
  let read = 0;
  let afterId = '';
  let afterSeq = 0;
  let held: AuditedEvent[] = [];
  const replayed = new Map<string, ReplayResult>();
  const replayHeld = () => {
    const t = now();
    const result = replayTo(held);
    replayMs += now() - t;
    replayed.set(held[0].proposalId, result);
  };
  let badHashes = 0;
  while (read < events) {
    const t0 = now();
    const rows = page.all(afterId, afterSeq, Math.min(PAGE_SIZE, events - read)) as Parameters<typeof toLoggedEvent>[0][];
    const t1 = now();
    const mapped = rows.map(toLoggedEvent);
    const t2 = now();
    for (const event of mapped) if (eventHash(event.prevHash, event) !== event.hash) badHashes++;
    const t3 = now();
    // eventHash's two halves, and the same bytes hashed in one call: what a one-shot digest would cost.
    const texts = mapped.map((e) =>
      canonicalJson({ proposalId: e.proposalId, seq: e.seq, type: e.type, actor: e.actor, at: e.at, payload: e.payload, machineVersion: e.machineVersion, state: e.state }),
    );
    const t4 = now();
    for (let i = 0; i < mapped.length; i++) createHash('sha256').update(`${mapped[i].prevHash}\n${texts[i]}`).digest('hex');
    const t5 = now();
    for (let i = 0; i < mapped.length; i++) if (oneShotHash('sha256', `${mapped[i].prevHash}\n${texts[i]}`, 'hex') !== mapped[i].hash) oneShotDiffers++;
    const t6 = now();
    sqlMs += t1 - t0;
    mapMs += t2 - t1;
    hashMs += t3 - t2;
    canonicalMs += t4 - t3;
    shaMs += t5 - t4;
    oneShotMs += t6 - t5;
    if (rows.length === 0) break;
    for (const event of mapped) {
      if (held.length > 0 && event.proposalId !== held[0].proposalId) {
        replayHeld();
        held = [];
      }
      held.push(event);
    }
    read += rows.length;
    const last = mapped[mapped.length - 1];
    afterId = last.proposalId;
    afterSeq = last.seq;
  }
  if (held.length > 0) replayHeld();

  let headSqlMs = 0;
  let headMapMs = 0;
  let compareMs = 0;
  let compared = 0;
  let mismatches = 0;
  let afterHead = '';
  while (compared < replayed.size) {
    const t0 = now();
    const rows = heads.all(afterHead, Math.min(PAGE_SIZE, replayed.size - compared)) as { id: string; snapshot: string }[];
    const t1 = now();
    const parsed = rows.map((row) => ({ id: row.id, snapshot: JSON.parse(row.snapshot) as { value: unknown; context: unknown } }));
    const t2 = now();
    for (const row of parsed) {
      const result = replayed.get(row.id);
      if (!result || !snapshotsMatch(result, row.snapshot)) mismatches++;
    }
    const t3 = now();
    headSqlMs += t1 - t0;
    headMapMs += t2 - t1;
    compareMs += t3 - t2;
    if (rows.length === 0) break;
    compared += rows.length;
    afterHead = rows[rows.length - 1].id;
  }
  if (badHashes || mismatches) log(`pieces: ${badHashes} hashes and ${mismatches} snapshots did not match (they should all match)`);

  const perEvent = (ms: number) => (ms * 1000) / Math.max(1, read);
  const pieces: Piece[] = [
    { name: 'SQL: a page of events (statement.all, raw rows)', totalMs: sqlMs, count: read, usPerEvent: perEvent(sqlMs), unit: 'event' },
    { name: 'mapping: toLoggedEvent (JSON.parse actor, payload)', totalMs: mapMs, count: read, usPerEvent: perEvent(mapMs), unit: 'event' },
    { name: 'eventHash (canonical JSON + SHA-256)', totalMs: hashMs, count: read, usPerEvent: perEvent(hashMs), unit: 'event' },
    { name: '  of which: canonicalJson of the sealed body', totalMs: canonicalMs, count: read, usPerEvent: perEvent(canonicalMs), unit: 'event', part: true },
    { name: '  of which: SHA-256 (createHash().update().digest)', totalMs: shaMs, count: read, usPerEvent: perEvent(shaMs), unit: 'event', part: true },
    {
      name: `  alternative: crypto.hash one-shot, same bytes${oneShotDiffers ? ' (DIFFERS!)' : ''}`,
      totalMs: oneShotMs,
      count: read,
      usPerEvent: perEvent(oneShotMs),
      unit: 'event',
      part: true,
    },
    { name: 'replayTo, a proposal at a time', totalMs: replayMs, count: replayed.size, usPerEvent: perEvent(replayMs), unit: 'proposal' },
    { name: 'SQL: a page of proposal rows', totalMs: headSqlMs, count: compared, usPerEvent: perEvent(headSqlMs), unit: 'proposal' },
    { name: 'mapping: JSON.parse of the row snapshot', totalMs: headMapMs, count: compared, usPerEvent: perEvent(headMapMs), unit: 'proposal' },
    { name: 'snapshotsMatch (canonical JSON of both)', totalMs: compareMs, count: compared, usPerEvent: perEvent(compareMs), unit: 'proposal' },
  ];
  return { pieces, plan };
}

const BUCKET_GROUPS: [string, Bucket[]][] = [
  ['SQL read', ['SQL read: SQLite via better-sqlite3 (the runner)', 'SQL read: lock (AsyncMutex)', 'paging: PageCursor, SqlAuditLog generators']],
  ['JSON.parse in row mapping', ['row mapping: JSON.parse of actor, payload', 'row mapping: JSON.parse of snapshot (rows)']],
  ['hashing', ['eventHash: canonical JSON', 'eventHash: SHA-256']],
  ['replay', ['replay: machine (xstate transition, restore)', 'replay: fold (replayTo, payload spread)']],
  ['snapshot compare', ['snapshot compare: canonical JSON of both']],
  ['verify loop', ['verify: merge walk and checks']],
  ['GC', ['GC']],
];

function profileTable(outcome: ProfileOutcome): string {
  const buckets = new Map<Bucket, number>();
  for (const run of outcome.runs) for (const [bucket, ms] of run.summary.byBucket) buckets.set(bucket, Math.max(buckets.get(bucket) ?? 0, ms));
  const shown = [...buckets].sort((a, b) => b[1] - a[1]).map(([bucket]) => bucket);
  const perEvent = (ms: number) => fmt((ms * 1000) / outcome.events, 2);
  const rows = shown.map((bucket) => [
    bucket,
    ...outcome.runs.flatMap((run) => {
      const ms = run.summary.byBucket.get(bucket) ?? 0;
      return [perEvent(ms), fmt((ms / run.summary.totalMs) * 100, 1)];
    }),
  ]);
  rows.push(['total (profiled)', ...outcome.runs.flatMap((run) => [perEvent(run.summary.totalMs), '100.0'])]);
  rows.push(['wall time of the profiled pass', ...outcome.runs.flatMap((run) => [perEvent(run.elapsedMs), ''])]);
  return table(['CPU profile: where samples fall', ...outcome.runs.flatMap((run) => [`${run.name} µs/event`, '%'])], rows);
}

function groupedLine(run: ProfileOutcome['runs'][number], events: number): string {
  const us = (ms: number) => fmt((ms * 1000) / events, 2);
  let grouped = 0;
  const parts = BUCKET_GROUPS.map(([label, buckets]) => {
    const ms = buckets.reduce((sum, bucket) => sum + (run.summary.byBucket.get(bucket) ?? 0), 0);
    grouped += ms;
    return `${label} ${us(ms)} (${fmt((ms / run.summary.totalMs) * 100, 0)} %)`;
  });
  return `${run.name}, µs per event: ${parts.join(', ')}, other ${us(run.summary.totalMs - grouped)}; total ${us(run.summary.totalMs)}`;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Report                                                                                                       */




function header(idlePercent: number): string {
  const cpus = os.cpus();
  const busy = idlePercent < 85 ? '  (something else is using the CPU: numbers may be low)' : '';
  const walk = ['CREATED', ...AUDIT_WALK.map((s) => s.type)].join(' ');
  return [
    `audit log benchmark (ISSUE 5), ${new Date().toISOString()}`,
    `command : ${commandLine('bench', '… && ')}, in ${process.cwd()}`,
    `machine : ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 1024 ** 3)} GiB RAM, ` +
      `${os.type()} ${os.release()} ${os.arch()}, node ${process.version}`,
    `load    : ${fmt(idlePercent, 0)} % of the CPU idle in the second before the start; load average ${loadAverage()} (1/5/15 min)${busy}`,
    `settings: ${int(settings.events)} events = ${int(PROPOSALS)} proposals × ${EVENTS_PER_PROPOSAL} (${walk}; machine v2), ` +
      `page size ${int(PAGE_SIZE)}${settings.pageSize ? '' : " (SqlAuditLog's default)"}, insert batch ${int(settings.batch)} proposals, ` +
      `profile ${settings.profile} (${int(settings.profileEvents)} events)` +
      `${globalThis.gc ? '' : '  (no --expose-gc: heap figures are without a forced GC)'}`,
  ].join('\n');
}

function passRow(pass: PassResult): string[] {
  const at = (mark: string) => pass.points.find((p) => p.mark === mark) ?? (mark === '100%' ? pass.points.find((p) => p.mark === 'end') : undefined);
  const heap = (mark: string) => {
    const point = at(mark);
    return point ? fmt(point.heapUsedMb) : '–';
  };
  return [
    pass.name,
    int(pass.events),
    int(pass.proposals),
    fmt(pass.elapsedMs / 1000, 2),
    int(rateOf(pass)),
    heap('start'),
    heap('25%'),
    heap('50%'),
    heap('100%'),
    fmt(pass.peakHeapMb),
    fmt(at('start')?.rssMb ?? Number.NaN, 0),
    fmt(pass.peakRssMb, 0),
    fmt(pass.cpuPercent, 0),
    pass.problems.length ? 'BROKEN' : 'ok',
  ];
}

/** Heap after a forced GC, from the 25 % mark to the end: what a longer log would add. */
function growth(pass: PassResult): { mb: number; flat: boolean } {
  const quarter = pass.points.find((p) => p.mark === '25%');
  const end = pass.points.find((p) => p.mark === '100%') ?? pass.points.find((p) => p.mark === 'end');
  if (!quarter || !end) return { mb: Number.NaN, flat: false };
  const grew = end.heapUsedMb - quarter.heapUsedMb;
  return { mb: grew, flat: grew <= FLAT_TOLERANCE_MB };
}

const signed = (n: number, digits = 1) => `${n >= 0 ? '+' : ''}${fmt(n, digits)}`;

function verdict(pass: PassResult | undefined): string {
  if (!pass) return 'not run';
  const rate = rateOf(pass);
  return rate >= AIM_EVENTS_PER_S
    ? `${int(rate)} events/s: meets the aim (${fmt(rate / AIM_EVENTS_PER_S, 2)} ×)`
    : `${int(rate)} events/s: BELOW THE AIM (${fmt((rate / AIM_EVENTS_PER_S) * 100, 0)} % of it)`;
}

/* ---------------------------------------------------------------------------------------------------------- */

async function main(): Promise<void> {
  const lines: string[] = [header(await machineIdlePercent()), ''];
  process.stdout.write(`${lines.join('\n')}\n`);
  lines.length = 0;
  let broken = false;

  const dir = mkdtempSync(join(os.tmpdir(), 'kt-bench-audit-'));
  tempDirs.add(dir);
  let dataSource: DataSource | undefined;
  try {
    const ready = await setup(dir);
    dataSource = ready.dataSource;
    lines.push(
      `setup (not counted below): ${int(ready.events)} events of ${int(ready.proposals)} proposals written in ${fmt(ready.totalMs / 1000, 1)} s ` +
        `(${int((ready.events * 1000) / ready.totalMs)} events/s): migrations ${fmt(ready.migrateMs / 1000, 2)} s, ` +
        `generate + seal ${fmt(ready.generateMs / 1000, 1)} s, insert ${fmt(ready.insertMs / 1000, 1)} s, WAL checkpoint ${fmt(ready.walCheckpointMs / 1000, 1)} s`,
      `setup: one walk made with the machine and sealed as the use cases seal, then per proposal a new UUID, nominee name and ` +
        `instants substituted and the chain re-sealed with eventHash; ${ready.selfChecked} proposals also walked the long way ` +
        `and found identical. Inserted with prepared statements, ${int(settings.batch)} proposals a transaction, ` +
        `events seq by seq across each batch.`,
      `setup: SQLite ${ready.sqliteVersion} (WAL, synchronous=NORMAL, as openDatabase opens it), file ${fmt(ready.fileMb, 0)} MB in ${dir}`,
      '',
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    lines.length = 0;

    const runner = new SqlTransactionRunner(ready.dataSource);
    const auditLog = new SqlAuditLog(runner);
    const passes: PassResult[] = [];
    const run = async (pass: () => Promise<PassResult>) => {
      const result = await pass();
      passes.push(result);
      if (result.problems.length) {
        broken = true;
        log(`!!! ${result.name}: ${result.problems.join(' | ')}`);
      }
      return result;
    };

    await run(() => readOnlyPass(auditLog));
    const chainOnly = await run(() => verifyPass(auditLog, false));
    const full = await run(() => verifyPass(auditLog, true));
    await run(() => replayPass(auditLog));
    await run(() => checkpointPass(auditLog));

    const belowAim = rateOf(full) < AIM_EVENTS_PER_S || rateOf(chainOnly) < AIM_EVENTS_PER_S;
    const doProfile = settings.profile === 'on' || (settings.profile === 'auto' && belowAim);
    let profile: ProfileOutcome | null = null;
    let pieces: ReturnType<typeof timePieces> | null = null;
    if (doProfile) {
      const db = sqliteOf(ready.dataSource);
      // The pieces first: code the profiler has run under may stay deoptimised for a while after it stops.
      const prefix = prefixOf(db);
      log(`pieces: timing SQL, mapping, eventHash, replayTo and snapshotsMatch one by one over the first ${int(prefix.events)} events`);
      pieces = timePieces(db, prefix.events);
      profile = await profilePrefix(auditLog, prefix);
    }

    lines.push(
      table(
        ['pass', 'events', 'proposals', 'time s', 'events/s', 'heap MB start', '25%', '50%', '100%', 'peak heap MB', 'RSS MB start', 'peak RSS MB', 'node CPU %', 'result'],
        passes.map(passRow),
      ),
      '',
      AIM_LINE,
      `  verify, chain + replay: ${verdict(full)}`,
      `  verify, chain only:     ${verdict(chainOnly)}`,
      `  memory, heap after a forced GC from 25 % to 100 % of the walk: ${passes
        .map((pass) => {
          const { mb: grew, flat } = growth(pass);
          return `${pass.name} ${signed(grew)} MB${flat ? '' : ' (GROWS)'}`;
        })
        .join(', ')}` + ` (flat = within ${FLAT_TOLERANCE_MB} MB)`,
      '',
      'time excludes the forced-GC pauses at 25/50/100 %; events/s = events walked / time.',
      'read only = every page of proposal rows, then of events, through SqlAuditLog (SQL + row mapping), nothing checked.',
      'replay alone = auditLog.events() grouped by proposal, replayTo of each whole log; its final state and seq checked.',
      'heap = heapUsed after a forced full GC (start = before the pass); peak heap/RSS = highest of readings taken every 100 ms ' +
        'at page boundaries (the walks never yield to the event loop, so no timer could sample them).',
      'node CPU % = CPU time of the process over the wall time of the pass; 100 = one core busy.',
      ...passes.flatMap((pass) => pass.notes),
      ...passes.flatMap((pass) => pass.problems.map((problem) => `!!! ${pass.name}: ${problem}`)),
    );
    if (broken) lines.push('!!! THE LOG WAS FOUND BROKEN: the data is genuine, so a verifier, the adapter or the set-up is wrong.');

    if (profile && pieces) {
      lines.push(
        '',
        `Where verify's time goes: verifyLog over the first ${int(profile.proposals)} proposals (${int(profile.events)} events), ` +
          `under the V8 profiler (sampled every 250 µs; a sample goes to the innermost app or package frame above it: ` +
          `JSON.parse to the mapper that calls it, hashing to eventHash, SQLite to the runner that calls it):`,
        profileTable(profile),
        ...profile.runs.map((run) => groupedLine(run, profile.events)),
        ...profile.runs.filter((run) => !run.ok).map((run) => `!!! profiled ${run.name} did not verify the prefix`),
        '',
        table(
          [`the same ${int(profile.events)} events, piece by piece`, 'calls', 'total ms', 'µs per call', 'µs per event'],
          pieces.pieces.map((piece) => [
            piece.name,
            `${int(piece.count)} ${piece.unit}s`,
            fmt(piece.totalMs, 0),
            fmt((piece.totalMs * 1000) / Math.max(1, piece.count), 2),
            fmt(piece.usPerEvent, 2),
          ]),
        ),
        `sum of the pieces: ${fmt(pieces.pieces.filter((piece) => !piece.part).reduce((sum, piece) => sum + piece.usPerEvent, 0), 2)} µs an event; ` +
          `measured verify (chain + replay) ${fmt(1e6 / rateOf(full), 2)} µs, chain only ${fmt(1e6 / rateOf(chainOnly), 2)} µs`,
        `page query plan: ${pieces.plan.join('; ')}`,
      );
    }
    lines.push(`whole run ${fmt((now() - runStarted) / 1000, 1)} s; load average at the end: ${loadAverage()} (1/5/15 min)`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
  if (broken) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`[audit] ${error instanceof Error ? error.stack : describeError(error)}\n`);
  process.exitCode = 1;
});
