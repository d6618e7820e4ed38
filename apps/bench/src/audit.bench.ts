import 'reflect-metadata';
import { hash, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  AuditLog,
  canonicalEventJson,
  canonicalJson,
  createCheckpoint,
  EventRowDecoder,
  generateCheckpointKeyPair,
  replayTo,
  snapshotsMatch,
  verifyLog,
  type AuditedEvent,
  type AuditedEventRow,
  type ReplayResult,
} from '#audit';
import { AUDIT_PAGE_SIZE, openDatabase, SqlAuditLog, SqlTransactionRunner } from '#persistence';
import { AUDIT_WALK, BENCH_UNIT_ID, EVENT_COLUMNS, EVENTS_PER_PROPOSAL, FIRST_CREATED_MS, LAST_EVENT_MS, proposalRows } from './audit-fixtures.js';
import { bench, fmt, log, now, onCleanup, problem, profiled, say, size, table } from './harness.js';
import { heapAt, Meter, type Measured } from './measure.js';
import { tempDir } from './scratch.js';

/**
 * `npm run bench`, last part (ISSUES 5 and 14): how fast the audit log is verified, next to the least any
 * verifier must do, and whether memory stays flat while it is. A fresh SQLite file is filled with
 * BENCH_AUDIT_EVENTS events (1,000,000): genuine proposal logs of machine v2, sealed in a hash chain, with the
 * proposal rows the command path would leave. Then five passes, each timed without its forced-GC pauses, heap
 * read after a forced GC at the start, 25, 50 and 100 %:
 *
 *   floor        the sha256 + JSON floor: the same pages as verify (proposal rows, raw event rows, same SQL through
 *                SqlAuditLog), JSON.parse of each event's actor and payload, one SHA-256 per event over its text;
 *   verify       verifyLog(auditLog, {replay: false}): the chain alone; then verifyLog(auditLog): chain and replay,
 *                as the application runs it by default;
 *   replay       replayTo of every proposal, its events read through auditLog.rawEvents();
 *   checkpoint   createCheckpoint over the whole log (Merkle root of every proposal's head, signed), its heads
 *                handed out a page at a time and counted, never held.
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
/** Verify must run at this share of the floor measured in the same run, or better. */
const AIM_FLOOR_SHARE = 0.5;
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

/**
 * The least any verifier must do: read every proposal row and every event row (the pages verify reads, through
 * the same adapter and SQL), parse the event's JSON columns, and hash each event once over its text with its
 * previous hash. Nothing is compared: the sum only keeps the work from being optimised away.
 */
const floor: Walk = async (auditLog, tick) => {
  let [proposals, events, kept] = [0, 0, 0];
  for await (const page of auditLog.proposals(settings.pageSize)) {
    proposals += page.length;
    tick(0);
  }
  for await (const page of rawEvents(auditLog)) {
    for (const row of page) {
      const actor = JSON.parse(row.actorJson) as unknown;
      const payload = JSON.parse(row.payloadJson) as unknown;
      const text = `${row.prevHash}\n${row.actorJson}${row.at}${row.machineVersion}${row.payloadJson}${row.proposalId}${row.seq}${row.state}${row.type}`;
      kept += hash('sha256', text, 'hex').charCodeAt(0) + (actor === null ? 0 : 1) + (payload === null ? 0 : 1);
    }
    tick((events += page.length));
  }
  return { events, proposals, problems: kept > 0 ? [] : ['the floor computed nothing'] };
};

function rawEvents(auditLog: AuditLog): AsyncIterable<AuditedEventRow[]> {
  if (!auditLog.rawEvents) throw new Error('the bench reads SqlAuditLog, which offers raw event rows');
  return auditLog.rawEvents(undefined, settings.pageSize);
}

const verify =
  (replay: boolean): Walk =>
  async (auditLog, tick) => {
    const result = await verifyLog(auditLog, { replay, pageSize: settings.pageSize, onProgress: ({ events }) => tick(events) });
    const broken = result.ok ? [] : [`${result.broken.length}${result.truncated ? '+' : ''} broken proposals, first: ${JSON.stringify(result.broken[0])}`];
    return { events: result.events, proposals: result.proposals, problems: broken };
  };

const replayAlone: Walk = async (auditLog, tick) => {
  const problems: string[] = [];
  const decoder = new EventRowDecoder();
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
  for await (const page of rawEvents(auditLog)) {
    for (const event of decoder.decodePage(page)) {
      if (held.length > 0 && event.proposalId !== held[0].proposalId) replayHeld();
      held.push(event);
    }
    tick((events += page.length));
  }
  if (held.length > 0) replayHeld();
  if (failures) problems.unshift(`${failures} proposals did not replay`);
  const note = `replay alone: ${fmt(replayMs / 1000, 2)} s of it inside replayTo = ${int((events * 1000) / replayMs)} events/s, ${fmt((replayMs * 1000) / Math.max(1, events), 1)} µs an event (the rest: reading and decoding the pages)`;
  return { events, proposals, problems, notes: [note] };
};

/** The log, telling `onEvents` how many events it has handed out so far (createCheckpoint reports no progress). */
function counting(auditLog: AuditLog, onEvents: (events: number) => void): AuditLog {
  return new Proxy(auditLog, {
    get(target, property) {
      if (property === 'events' || property === 'rawEvents') {
        return async function* (...args: Parameters<AuditLog['events']>) {
          let seen = 0;
          for await (const page of property === 'events' ? target.events(...args) : target.rawEvents!(...args)) {
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
  let heads = 0;
  const { checkpoint: made } = await createCheckpoint(counting(auditLog, tick), {
    upTo,
    now: upTo,
    privateKeyPem,
    pageSize: settings.pageSize,
    onHeads: async (page) => void (heads += page.length),
  });
  const problems = heads === PROPOSALS ? [] : [`${heads} heads for ${PROPOSALS} proposals`];
  const note = `checkpoint: root ${made.merkleRoot.slice(0, 16)}…, signed; its ${int(heads)} heads handed out a page at a time and counted, none held`;
  return { events: made.events, proposals: made.proposals, problems, notes: [note] };
};

/* Where verify's time goes: its pieces, one at a time, each on the data the one before produced ---------------- */

interface RawEventRow {
  proposal_id: string;
  seq: number;
  type: string;
  actor: string;
  at: string;
  payload: string;
  machine_version: number;
  state: string;
  prev_hash: string;
  hash: string;
}

function timePieces(db: Sqlite): { rows: string[][]; usPerEvent: number; plan: string; events: number } {
  const prefixProposals = Math.min(PROPOSALS, Math.ceil(settings.piecesEvents / EVENTS_PER_PROPOSAL));
  const { id: lastId } = db.prepare('SELECT id FROM proposals ORDER BY id LIMIT 1 OFFSET ?').get(prefixProposals - 1) as { id: string };
  const events = Number((db.prepare('SELECT COUNT(*) AS n FROM proposal_events WHERE proposal_id <= ?').get(lastId) as { n: number }).n);
  const pageSql = `SELECT ${EVENT_COLUMNS.join(', ')} FROM proposal_events WHERE (proposal_id, seq) > (?, ?) ORDER BY proposal_id, seq LIMIT ?`;
  const page = db.prepare(pageSql);
  const heads = db.prepare('SELECT id, machine_version, snapshot, version, last_seq, last_hash FROM proposals WHERE id > ? ORDER BY id LIMIT ?');
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${pageSql}`).all('', 0, PAGE_SIZE) as { detail: string }[]).map((row) => row.detail).join('; ');
  const ms = { sql: 0, decode: 0, encode: 0, reference: 0, sha: 0, replay: 0, headSql: 0, headMap: 0, compare: 0 };
  const timed = <T>(key: keyof typeof ms, work: () => T): T => {
    const t = now();
    const result = work();
    ms[key] += now() - t;
    return result;
  };
  const decoder = new EventRowDecoder();
  const replayed = new Map<string, ReplayResult>();
  let [read, bad, afterId, afterSeq] = [0, 0, '', 0];
  let held: AuditedEvent[] = [];
  const replayHeld = () => {
    replayed.set(held[0].proposalId, timed('replay', () => replayTo(held)));
    held = [];
  };
  while (read < events) {
    const rows = timed('sql', () => page.all(afterId, afterSeq, Math.min(PAGE_SIZE, events - read)) as RawEventRow[]);
    if (rows.length === 0) break;
    const decoded = timed('decode', () =>
      decoder.decodePage(
        rows.map((row) => ({
          proposalId: row.proposal_id,
          seq: row.seq,
          type: row.type,
          actorJson: row.actor,
          at: row.at,
          payloadJson: row.payload,
          machineVersion: row.machine_version,
          state: row.state,
          prevHash: row.prev_hash,
          hash: row.hash,
        })),
      ),
    );
    // fastEventHash's two halves, apart; the reference encoder beside them, for comparison.
    const texts = timed('encode', () => decoded.map((e) => canonicalEventJson(e)));
    timed('reference', () => decoded.forEach((e, i) => (bad += canonicalJson({ proposalId: e.proposalId, seq: e.seq, type: e.type, actor: e.actor, at: e.at, payload: e.payload, machineVersion: e.machineVersion, state: e.state }) === texts[i] ? 0 : 1)));
    timed('sha', () => decoded.forEach((e, i) => (bad += hash('sha256', `${e.prevHash}\n${texts[i]}`, 'hex') === e.hash ? 0 : 1)));
    for (const event of decoded) {
      if (held.length > 0 && event.proposalId !== held[0].proposalId) replayHeld();
      held.push(event);
    }
    read += rows.length;
    [afterId, afterSeq] = [decoded[decoded.length - 1].proposalId, decoded[decoded.length - 1].seq];
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
  if (bad) problem(`pieces: ${bad} encodings, hashes or snapshots did not match (they should all match)`);
  const row = (name: string, key: keyof typeof ms, count: number, unit: string) => [
    name,
    `${int(count)} ${unit}s`,
    int(ms[key]),
    fmt((ms[key] * 1000) / Math.max(1, count), 2),
    fmt((ms[key] * 1000) / Math.max(1, read), 2),
  ];
  const whole: (keyof typeof ms)[] = ['sql', 'decode', 'encode', 'sha', 'replay', 'headSql', 'headMap', 'compare'];
  return {
    events: read,
    plan,
    usPerEvent: (whole.reduce((sum, key) => sum + ms[key], 0) * 1000) / Math.max(1, read),
    rows: [
      row('SQL: a page of event rows (statement.all)', 'sql', read, 'event'),
      row('decoding: JSON.parse of payload, actor once a text', 'decode', read, 'event'),
      row('canonicalEventJson of the sealed body', 'encode', read, 'event'),
      row('SHA-256 (crypto.hash)', 'sha', read, 'event'),
      row('replayTo, a proposal at a time', 'replay', replayed.size, 'proposal'),
      row('SQL: a page of proposal rows', 'headSql', compared, 'proposal'),
      row('JSON.parse of the row snapshot', 'headMap', compared, 'proposal'),
      row('snapshotsMatch', 'compare', compared, 'proposal'),
      row('(not run by verify: canonicalJson, the reference)', 'reference', read, 'event'),
    ],
  };
}

/* The report ----------------------------------------------------------------------------------------------- */

function passRow({ name, events, proposals, measured: m, problems }: Pass): string[] {
  const heap = (mark: string) => fmt(heapAt(m, mark));
  return [name, int(events), int(proposals), fmt(m.elapsedMs / 1000, 2), int((events * 1000) / m.elapsedMs), heap('start'), heap('25%'), heap('50%'), heap('100%'),
    fmt(m.peakHeapMb), fmt(m.rss.startMb, 0), fmt(m.rss.peakMb, 0), fmt(m.cpuPercent, 0), problems.length ? 'BROKEN' : 'ok'];
}

const grewMb = (p: Pass) => heapAt(p.measured, '100%') - heapAt(p.measured, '25%');
const isFlat = (p: Pass) => grewMb(p) <= FLAT_TOLERANCE_MB;

function verdict(p: Pass, floorPass: Pass): string {
  const rate = rateOf(p);
  const share = rate / rateOf(floorPass);
  const goals = [
    rate >= AIM_EVENTS_PER_S ? `≥ ${int(AIM_EVENTS_PER_S)}/s: yes` : `≥ ${int(AIM_EVENTS_PER_S)}/s: NO`,
    share >= AIM_FLOOR_SHARE ? `≥ ${fmt(AIM_FLOOR_SHARE, 1)} × floor: yes` : `≥ ${fmt(AIM_FLOOR_SHARE, 1)} × floor: NO`,
    isFlat(p) ? 'memory flat: yes' : 'memory flat: NO',
  ];
  return `${int(rate).padStart(9)} events/s = ${fmt(share, 2)} × the floor; ${goals.join(', ')}`;
}

function growth(p: Pass): string {
  const grew = grewMb(p);
  return `${p.name} ${grew >= 0 ? '+' : ''}${fmt(grew)} MB${isFlat(p) ? '' : ' (GROWS)'}`;
}

const gcShare = (p: Pass) =>
  `${p.name} ${fmt((p.measured.gc.ms * 1000) / p.events, 2)} µs/event (${fmt((p.measured.gc.ms / p.measured.elapsedMs) * 100, 0)} % of the pass; ` +
  `${p.measured.gc.full} full, ${p.measured.gc.young} young collections)`;

bench(
  'audit log benchmark (ISSUES 5, 14)',
  `${int(settings.events)} events = ${int(PROPOSALS)} proposals × ${EVENTS_PER_PROPOSAL} (${['CREATED', ...AUDIT_WALK.map((s) => s.type)].join(' ')}; machine v2), ` +
    `page size ${int(PAGE_SIZE)}${settings.pageSize ? '' : " (SqlAuditLog's default)"}, insert batch ${int(settings.batch)} proposals, pieces over ${int(settings.piecesEvents)} events`,
  async () => {
    const dataSource = await setup();
    const auditLog = new SqlAuditLog(new SqlTransactionRunner(dataSource));
    const floorPass = await pass('sha256 + JSON floor', auditLog, floor);
    const chainOnly = await pass('verify, chain only', auditLog, verify(false));
    const full = await pass('verify, chain + replay', auditLog, verify(true));
    const passes = [floorPass, chainOnly, full, await pass('replay alone', auditLog, replayAlone), await pass('checkpoint', auditLog, checkpoint)];
    log(`pieces: timing SQL, decoding, encoding, SHA-256, replayTo and snapshotsMatch one by one over the first ${int(settings.piecesEvents)} events`);
    const pieces = timePieces(sqliteOf(dataSource));
    say(
      table(
        ['pass', 'events', 'proposals', 'time s', 'events/s', 'heap MB start', '25%', '50%', '100%', 'peak heap MB', 'RSS MB start', 'peak RSS MB', 'node CPU %', 'result'],
        passes.map(passRow),
      ),
      '',
      `Goals (ISSUE 14): verify ≥ ${int(AIM_EVENTS_PER_S)} events/s and ≥ ${fmt(AIM_FLOOR_SHARE, 1)} × the sha256 + JSON floor of this run, memory flat.`,
      `  sha256 + JSON floor:                    ${int(rateOf(floorPass)).padStart(9)} events/s`,
      `  verify, chain only:                     ${verdict(chainOnly, floorPass)}`,
      `  verify, chain + replay (the default):   ${verdict(full, floorPass)}`,
      `  memory, heap after a forced GC from 25 % to 100 % of the walk: ${passes.map(growth).join(', ')} (flat = within ${FLAT_TOLERANCE_MB} MB)`,
      '',
      'time excludes the forced-GC pauses at 25/50/100 %; events/s = events walked / time.',
      'floor = every page of proposal rows, then of raw event rows, through SqlAuditLog (its SQL, its pages), JSON.parse of each ' +
        "event's actor and payload, one SHA-256 (crypto.hash) per event over prevHash and its columns' text: no canonical encoding, no replay, no comparison.",
      'replay alone = auditLog.rawEvents() decoded and grouped by proposal, replayTo of each whole log; its final state and seq checked.',
      'heap = heapUsed after a forced full GC (start = before the pass); peak heap/RSS = highest of readings taken every 100 ms ' +
        'at page boundaries (the walks never yield to the event loop, so no timer could sample them).',
      'node CPU % = CPU time of the process over the wall time of the pass; 100 = one core busy.',
      ...passes.flatMap((p) => p.notes),
      ...(passes.some((p) => p.problems.length) ? ['!!! THE LOG WAS FOUND BROKEN: the data is genuine, so a verifier, the adapter or the set-up is wrong.'] : []),
      '',
      `Where verify's time goes: its pieces timed one at a time over the first ${int(pieces.events)} events, outside the adapter, each on the data the one before produced:`,
      table([`the same ${int(pieces.events)} events, piece by piece`, 'calls', 'total ms', 'µs per call', 'µs per event'], pieces.rows),
      `sum of the pieces verify runs: ${fmt(pieces.usPerEvent, 2)} µs an event; measured verify (chain + replay) ${fmt(1e6 / rateOf(full), 2)} µs, chain only ${fmt(1e6 / rateOf(chainOnly), 2)} µs, the floor ${fmt(1e6 / rateOf(floorPass), 2)} µs`,
      `garbage collection during the verify passes (not timed as a piece; the forced ones left out): ${gcShare(chainOnly)}; ${gcShare(full)}`,
      `page query plan: ${pieces.plan}`,
    );
  },
  { heapFigures: true },
);
