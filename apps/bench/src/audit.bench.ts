import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AuditLog, canonicalJson, createCheckpoint, eventHash, generateCheckpointKeyPair, replayTo, snapshotsMatch, verifyLog, type AuditedEvent, type ReplayResult } from '#audit';
import { AUDIT_PAGE_SIZE, openDatabase, SqlAuditLog, SqlTransactionRunner, toLoggedEvent } from '#persistence';
import { AUDIT_WALK, BENCH_UNIT_ID, EVENT_COLUMNS, EVENTS_PER_PROPOSAL, FIRST_CREATED_MS, LAST_EVENT_MS, proposalRows } from './audit-fixtures.js';
import { bench, fmt, log, now, onCleanup, problem, profiled, say, size, table } from './harness.js';
import { heapAt, Meter, type Measured } from './measure.js';
import { tempDir } from './scratch.js';

/**
 * `npm run bench`, last part (ISSUE 5): how fast the audit log is verified and replayed, and whether memory stays
 * flat while it is. A fresh SQLite file is filled with BENCH_AUDIT_EVENTS events (1,000,000): genuine proposal
 * logs of machine v2, sealed in a hash chain, with the proposal rows the command path would leave. Then five
 * passes, each timed without its forced-GC pauses, heap read after a forced GC at the start, 25, 50 and 100 %:
 *
 *   read only    every page of proposals and events through SqlAuditLog, nothing checked (the floor);
 *   verify       verifyLog(auditLog, {replay: false}): the chain alone; then verifyLog(auditLog): chain and replay;
 *   replay       replayTo(events) of every proposal, its events read through auditLog.events();
 *   checkpoint   createCheckpoint over the whole log (Merkle root of every proposal's head, signed).
 *
 * Then where verify's time goes: its pieces timed one by one over the first BENCH_AUDIT_PIECES_EVENTS events
 * (100,000). Exits 1 when a pass finds the log broken (the data is genuine: a break is a bug somewhere).
 * Also BENCH_AUDIT_PAGE_SIZE (SqlAuditLog's own default), BENCH_AUDIT_BATCH (proposals per insert, 2,000).
 */

const settings = {
  events: size('BENCH_AUDIT_EVENTS', 1_000_000, 20_000, EVENTS_PER_PROPOSAL),
  /** undefined: the adapter's own default, as the application calls it. */
  pageSize: process.env.BENCH_AUDIT_PAGE_SIZE ? size('BENCH_AUDIT_PAGE_SIZE', AUDIT_PAGE_SIZE) : undefined,
  batch: size('BENCH_AUDIT_BATCH', 2_000),
  piecesEvents: size('BENCH_AUDIT_PIECES_EVENTS', 100_000, 5_000, EVENTS_PER_PROPOSAL),
};
const PROPOSALS = Math.ceil(settings.events / EVENTS_PER_PROPOSAL);
const PAGE_SIZE = settings.pageSize ?? AUDIT_PAGE_SIZE;
const AIM_EVENTS_PER_S = 100_000;
/** Heap after a forced GC may rise this much from the 25 % mark to the end and still count as flat. */
const FLAT_TOLERANCE_MB = 2;
const DAY_MS = 86_400_000;
const int = (n: number) => fmt(n, 0);

/** better-sqlite3's connection, which TypeORM's driver holds: set-up and the pieces use it directly. */
interface Sqlite {
  prepare(sql: string): { run(...params: unknown[]): unknown; all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
  exec(sql: string): void;
}
const sqliteOf = (dataSource: DataSource) => (dataSource.driver as unknown as { databaseConnection: Sqlite }).databaseConnection;
const insertSql = (name: string, columns: string[]) => `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

/** The log, written straight into the tables with prepared statements, a batch of proposals per transaction. */
async function setup(): Promise<DataSource> {
  const started = now();
  const file = join(tempDir('audit'), 'audit.sqlite');
  const dataSource = await openDatabase({ kind: 'sqlite', path: file, url: `sqlite:${file}` }, true);
  onCleanup(() => dataSource.isInitialized && dataSource.destroy());
  const migrateMs = now() - started;
  const db = sqliteOf(dataSource);
  db.prepare(insertSql('units', ['id', 'code', 'name', 'created_at'])).run(BENCH_UNIT_ID, 'BENCH-AUDIT', 'Đơn vị đo hiệu năng nhật ký', new Date(FIRST_CREATED_MS - DAY_MS).toISOString());
  const insertEvent = db.prepare(insertSql('proposal_events', EVENT_COLUMNS));
  let insertProposal: ReturnType<Sqlite['prepare']> | undefined;
  // Creations spread over at most a day, so that every proposal meets its DX-4 deadline as the template does.
  const spacingMs = Math.max(1, Math.min(1_000, Math.floor(DAY_MS / PROPOSALS)));
  let [generateMs, insertMs, events, lastLine] = [0, 0, 0, now()];
  log(`setup: ${int(settings.events)} events = ${int(PROPOSALS)} proposals × ${EVENTS_PER_PROPOSAL}, into ${file}`);
  for (let first = 0; first < PROPOSALS; first += settings.batch) {
    const t0 = now();
    const built = Array.from({ length: Math.min(settings.batch, PROPOSALS - first) }, (_, k) => {
      const index = first + k;
      return proposalRows(randomUUID(), `Nguyễn Văn An (${index})`, index * spacingMs, Math.min(EVENTS_PER_PROPOSAL, settings.events - index * EVENTS_PER_PROPOSAL));
    });
    const t1 = now();
    generateMs += t1 - t0;
    insertProposal ??= db.prepare(insertSql('proposals', Object.keys(built[0].proposal)));
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const proposal of built) insertProposal.run(...Object.values(proposal.proposal));
      // Seq by seq across the batch: a proposal's lines lie apart in the table, as when many proposals move at once.
      for (let seq = 0; seq < EVENTS_PER_PROPOSAL; seq++) {
        for (const proposal of built) {
          if (!proposal.events[seq]) continue;
          insertEvent.run(...proposal.events[seq]);
          events++;
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    insertMs += now() - t1;
    if (now() - lastLine >= 3_000) {
      lastLine = now();
      log(`setup: ${int(events)}/${int(settings.events)} events, ${fmt((now() - started) / 1000, 1)} s`);
    }
  }
  const t2 = now();
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const walMs = now() - t2;
  const counted = db.prepare('SELECT (SELECT COUNT(*) FROM proposals) AS p, (SELECT COUNT(*) FROM proposal_events) AS e').get() as { p: number; e: number };
  if (Number(counted.p) !== PROPOSALS || Number(counted.e) !== settings.events) {
    throw new Error(`set-up wrote ${counted.p} proposals and ${counted.e} events, not ${PROPOSALS} and ${settings.events}`);
  }
  const { v } = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
  const totalMs = now() - started;
  say(
    `setup (not counted below): ${int(events)} events of ${int(PROPOSALS)} proposals written in ${fmt(totalMs / 1000, 1)} s ` +
      `(${int((events * 1000) / totalMs)} events/s): migrations ${fmt(migrateMs / 1000, 2)} s, generate + seal ${fmt(generateMs / 1000, 1)} s, ` +
      `insert ${fmt(insertMs / 1000, 1)} s, WAL checkpoint ${fmt(walMs / 1000, 1)} s`,
    `setup: one walk made with the machine and sealed as the use cases seal, then per proposal a new UUID, nominee name and instants ` +
      `substituted and the chain re-sealed with eventHash; inserted with prepared statements, ${int(settings.batch)} proposals a transaction, events seq by seq across each batch.`,
    `setup: SQLite ${v} (WAL, synchronous=NORMAL, as openDatabase opens it), file ${fmt(statSync(file).size / 1024 / 1024, 0)} MB`,
    '',
  );
  return dataSource;
}

/* The passes ----------------------------------------------------------------------------------------------- */

interface Pass {
  name: string;
  events: number;
  proposals: number;
  measured: Measured;
  problems: string[];
  notes: string[];
}
type Walk = (auditLog: AuditLog, tick: (events: number) => void) => Promise<Omit<Pass, 'name' | 'measured' | 'notes'> & { notes?: string[] }>;

async function pass(name: string, auditLog: AuditLog, walk: Walk): Promise<Pass> {
  const meter = await Meter.start(name, settings.events, { heapAt: [0.25, 0.5, 1], gcAtStart: true });
  const result = await profiled(name, () => walk(auditLog, (events) => meter.tick(events)));
  const measured = await meter.finish();
  if (result.events !== settings.events || result.proposals !== PROPOSALS) {
    result.problems.push(`walked ${result.proposals} proposals and ${result.events} events, not ${PROPOSALS} and ${settings.events}`);
  }
  for (const text of result.problems) problem(`${name}: ${text}`);
  return { name, notes: [], ...result, measured };
}

const rateOf = (p: Pass) => (p.events * 1000) / p.measured.elapsedMs;

const readOnly: Walk = async (auditLog, tick) => {
  let [proposals, events] = [0, 0];
  for await (const page of auditLog.proposals(settings.pageSize)) {
    proposals += page.length;
    tick(0);
  }
  for await (const page of auditLog.events(undefined, settings.pageSize)) tick((events += page.length));
  return { events, proposals, problems: [] };
};

const verify =
  (replay: boolean): Walk =>
  async (auditLog, tick) => {
    const result = await verifyLog(auditLog, { replay, pageSize: settings.pageSize, onProgress: ({ events }) => tick(events) });
    const broken = result.ok ? [] : [`${result.broken.length}${result.truncated ? '+' : ''} broken proposals, first: ${JSON.stringify(result.broken[0])}`];
    return { events: result.events, proposals: result.proposals, problems: broken };
  };

const replayAlone: Walk = async (auditLog, tick) => {
  const problems: string[] = [];
  let [proposals, events, failures, replayMs] = [0, 0, 0, 0];
  let held: AuditedEvent[] = [];
  const replayHeld = () => {
    const t = now();
    const result = replayTo(held);
    replayMs += now() - t;
    const last = held[held.length - 1];
    proposals++;
    if (result.failure || result.state !== last.state || result.seq !== last.seq) {
      if (failures++ < 3) problems.push(`${last.proposalId}: ${result.failure ? `seq ${result.failure.seq}: ${result.failure.message}` : `ends in ${result.state} at seq ${result.seq}`}`);
    }
    held = [];
  };
  for await (const page of auditLog.events(undefined, settings.pageSize)) {
    for (const event of page) {
      if (held.length > 0 && event.proposalId !== held[0].proposalId) replayHeld();
      held.push(event);
    }
    tick((events += page.length));
  }
  if (held.length > 0) replayHeld();
  if (failures) problems.unshift(`${failures} proposals did not replay`);
  const note = `replay alone: ${fmt(replayMs / 1000, 2)} s of it inside replayTo = ${int((events * 1000) / replayMs)} events/s, ${fmt((replayMs * 1000) / Math.max(1, events), 1)} µs an event (the rest: reading and mapping the pages)`;
  return { events, proposals, problems, notes: [note] };
};

/** The log, telling `onEvents` how many events it has handed out so far (createCheckpoint reports no progress). */
function counting(auditLog: AuditLog, onEvents: (events: number) => void): AuditLog {
  return new Proxy(auditLog, {
    get(target, property) {
      if (property === 'events') {
        return async function* (...args: Parameters<AuditLog['events']>) {
          let seen = 0;
          for await (const page of target.events(...args)) {
            onEvents((seen += page.length));
            yield page;
          }
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const checkpoint: Walk = async (auditLog, tick) => {
  // Every event lies before upTo; `now` may not be earlier than upTo.
  const upTo = new Date(Math.max(Date.now(), LAST_EVENT_MS + 60_000)).toISOString();
  const { privateKeyPem } = generateCheckpointKeyPair();
  const { checkpoint: made, heads } = await createCheckpoint(counting(auditLog, tick), { upTo, now: upTo, privateKeyPem, pageSize: settings.pageSize });
  const problems = heads.length === PROPOSALS ? [] : [`${heads.length} heads for ${PROPOSALS} proposals`];
  const note = `checkpoint: root ${made.merkleRoot.slice(0, 16)}…, signed; it returns every head (${int(heads.length)}), held until the end`;
  return { events: made.events, proposals: made.proposals, problems, notes: [note] };
};

/* Where verify's time goes: its pieces, one at a time, each on the data the one before produced ---------------- */

function timePieces(db: Sqlite): { rows: string[][]; usPerEvent: number; plan: string; events: number } {
  const prefixProposals = Math.min(PROPOSALS, Math.ceil(settings.piecesEvents / EVENTS_PER_PROPOSAL));
  const { id: lastId } = db.prepare('SELECT id FROM proposals ORDER BY id LIMIT 1 OFFSET ?').get(prefixProposals - 1) as { id: string };
  const events = Number((db.prepare('SELECT COUNT(*) AS n FROM proposal_events WHERE proposal_id <= ?').get(lastId) as { n: number }).n);
  const pageSql = `SELECT ${EVENT_COLUMNS.join(', ')} FROM proposal_events WHERE (proposal_id, seq) > (?, ?) ORDER BY proposal_id, seq LIMIT ?`;
  const page = db.prepare(pageSql);
  const heads = db.prepare('SELECT id, machine_version, snapshot, version, last_seq, last_hash FROM proposals WHERE id > ? ORDER BY id LIMIT ?');
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${pageSql}`).all('', 0, PAGE_SIZE) as { detail: string }[]).map((row) => row.detail).join('; ');
  const ms = { sql: 0, map: 0, hash: 0, canonical: 0, sha: 0, replay: 0, headSql: 0, headMap: 0, compare: 0 };
  const timed = <T>(key: keyof typeof ms, work: () => T): T => {
    const t = now();
    const result = work();
    ms[key] += now() - t;
    return result;
  };
  const replayed = new Map<string, ReplayResult>();
  let [read, bad, afterId, afterSeq] = [0, 0, '', 0];
  let held: AuditedEvent[] = [];
  const replayHeld = () => {
    replayed.set(held[0].proposalId, timed('replay', () => replayTo(held)));
    held = [];
  };
  while (read < events) {
    const rows = timed('sql', () => page.all(afterId, afterSeq, Math.min(PAGE_SIZE, events - read)) as Parameters<typeof toLoggedEvent>[0][]);
    if (rows.length === 0) break;
    const mapped = timed('map', () => rows.map(toLoggedEvent));
    timed('hash', () => mapped.forEach((e) => (bad += eventHash(e.prevHash, e) === e.hash ? 0 : 1)));
    // eventHash's two halves, apart.
    const texts = timed('canonical', () => mapped.map((e) => canonicalJson({ proposalId: e.proposalId, seq: e.seq, type: e.type, actor: e.actor, at: e.at, payload: e.payload, machineVersion: e.machineVersion, state: e.state })));
    timed('sha', () => mapped.forEach((e, i) => createHash('sha256').update(`${e.prevHash}\n${texts[i]}`).digest('hex')));
    for (const event of mapped) {
      if (held.length > 0 && event.proposalId !== held[0].proposalId) replayHeld();
      held.push(event);
    }
    read += rows.length;
    [afterId, afterSeq] = [mapped[mapped.length - 1].proposalId, mapped[mapped.length - 1].seq];
  }
  if (held.length > 0) replayHeld();
  let [compared, afterHead] = [0, ''];
  while (compared < replayed.size) {
    const rows = timed('headSql', () => heads.all(afterHead, Math.min(PAGE_SIZE, replayed.size - compared)) as { id: string; snapshot: string }[]);
    if (rows.length === 0) break;
    const parsed = timed('headMap', () => rows.map((row) => ({ id: row.id, snapshot: JSON.parse(row.snapshot) as { value: unknown; context: unknown } })));
    timed('compare', () => parsed.forEach((row) => (bad += snapshotsMatch(replayed.get(row.id)!, row.snapshot) ? 0 : 1)));
    compared += rows.length;
    afterHead = rows[rows.length - 1].id;
  }
  if (bad) problem(`pieces: ${bad} hashes or snapshots did not match (they should all match)`);
  const row = (name: string, key: keyof typeof ms, count: number, unit: string) => [
    name,
    `${int(count)} ${unit}s`,
    int(ms[key]),
    fmt((ms[key] * 1000) / Math.max(1, count), 2),
    fmt((ms[key] * 1000) / Math.max(1, read), 2),
  ];
  const whole: (keyof typeof ms)[] = ['sql', 'map', 'hash', 'replay', 'headSql', 'headMap', 'compare'];
  return {
    events: read,
    plan,
    usPerEvent: (whole.reduce((sum, key) => sum + ms[key], 0) * 1000) / Math.max(1, read),
    rows: [
      row('SQL: a page of events (statement.all, raw rows)', 'sql', read, 'event'),
      row('mapping: toLoggedEvent (JSON.parse actor, payload)', 'map', read, 'event'),
      row('eventHash (canonical JSON + SHA-256)', 'hash', read, 'event'),
      row('  of which: canonicalJson of the sealed body', 'canonical', read, 'event'),
      row('  of which: SHA-256 (createHash().update().digest)', 'sha', read, 'event'),
      row('replayTo, a proposal at a time', 'replay', replayed.size, 'proposal'),
      row('SQL: a page of proposal rows', 'headSql', compared, 'proposal'),
      row('mapping: JSON.parse of the row snapshot', 'headMap', compared, 'proposal'),
      row('snapshotsMatch (canonical JSON of both)', 'compare', compared, 'proposal'),
    ],
  };
}

/* The report ----------------------------------------------------------------------------------------------- */

function passRow({ name, events, proposals, measured: m, problems }: Pass): string[] {
  const heap = (mark: string) => fmt(heapAt(m, mark));
  return [name, int(events), int(proposals), fmt(m.elapsedMs / 1000, 2), int((events * 1000) / m.elapsedMs), heap('start'), heap('25%'), heap('50%'), heap('100%'),
    fmt(m.peakHeapMb), fmt(m.rss.startMb, 0), fmt(m.rss.peakMb, 0), fmt(m.cpuPercent, 0), problems.length ? 'BROKEN' : 'ok'];
}

function verdict(p: Pass): string {
  const rate = rateOf(p);
  return rate >= AIM_EVENTS_PER_S
    ? `${int(rate)} events/s: meets the aim (${fmt(rate / AIM_EVENTS_PER_S, 2)} ×)`
    : `${int(rate)} events/s: BELOW THE AIM (${fmt((rate / AIM_EVENTS_PER_S) * 100, 0)} % of it)`;
}

function growth(p: Pass): string {
  const grew = heapAt(p.measured, '100%') - heapAt(p.measured, '25%');
  return `${p.name} ${grew >= 0 ? '+' : ''}${fmt(grew)} MB${grew <= FLAT_TOLERANCE_MB ? '' : ' (GROWS)'}`;
}

const gcShare = (p: Pass) =>
  `${p.name} ${fmt((p.measured.gc.ms * 1000) / p.events, 2)} µs/event (${fmt((p.measured.gc.ms / p.measured.elapsedMs) * 100, 0)} % of the pass; ` +
  `${p.measured.gc.full} full, ${p.measured.gc.young} young collections)`;

bench(
  'audit log benchmark (ISSUE 5)',
  `${int(settings.events)} events = ${int(PROPOSALS)} proposals × ${EVENTS_PER_PROPOSAL} (${['CREATED', ...AUDIT_WALK.map((s) => s.type)].join(' ')}; machine v2), ` +
    `page size ${int(PAGE_SIZE)}${settings.pageSize ? '' : " (SqlAuditLog's default)"}, insert batch ${int(settings.batch)} proposals, pieces over ${int(settings.piecesEvents)} events`,
  async () => {
    const dataSource = await setup();
    const auditLog = new SqlAuditLog(new SqlTransactionRunner(dataSource));
    const passes = [await pass('read only', auditLog, readOnly)];
    const chainOnly = await pass('verify, chain only', auditLog, verify(false));
    const full = await pass('verify, chain + replay', auditLog, verify(true));
    passes.push(chainOnly, full, await pass('replay alone', auditLog, replayAlone), await pass('checkpoint', auditLog, checkpoint));
    log(`pieces: timing SQL, mapping, eventHash, replayTo and snapshotsMatch one by one over the first ${int(settings.piecesEvents)} events`);
    const pieces = timePieces(sqliteOf(dataSource));
    say(
      table(
        ['pass', 'events', 'proposals', 'time s', 'events/s', 'heap MB start', '25%', '50%', '100%', 'peak heap MB', 'RSS MB start', 'peak RSS MB', 'node CPU %', 'result'],
        passes.map(passRow),
      ),
      '',
      'Aim (ISSUE 5): verify over 100,000 events/s, memory flat.',
      `  verify, chain + replay: ${verdict(full)}`,
      `  verify, chain only:     ${verdict(chainOnly)}`,
      `  memory, heap after a forced GC from 25 % to 100 % of the walk: ${passes.map(growth).join(', ')} (flat = within ${FLAT_TOLERANCE_MB} MB)`,
      '',
      'time excludes the forced-GC pauses at 25/50/100 %; events/s = events walked / time.',
      'read only = every page of proposal rows, then of events, through SqlAuditLog (SQL + row mapping), nothing checked.',
      'replay alone = auditLog.events() grouped by proposal, replayTo of each whole log; its final state and seq checked.',
      'heap = heapUsed after a forced full GC (start = before the pass); peak heap/RSS = highest of readings taken every 100 ms ' +
        'at page boundaries (the walks never yield to the event loop, so no timer could sample them).',
      'node CPU % = CPU time of the process over the wall time of the pass; 100 = one core busy.',
      ...passes.flatMap((p) => p.notes),
      ...(passes.some((p) => p.problems.length) ? ['!!! THE LOG WAS FOUND BROKEN: the data is genuine, so a verifier, the adapter or the set-up is wrong.'] : []),
      '',
      `Where verify's time goes: its pieces timed one at a time over the first ${int(pieces.events)} events, outside the adapter, each on the data the one before produced:`,
      table([`the same ${int(pieces.events)} events, piece by piece`, 'calls', 'total ms', 'µs per call', 'µs per event'], pieces.rows),
      `sum of the pieces: ${fmt(pieces.usPerEvent, 2)} µs an event; measured verify (chain + replay) ${fmt(1e6 / rateOf(full), 2)} µs, chain only ${fmt(1e6 / rateOf(chainOnly), 2)} µs`,
      `garbage collection during the verify passes (not timed as a piece; the forced ones left out): ${gcShare(chainOnly)}; ${gcShare(full)}`,
      `page query plan: ${pieces.plan}`,
    );
  },
  { heapFigures: true },
);
