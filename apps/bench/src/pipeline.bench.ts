import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { Dispatcher } from 'undici-types';
import { loadConfig, redactUrl } from '#config';
import { SqlTransactionRunner } from '#persistence';
import { ApplyProposalEventUseCase, CampaignUseCases, CreateProposalUseCase, ProposalRepository, UnitUseCases } from '#proposals';
import { ApiModule } from '../../api/src/api.module.js';
import { createApiApp } from '../../api/src/create-api-app.js';
import {
  attributionPass,
  BUCKETS,
  explainStatement,
  microBenchmarks,
  samplePipeline,
  type AttributionResult,
  type Bucket,
  type MicroSuite,
} from './attribution.js';
import {
  describeError,
  fmt,
  intFromEnv,
  LatencyLog,
  loadAverage,
  machineIdlePercent,
  now,
  commandLine,
  percentile,
  removeTempDir,
  runWalk,
  table,
  tempDir,
  TIME_BUDGET_EXCEEDED,
  within,
  type WalkResult,
  type WalkSpec,
} from './bench-support.js';
import { profileByCategory, type ProfileSummary } from './cpu-profile.js';
import {
  BENCH_CAMPAIGN,
  draftFor,
  PIPELINE_EVENTS,
  pipelineActors,
  pipelineTokens,
  STEP_NAMES,
  STEPS_PER_PROPOSAL,
} from './pipeline-fixtures.js';

/**
 * `npm run bench`: how fast proposals move through the whole pipeline, in process (SQLite, then PostgreSQL
 * when one answers) and over HTTP, and where the time goes. Prints numbers; never asserts on them.
 * Progress goes to stderr, the report to stdout.
 */

const PHASES = ['sqlite', 'micro', 'postgres', 'http'] as const;
type PhaseName = (typeof PHASES)[number];

function onlyPhases(): Set<PhaseName> {
  const raw = process.env.BENCH_ONLY;
  if (!raw) return new Set(PHASES);
  const wanted = raw.split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = wanted.filter((part) => !(PHASES as readonly string[]).includes(part));
  if (unknown.length) throw new Error(`BENCH_ONLY="${raw}": ${unknown.join(', ')} unknown; use a comma list of ${PHASES.join(', ')}`);
  return new Set(wanted as PhaseName[]);
}

const settings = {
  proposals: intFromEnv('BENCH_PROPOSALS', 10_000),
  httpProposals: intFromEnv('BENCH_HTTP_PROPOSALS', 2_000),
  concurrency: intFromEnv('BENCH_CONCURRENCY', 32),
  warmup: intFromEnv('BENCH_WARMUP', 64, 0),
  attributionProposals: intFromEnv('BENCH_ATTRIBUTION_PROPOSALS', 1_000, 0),
  profileProposals: intFromEnv('BENCH_PROFILE_PROPOSALS', 1_000, 0),
  microCalls: intFromEnv('BENCH_MICRO_CALLS', 10_000),
  budgetMs: intFromEnv('BENCH_TIMEOUT_S', 300) * 1000,
  pgAdminUrl: process.env.BENCH_PG_ADMIN_URL ?? '',
  only: onlyPhases(),
};
type Settings = typeof settings;

const CHECKPOINTS = [0.25, 0.5, 0.75, 1];
const MAX_FAILURES = 50;
/** The attribution and profile passes run after the walk, each within this (or the phase budget if smaller). */
const SIDE_PASS_MS = 60_000;
const sideDeadline = (s: Settings) => now() + Math.min(s.budgetMs, SIDE_PASS_MS);
/** A walk stopped by its time budget still has numbers worth the side passes; one that failed or hung has not. */
const usable = (walk: WalkResult) => walk.stopped === null || walk.stopped === TIME_BUDGET_EXCEEDED;

/* ---------------------------------------------------------------------------------------------------------- */
/* Temporary files, the watchdog, stderr                                                                        */


/** If a phase (set-up, walks, clean-up) is stuck well past its budget, say so and end the process. */
function armWatchdog(phase: string, budgetMs: number): () => void {
  const timer = setTimeout(() => {
    process.stderr.write(`\n[bench] ${phase} is still running ${Math.round(budgetMs / 1000) + 60} s after it started: giving up.\n`);
    process.exit(3);
  }, budgetMs + 60_000);
  timer.unref();
  return () => clearTimeout(timer);
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/* ---------------------------------------------------------------------------------------------------------- */
/* The passes every phase makes: warm-up, the measured walk, a profiled walk                                   */

interface RowCheck {
  awarded: number;
  events: number;
  outbox: number;
}

interface PhaseOutcome {
  name: string;
  engine: string;
  warmup: WalkResult | null;
  walk: WalkResult;
  check: RowCheck;
  attribution: AttributionResult | null;
  profile: { summary: ProfileSummary; walk: WalkResult } | null;
  /** The slowest statement of the attribution pass, with the database's plan for it. */
  slowest?: { step: string; ms: number; sql: string; plan: string[] };
  notes: string[];
}

/** Something to run around the measured walk only (not the warm-up or the side passes). */
interface WalkObserver {
  start(): Promise<void>;
  stop(): Promise<string>;
}

type WalkOne = WalkSpec['walkOne'];

function walkSpec(label: string, s: Settings, total: number, deadlineAt: number, walkOne: WalkOne): WalkSpec {
  return { label, total, concurrency: s.concurrency, deadlineAt, steps: STEPS_PER_PROPOSAL, checkpoints: [], maxFailures: MAX_FAILURES, walkOne };
}

async function warmAndWalk(label: string, s: Settings, total: number, deadlineAt: number, walkOne: WalkOne, observer?: WalkObserver) {
  let warmup: WalkResult | null = null;
  if (s.warmup > 0) {
    log(`${label}: warm-up, ${s.warmup} proposals (not counted)`);
    warmup = await runWalk({ ...walkSpec(`${label} warm-up`, s, s.warmup, deadlineAt, walkOne), quiet: true });
  }
  log(`${label}: walking ${total} proposals, ${s.concurrency} in flight`);
  await observer?.start();
  let walk: WalkResult;
  let observed: string | null = null;
  try {
    walk = await runWalk({ ...walkSpec(label, s, total, deadlineAt, walkOne), checkpoints: CHECKPOINTS });
  } finally {
    observed = (await observer?.stop()) ?? null;
  }
  return { warmup, walk, observed };
}

async function profiledWalk(label: string, s: Settings, count: number, deadlineAt: number, walkOne: WalkOne) {
  if (count <= 0 || now() > deadlineAt) return null;
  log(`${label}: CPU profile of ${count} more proposals, ${s.concurrency} in flight`);
  const { result, profile } = await profileByCategory(
    () => runWalk({ ...walkSpec(`${label} profile`, s, count, deadlineAt, walkOne), quiet: true }),
    `bench-${label}`,
  );
  return { summary: profile, walk: result };
}

async function countRows(dataSource: DataSource): Promise<RowCheck> {
  const [row] = (await dataSource.query(
    `SELECT (SELECT COUNT(*) FROM proposals WHERE state = 'awarded') AS awarded,
            (SELECT COUNT(*) FROM proposal_events) AS events,
            (SELECT COUNT(*) FROM outbox) AS outbox`,
  )) as { awarded: number | string; events: number | string; outbox: number | string }[];
  return { awarded: Number(row.awarded), events: Number(row.events), outbox: Number(row.outbox) };
}

/* ---------------------------------------------------------------------------------------------------------- */
/* In process: the use cases as the application wires them, called directly                                   */

interface Pipeline {
  app: INestApplicationContext;
  dataSource: DataSource;
  runner: SqlTransactionRunner;
  proposals: ProposalRepository;
  create: CreateProposalUseCase;
  apply: ApplyProposalEventUseCase;
  unitId: string;
  campaignId: string;
}

const benchConfig = (databaseUrl: string) =>
  loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    NODE_ENV: 'test',
    QUEUE_PREFIX: `kt-bench-${randomBytes(4).toString('hex')}`,
    REDIS_URL: process.env.REDIS_URL,
    // The walk measured is the machine's five steps, comparable with earlier runs and with the framework-free
    // ceiling: paper dossiers, so no step waits for an upload (bench:documents measures those).
    REQUIRED_DOCUMENTS: 'false',
  });

/**
 * The application's own composition root (ApiModule) as a plain DI context: no HTTP server. openDatabase runs
 * the migrations; the use cases, repositories and SqlTransactionRunner are exactly those the API uses, so the
 * benchmark follows the wiring when it changes. Then one unit and one campaign.
 */
async function openPipeline(databaseUrl: string, s: Settings): Promise<Pipeline> {
  const app = await within(
    'opening the database, migrations and DI',
    s.budgetMs,
    NestFactory.createApplicationContext(ApiModule.forRoot(benchConfig(databaseUrl)), { logger: false, abortOnError: false }),
  );
  try {
    const unit = await app.get(UnitUseCases).create({ code: 'BENCH', name: 'Đơn vị đo hiệu năng' });
    const campaign = await app.get(CampaignUseCases).create(BENCH_CAMPAIGN);
    return {
      app,
      dataSource: app.get(DataSource),
      runner: app.get(SqlTransactionRunner),
      proposals: app.get(ProposalRepository),
      create: app.get(CreateProposalUseCase),
      apply: app.get(ApplyProposalEventUseCase),
      unitId: unit.id,
      campaignId: campaign.id,
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

async function inProcessPhase(
  label: string,
  databaseUrl: string,
  s: Settings,
  extra: { sqliteFile?: string; observer?: WalkObserver } = {},
): Promise<PhaseOutcome> {
  const deadlineAt = now() + s.budgetMs;
  const pipeline = await openPipeline(databaseUrl, s);
  try {
    const { dataSource, create, apply, unitId, campaignId } = pipeline;
    const [version] = (await dataSource.query(
      dataSource.options.type === 'postgres' ? 'SELECT version() AS v' : 'SELECT sqlite_version() AS v',
    )) as { v: string }[];
    const engine =
      (dataSource.options.type === 'postgres'
        ? `${String(version.v).split(' on ')[0]} (the app's pool)`
        : `SQLite ${version.v} via better-sqlite3 (WAL, synchronous=NORMAL, one connection behind the app's write lock)`) +
      '; use cases from ApiModule, called directly';
    const actors = pipelineActors(unitId);
    const walkOne: WalkOne = async (index, timed) => {
      const { body } = await timed(0, () => create.execute(actors.drafter, draftFor(unitId, campaignId, index)));
      let state: string = body.state;
      for (let k = 0; k < PIPELINE_EVENTS.length; k++) {
        const { by, request } = PIPELINE_EVENTS[k];
        state = (await timed(k + 1, () => apply.execute(body.id, actors[by], request))).body.state;
      }
      if (state !== 'awarded') throw new Error(`proposal ${body.id} ended in ${state}, not awarded`);
    };

    log(`${label}: ${engine}`);
    const { warmup, walk, observed } = await warmAndWalk(label, s, s.proposals, deadlineAt, walkOne, extra.observer);
    const check = await countRows(dataSource);
    const notes: string[] = observed ? [observed] : [];
    const sqliteFile = extra.sqliteFile;
    if (sqliteFile) {
      const size = (path: string) => {
        try {
          return statSync(path).size / 1024 / 1024;
        } catch {
          return 0;
        }
      };
      notes.push(`file after the walk: ${fmt(size(sqliteFile))} MB + WAL ${fmt(size(`${sqliteFile}-wal`))} MB`);
    }

    let attribution: AttributionResult | null = null;
    if (s.attributionProposals > 0 && usable(walk)) {
      log(`${label}: attribution, ${s.attributionProposals} proposals one operation at a time, SqlTransactionRunner timed`);
      attribution = await attributionPass({ ...pipeline, count: s.attributionProposals, deadlineAt: sideDeadline(s) });
    }
    let slowest: PhaseOutcome['slowest'];
    const worst = attribution?.probe.slowest;
    if (worst) {
      let plan: string[];
      try {
        plan = await explainStatement(pipeline.runner, worst.sql, worst.params);
      } catch (error) {
        plan = [`(EXPLAIN failed: ${describeError(error)})`];
      }
      slowest = { step: worst.step, ms: worst.ms, sql: worst.sql.replace(/\s+/g, ' ').trim(), plan };
    }
    const profile = usable(walk) ? await profiledWalk(label, s, Math.min(s.profileProposals, s.proposals), sideDeadline(s), walkOne) : null;
    return { name: label, engine, warmup, walk, check, attribution, profile, slowest, notes };
  } finally {
    await within(`${label}: closing the application context`, 60_000, pipeline.app.close());
  }
}

async function sqlitePhase(s: Settings): Promise<PhaseOutcome> {
  const dir = tempDir('sqlite');
  const file = join(dir, 'bench.sqlite');
  try {
    return await inProcessPhase('sqlite', `sqlite:${file}`, s, { sqliteFile: file });
  } finally {
    removeTempDir(dir);
  }
}

/** Pure CPU pieces, on records and log entries that one proposal walked through the real use cases produced. */
async function microPhase(s: Settings): Promise<MicroSuite> {
  log(`micro-benchmarks: ${s.microCalls} calls each`);
  const pipeline = await openPipeline('sqlite::memory:', s);
  try {
    return await microBenchmarks(s.microCalls, await samplePipeline(pipeline));
  } finally {
    await pipeline.app.close();
  }
}

/* ---------------------------------------------------------------------------------------------------------- */
/* PostgreSQL: a fresh database, dropped at the end                                                            */

async function adminConnection(s: Settings): Promise<{ url: string } | { skipped: string }> {
  const candidates = s.pgAdminUrl
    ? [s.pgAdminUrl]
    : ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://root@127.0.0.1:5432/postgres'];
  const problems: string[] = [];
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { url };
    } catch (error) {
      problems.push(`${redactUrl(url)}: ${describeError(error)}`);
      const code = (error as { code?: string }).code;
      if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || /timeout/i.test((error as Error).message)) break;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { skipped: problems.join('; ') };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * What the app's PostgreSQL sessions are doing during the walk, from pg_stat_activity every 0.5 s: on CPU,
 * waiting on a lock (and which), idle in a transaction. Node being idle says little without this.
 */
function sessionSampler(url: string, database: string): WalkObserver {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  const sums = new Map<string, number>();
  let samples = 0;
  let busy = false;
  let timer: NodeJS.Timeout | undefined;
  const sample = async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await client.query<{ state: string | null; type: string | null; event: string | null; n: number }>(
        `SELECT state, wait_event_type AS type, wait_event AS event, count(*)::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() GROUP BY 1, 2, 3`,
        [database],
      );
      samples++;
      for (const { state, type, event, n } of rows) {
        const key =
          state === 'active'
            ? type && type !== 'Client'
              ? `active, waiting on ${type}:${event}`
              : 'active (on CPU or in a client round trip)'
            : `${state ?? 'unknown'}${type === 'Client' || !type ? '' : ` (${type}:${event})`}`;
        sums.set(key, (sums.get(key) ?? 0) + n);
      }
    } catch {
      // A missed sample is only a missed sample.
    } finally {
      busy = false;
    }
  };
  return {
    async start() {
      await client.connect();
      timer = setInterval(() => void sample(), 500);
    },
    async stop() {
      clearInterval(timer);
      while (busy) await new Promise((resolve) => setTimeout(resolve, 10));
      await client.end().catch(() => undefined);
      const parts = [...sums]
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => `${fmt(n / Math.max(1, samples), 1)} ${key}`);
      return `its sessions during the walk (pg_stat_activity, ${samples} samples, mean count): ${parts.join('; ') || 'none seen'}`;
    },
  };
}

async function postgresPhase(s: Settings): Promise<{ outcome: PhaseOutcome } | { skipped: string }> {
  const admin = await adminConnection(s);
  if ('skipped' in admin) return admin;
  const name = `kt_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(admin.url, `CREATE DATABASE "${name}"`);
  const url = new URL(admin.url);
  url.pathname = `/${name}`;
  log(`postgres: created database ${name} (${redactUrl(url.toString())})`);
  try {
    return { outcome: await inProcessPhase('postgres', url.toString(), s, { observer: sessionSampler(url.toString(), name) }) };
  } finally {
    try {
      await adminQuery(admin.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } catch {
      await adminQuery(admin.url, `DROP DATABASE IF EXISTS "${name}"`);
    }
    log(`postgres: dropped database ${name}`);
  }
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Over HTTP: the real API app on an ephemeral port, fetch clients in the same process                         */

/**
 * 32 clients = a keep-alive pool of exactly 32 connections. The built-in fetch's default pool has no limit: when
 * a burst finds every connection busy it opens new ones and queues several requests on each while it connects,
 * which are then served one after another (hundreds of ms at p99, a client artefact), and it lets the extras
 * idle out. Node's fetch is its bundled undici; its Agent class is reachable through the global dispatcher once
 * fetch has run, and fetch takes it per request (`dispatcher`). Nothing is installed and no global is changed.
 */
async function fetchPool(base: string, connections: number): Promise<Dispatcher | undefined> {
  await (await fetch(`${base}/`)).arrayBuffer();
  const global = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')];
  if (typeof global !== 'object' || global === null || global.constructor?.name !== 'Agent') return undefined;
  const Agent = global.constructor as new (options: object) => Dispatcher;
  return new Agent({ connections, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000 });
}

const poolNote = (pool: Dispatcher | undefined, s: Settings) =>
  pool ? `keep-alive pool of ${s.concurrency} connections` : "fetch's default keep-alive pool (no limit: Agent not found)";

/**
 * No abort signal per request: AbortSignal.timeout() costs the client noticeably, and fetch keeps a listener on
 * a shared signal for good. undici's own 300 s header/body timeouts, the walk's hang guard and the watchdog
 * bound every request instead.
 */
async function postJson(base: string, path: string, token: string, body: unknown, expected: number, dispatcher?: Dispatcher) {
  const init: RequestInit & { dispatcher?: Dispatcher } = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    dispatcher,
  };
  const response = await fetch(base + path, init);
  const text = await response.text();
  if (response.status !== expected) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as { id: string; state: string };
}

/** The same clients against a bare node:http server that answers at once: what HTTP itself costs, both ends. */
async function httpFloor(s: Settings): Promise<WalkResult> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"id":"00000000-0000-0000-0000-000000000000","state":"awarded"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const deadlineAt = now() + s.budgetMs;
  const pool = await fetchPool(base, s.concurrency);
  const zero = '00000000-0000-0000-0000-000000000000';
  const walkOne: WalkOne = async (index, timed) => {
    await timed(0, () => postJson(base, '/api/proposals', 'token', draftFor(zero, zero, index), 200, pool));
    for (let k = 0; k < PIPELINE_EVENTS.length; k++) {
      await timed(k + 1, () => postJson(base, `/api/proposals/${zero}/events`, 'token', PIPELINE_EVENTS[k].request, 200, pool));
    }
  };
  try {
    log(`http floor: bare node:http server, ${s.httpProposals} × ${STEPS_PER_PROPOSAL} requests, ${s.concurrency} clients`);
    if (s.warmup > 0) await runWalk({ ...walkSpec('http floor warm-up', s, s.warmup, deadlineAt, walkOne), quiet: true });
    return await runWalk({ ...walkSpec('http floor', s, s.httpProposals, deadlineAt, walkOne), quiet: true });
  } finally {
    await pool?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function httpPhase(s: Settings): Promise<{ outcome: PhaseOutcome; floor: WalkResult }> {
  const floor = await httpFloor(s);

  const deadlineAt = now() + s.budgetMs;
  const dir = tempDir('http');
  const config = benchConfig(`sqlite:${join(dir, 'api.sqlite')}`);
  const secret = config.jwtSecret;
  try {
    const app = await within('http: API start-up', s.budgetMs, createApiApp(config, { logger: false }));
    let pool: Dispatcher | undefined;
    try {
      await app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      pool = await fetchPool(base, s.concurrency);
      const admin = pipelineTokens('none', secret).admin;
      const unit = await postJson(base, '/api/units', admin, { code: 'BENCH', name: 'Đơn vị đo hiệu năng' }, 201, pool);
      const campaign = await postJson(base, '/api/campaigns', admin, BENCH_CAMPAIGN, 201, pool);
      const tokens = pipelineTokens(unit.id, secret);
      const walkOne: WalkOne = async (index, timed) => {
        const created = await timed(0, () =>
          postJson(base, '/api/proposals', tokens.drafter, draftFor(unit.id, campaign.id, index), 201, pool),
        );
        let state = created.state;
        for (let k = 0; k < PIPELINE_EVENTS.length; k++) {
          const { by, request } = PIPELINE_EVENTS[k];
          const path = `/api/proposals/${created.id}/events`;
          state = (await timed(k + 1, () => postJson(base, path, tokens[by], request, 200, pool))).state;
        }
        if (state !== 'awarded') throw new Error(`proposal ${created.id} ended in ${state}, not awarded`);
      };

      log(`http: API app listening on ${base}, SQLite in ${dir}`);
      const { warmup, walk } = await warmAndWalk('http', s, s.httpProposals, deadlineAt, walkOne);
      const check = await countRows(app.get(DataSource));
      const profile = usable(walk) ? await profiledWalk('http', s, Math.min(s.profileProposals, s.httpProposals), sideDeadline(s), walkOne) : null;
      const engine = `Nest (Express) app from createApiApp on SQLite; clients: built-in fetch in the same process, ${poolNote(pool, s)}`;
      return { outcome: { name: 'http (sqlite)', engine, warmup, walk, check, attribution: null, profile, notes: [] }, floor };
    } finally {
      await pool?.close();
      await within('http: closing the API app', 60_000, app.close());
    }
  } finally {
    removeTempDir(dir);
  }
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Report                                                                                                       */

const rate = (walk: WalkResult) => (walk.operations * 1000) / walk.elapsedMs;

function walkRow(name: string, walk: WalkResult): string[] {
  const all = LatencyLog.merged(walk.latencies);
  const heapAt = (mark: string) => walk.memory.find((m) => m.mark === mark);
  const last = walk.memory[walk.memory.length - 1];
  return [
    name,
    `${walk.completed}${walk.completed < walk.total ? `/${walk.total}` : ''}`,
    String(walk.concurrency),
    String(walk.operations),
    fmt(walk.elapsedMs / 1000, 2),
    fmt(rate(walk), 0),
    fmt(percentile(all, 0.5), 2),
    fmt(percentile(all, 0.99), 2),
    ...['25%', '50%', '75%', '100%'].map((mark) => {
      const point = heapAt(mark) ?? (mark === '100%' ? heapAt('end') : undefined);
      return point ? fmt(point.heapUsedMb) : '–';
    }),
    last ? fmt(last.rssMb, 0) : '–',
    fmt(walk.cpuPercent, 0),
    String(walk.failed),
  ];
}

/** The HTTP phase's profile, per request, in the parts a reader can act on. */
function httpSplit(summary: ProfileSummary, walk: WalkResult): string {
  const groups: [string, string[]][] = [
    ['JWT verification', ['jsonwebtoken (+jws, jwa)']],
    ['rest of the server stack (Nest, Express, validation, controllers)', [
      'NestJS', 'Express (+ its deps)', 'class-validator', 'class-transformer', 'rxjs (Nest interceptors)',
      'app: controllers, guard, filter (apps/api)', 'app: libs/auth',
    ]],
    ['HTTP plumbing at both ends (Node http/net, socket writes)', ['Node internals (event loop, http, net, streams)', 'socket writes (syscalls)']],
    ['the benchmark client (fetch, driver)', ['fetch client (built-in undici)', 'bench harness (driver, client)']],
  ];
  const perRequest = (ms: number) => (ms * 1000) / Math.max(1, walk.operations);
  let grouped = 0;
  const parts = groups.map(([label, categories]) => {
    const ms = summary.shares.filter((share) => categories.includes(share.category)).reduce((n, share) => n + share.ms, 0);
    grouped += ms;
    return `${label} ${fmt(perRequest(ms), 0)}`;
  });
  return (
    `http: µs of the one JS thread per request, from its profile: the use case itself (SQL, XState, app, GC, …) ` +
    `${fmt(perRequest(summary.totalMs - grouped), 0)}; ${parts.join('; ')}; total ${fmt(perRequest(summary.totalMs), 0)}.`
  );
}

/** Throughput in each quarter of the walk: a rate that falls as proposals accumulate is work that grows with n. */
function quarterTable(walks: { name: string; walk: WalkResult }[]): string {
  const marks = ['25%', '50%', '75%', '100%'];
  const rows = walks.map(({ name, walk }) => {
    let before = { operations: 0, elapsedMs: 0 };
    let reachedEnd = false;
    const rates = marks.map((mark) => {
      // A walk stopped early has an 'end' point: it closes the quarter it stopped in.
      let at = walk.segments.find((segment) => segment.mark === mark);
      if (!at && !reachedEnd) {
        at = walk.segments.find((segment) => segment.mark === 'end');
        reachedEnd = true;
      }
      if (!at) return Number.NaN;
      const rateHere = ((at.operations - before.operations) * 1000) / (at.elapsedMs - before.elapsedMs);
      before = at;
      return rateHere;
    });
    return [name, ...rates.map((r) => fmt(r, 0)), fmt(rates[3] / rates[0], 2)];
  });
  return table(['transitions/s per quarter', '0–25%', '25–50%', '50–75%', '75–100%', 'last/first'], rows);
}

function stepLatencyTable(walks: { name: string; walk: WalkResult }[]): string {
  const headers = ['latency ms', ...walks.flatMap(({ name }) => [`${name} p50`, 'p99'])];
  const rows = STEP_NAMES.map((stepName, k) => [
    stepName,
    ...walks.flatMap(({ walk }) => {
      const sorted = walk.latencies[k].sorted();
      return [fmt(percentile(sorted, 0.5), 2), fmt(percentile(sorted, 0.99), 2)];
    }),
  ]);
  return table(headers, rows);
}

const BUCKET_LABEL: Record<Bucket, string> = {
  wall: 'wall: whole use-case call',
  reads: 'reads outside the tx (unit, campaign)',
  lockBegin: 'lock/pool wait + BEGIN',
  sqlLoad: 'SQL in the tx: SELECTs',
  sqlWrite: 'SQL in the tx: INSERT/UPDATEs',
  txWork: 'JS in the tx outside SQL',
  commit: 'COMMIT',
};

function attributionTable(name: string, attribution: AttributionResult): string {
  const { probe } = attribution;
  const mean = (step: string, bucket: Bucket) => probe.meanUs(step, bucket);
  const row = (label: string, value: (step: string) => number) => [label, ...STEP_NAMES.map((step) => fmt(value(step), 0))];
  return table(
    [`${name}: µs per operation`, ...STEP_NAMES],
    [
      row(BUCKET_LABEL.wall, (step) => mean(step, 'wall')),
      ...BUCKETS.filter((bucket) => bucket !== 'txWork').map((bucket) => row(BUCKET_LABEL[bucket], (step) => mean(step, bucket))),
      row(BUCKET_LABEL.txWork, (step) => mean(step, 'txWork') - mean(step, 'sqlLoad') - mean(step, 'sqlWrite')),
      row('rest: use case outside the tx', (step) =>
        mean(step, 'wall') - mean(step, 'reads') - mean(step, 'lockBegin') - mean(step, 'txWork') - mean(step, 'commit'),
      ),
    ],
  );
}

/** Each SQL statement (by verb and table): µs per operation of each step, and how many times it ran. */
function statementTable(name: string, attribution: AttributionResult): string {
  const { probe } = attribution;
  const rows = probe.statementKeys().map((key) => [
    key,
    ...STEP_NAMES.map((step) => {
      const { calls, us } = probe.statementPerOp(step, key);
      return calls ? `${fmt(us, 0)}${calls === 1 ? '' : ` (${fmt(calls, 1)}×)`}` : '';
    }),
  ]);
  return table([`${name}: SQL µs per operation`, ...STEP_NAMES], rows);
}

function profileTable(profiles: { name: string; summary: ProfileSummary; walk: WalkResult }[]): string {
  const categories = new Map<string, number>();
  for (const { summary } of profiles) {
    for (const share of summary.shares) categories.set(share.category, Math.max(categories.get(share.category) ?? 0, share.percent));
  }
  const shown = [...categories].filter(([, max]) => max >= 0.5).sort((a, b) => b[1] - a[1]).map(([category]) => category);
  const headers = ['CPU profile: where samples fall', ...profiles.flatMap(({ name }) => [`${name} %`, 'µs/tr'])];
  const rowFor = (label: string, pick: (summary: ProfileSummary) => number) => [
    label,
    ...profiles.flatMap(({ summary, walk }) => {
      const ms = pick(summary);
      return [fmt(summary.totalMs ? (ms / summary.totalMs) * 100 : Number.NaN, 1), fmt((ms * 1000) / Math.max(1, walk.operations), 0)];
    }),
  ];
  const rows = shown.map((category) => rowFor(category, (summary) => summary.shares.find((s) => s.category === category)?.ms ?? 0));
  rows.push(rowFor('other (each < 0.5 %)', (summary) => summary.shares.filter((s) => !shown.includes(s.category)).reduce((n, s) => n + s.ms, 0)));
  rows.push(rowFor('total', (summary) => summary.totalMs));
  return table(headers, rows);
}

function microTable(micro: MicroSuite): string {
  return table(
    [`pure CPU, ${settings.microCalls.toLocaleString('en-US')} calls each`, 'total ms', 'µs/call'],
    micro.results.map((r) => [r.name, fmt(r.totalMs, 1), fmt(r.usPerCall, 2)]),
  );
}

function header(idlePercent: number): string {
  const cpus = os.cpus();
  const busy = idlePercent < 85 ? '  (something else is using the CPU: numbers may be low)' : '';
  return [
    `pipeline benchmark, ${new Date().toISOString()}`,
    `command : ${commandLine('bench')}, in ${process.cwd()}`,
    `machine : ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 1024 ** 3)} GiB RAM, ` +
      `${os.type()} ${os.release()} ${os.arch()}, node ${process.version}`,
    `load    : ${fmt(idlePercent, 0)} % of the CPU idle in the second before the start; load average ${loadAverage()} (1/5/15 min)${busy}`,
    `settings: ${settings.proposals} proposals in process, ${settings.httpProposals} over HTTP, ${settings.concurrency} in flight, ` +
      `warm-up ${settings.warmup}, attribution ${settings.attributionProposals}, profile ${settings.profileProposals}, ` +
      `micro ${settings.microCalls} calls, budget ${settings.budgetMs / 1000} s per phase, phases ${[...settings.only].join(',')}` +
      `${globalThis.gc ? '' : '  (no --expose-gc: heap figures are without a forced GC)'}`,
  ].join('\n');
}

/* ---------------------------------------------------------------------------------------------------------- */

async function main(): Promise<void> {
  const runStarted = now();
  process.stdout.write(`${header(await machineIdlePercent())}\n\n`);
  let broken = false;
  const rows: string[][] = [];
  const notes: string[] = [];
  const outcomes: PhaseOutcome[] = [];
  let floor: WalkResult | null = null;
  let micro: MicroSuite | null = null;

  const phase = async <T>(name: PhaseName, run: () => Promise<T>): Promise<T | null> => {
    if (!settings.only.has(name)) return null;
    // Walks (the HTTP floor and the API: two), the side passes, set-up and clean-up.
    const disarm = armWatchdog(name, 2 * settings.budgetMs + 2 * SIDE_PASS_MS);
    try {
      return await run();
    } catch (error) {
      broken = true;
      notes.push(`${name}: FAILED: ${describeError(error)}`);
      log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return null;
    } finally {
      disarm();
    }
  };

  // A walk stopped by its time budget is reported, not failed: timings are never asserted. Failures and hangs are.
  const noteWalk = (name: string, walk: WalkResult | null) => {
    if (!walk) return;
    if (walk.stopped) notes.push(`${name}: STOPPED EARLY: ${walk.stopped} (${walk.completed} of ${walk.total} proposals walked)`);
    if (walk.failed || (walk.stopped && walk.stopped !== TIME_BUDGET_EXCEEDED)) broken = true;
    for (const error of walk.errors) notes.push(`${name}: error: ${error}`);
  };

  const record = (outcome: PhaseOutcome) => {
    outcomes.push(outcome);
    rows.push(walkRow(outcome.name, outcome.walk));
    const { walk, check, warmup } = outcome;
    const walked = walk.completed + (warmup?.completed ?? 0);
    notes.push(
      `${outcome.name}: ${outcome.engine}`,
      `${outcome.name}: walk took ${fmt((walk.elapsedMs + walk.pausedMs) / 1000, 2)} s wall, of which ` +
        `${fmt(walk.pausedMs, 0)} ms were the forced-GC pauses (not counted in "time s")`,
      `${outcome.name}: rows after the walk: ${check.awarded} awarded, ${check.events} events, ${check.outbox} outbox ` +
        `(expected ${walked}, ${walked * STEPS_PER_PROPOSAL}, ${walked * STEPS_PER_PROPOSAL}, warm-up included)`,
      ...outcome.notes.map((note) => `${outcome.name}: ${note}`),
    );
    if (outcome.attribution) {
      notes.push(
        `${outcome.name}: with one operation in flight ${fmt(outcome.attribution.serialRate, 0)} transitions/s ` +
          `(vs ${fmt(rate(walk), 0)} with ${walk.concurrency} in flight)`,
      );
    }
    noteWalk(`${outcome.name} warm-up`, warmup);
    noteWalk(outcome.name, walk);
    if (outcome.profile) noteWalk(`${outcome.name} profile`, outcome.profile.walk);
    if (outcome.attribution && outcome.attribution.proposals < settings.attributionProposals) {
      notes.push(`${outcome.name}: attribution stopped after ${outcome.attribution.proposals} proposals (its ${SIDE_PASS_MS / 1000} s budget)`);
    }
  };

  const sqlite = await phase('sqlite', () => sqlitePhase(settings));
  if (sqlite) record(sqlite);

  micro = await phase('micro', () => microPhase(settings));

  const postgres = await phase('postgres', () => postgresPhase(settings));
  if (postgres && 'outcome' in postgres) record(postgres.outcome);
  else if (postgres) {
    rows.push(['postgres', 'skipped', ...Array<string>(13).fill('')]);
    notes.push(`postgres: SKIPPED, nothing usable on 127.0.0.1:5432: ${postgres.skipped}`);
  }

  const http = await phase('http', () => httpPhase(settings));
  if (http) {
    record(http.outcome);
    floor = http.floor;
    rows.push(walkRow('http floor', floor));
    noteWalk('http floor', floor);
  }

  const lines: string[] = [];
  lines.push(
    table(
      ['phase', 'proposals', 'in flight', 'transitions', 'time s', 'transitions/s', 'p50 ms', 'p99 ms', 'heap MB 25%', '50%', '75%', '100%', 'RSS MB', 'node CPU %', 'failed'],
      rows,
    ),
    '',
    `transitions = 1 creation + ${PIPELINE_EVENTS.length} events per proposal: creations are counted as transitions; each one is committed.`,
    `time excludes the forced-GC pauses; a warm-up of ${settings.warmup} proposals ran first and is not counted.`,
    'p50/p99 = one use-case call (in process) or one HTTP request (http), queueing behind the others included.',
    'heap = heapUsed after a forced full GC at 25/50/75/100 % of the walk; RSS at the end of the walk.',
    'node CPU % = CPU time of this process (all threads) over the wall time of the walk; 100 = one core busy.',
    "http floor = the same fetch clients against a bare node:http server that answers at once: HTTP's own cost, both ends.",
    ...notes,
  );
  const httpOutcome = outcomes.find((o) => o.name.startsWith('http'));
  if (httpOutcome?.profile) lines.push(httpSplit(httpOutcome.profile.summary, httpOutcome.profile.walk));
  lines.push(`whole run ${fmt((now() - runStarted) / 1000, 1)} s; load average at the end: ${loadAverage()} (1/5/15 min)`);

  if (outcomes.length) {
    const walks = outcomes.map((o) => ({ name: o.name.split(' ')[0], walk: o.walk }));
    lines.push('', quarterTable(walks), '', stepLatencyTable(walks));
  }
  const attributions = outcomes.flatMap((o) => (o.attribution ? [{ name: o.name, attribution: o.attribution }] : []));
  if (attributions.length) {
    lines.push(
      '',
      `where a transition's time goes, one operation in flight (${attributions.map((a) => `${a.name}: ${a.attribution.proposals} more proposals`).join(', ')}),`,
      "timed at the app's SqlTransactionRunner (a statement's time includes TypeORM and the driver; row JSON parsing is JS):",
    );
    for (const { name, attribution } of attributions) {
      lines.push('', attributionTable(name, attribution), '', statementTable(name, attribution));
      const slowest = outcomes.find((o) => o.name === name)?.slowest;
      if (slowest) {
        lines.push(
          `${name}: slowest statement (${slowest.step}, ${fmt(slowest.ms, 1)} ms): ${slowest.sql.length > 400 ? `${slowest.sql.slice(0, 400)}…` : slowest.sql}`,
          ...slowest.plan.map((line) => `    ${line}`),
        );
      }
    }
  }
  const profiles = outcomes.flatMap((o) => (o.profile ? [{ name: o.name.split(' ')[0], ...o.profile }] : []));
  if (profiles.length) {
    lines.push(
      '',
      `CPU profile of ${profiles.map((p) => `${p.name}: ${p.walk.completed} more proposals at ${fmt(rate(p.walk), 0)} tr/s`).join(', ')} ` +
        `(${settings.concurrency} in flight, V8 sampler every 250 µs; a sample goes to the nearest package or app frame above it):`,
      profileTable(profiles),
    );
  }
  if (micro) {
    lines.push(
      '',
      microTable(micro),
      `pure CPU per transition from these pieces: create ≈ startProposal + eventHash + toProposalView = ${fmt(micro.predicted.create, 0)} µs; ` +
        `event ≈ decide + eventHash + toProposalView = ${fmt(micro.predicted.event, 0)} µs`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (broken) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`[bench] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
