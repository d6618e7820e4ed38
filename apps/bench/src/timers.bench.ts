import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { signAccessToken } from '#auth';
import { createWorkingCalendar, localDateOf, addDays, th5Deadline } from '#calendar';
import { loadConfig, type AppConfig } from '#config';
import { SystemClock, type PersonRole } from '#kernel';
import { openDatabase, SqlProposalRepository, SqlTransactionRunner } from '#persistence';
import { QUEUES, jobIdFor, timerJobId } from '#queue';
import { createApiApp } from '../../api/src/create-api-app.js';
import { DeadlineTimerScheduler } from '../../worker/src/deadlines/deadline-timer.scheduler.js';
import { BENCH_CAMPAIGN } from './pipeline-fixtures.js';

/**
 * `npm run bench:timers` (ISSUE 4): the deadline timers under load, against the real Redis and a temp SQLite
 * file per phase. Prints numbers; asserts nothing. Progress goes to stderr, the report to stdout.
 *
 *   (a) arm: N open deadlines (rows inserted straight into SQL), then DeadlineTimerScheduler.reconcile()
 *       cold (every job missing), warm (nothing missing: the cost of the every-minute reconcile) and arm()
 *       alone on records already in memory (Redis only).
 *   (b) storm: N deadlines due in the same second, with the built worker running as 1 (or 2) processes: lag
 *       from the due time to the logged DEADLINE_MISSED (proposal_events.at), p50/p99/max, the time until all
 *       are logged, lost and doubled.
 *   (c) reschedule: PATCH /api/campaigns/:id of a campaign with N open thematic proposals: wall time of the
 *       request, and the time until every new timer job is armed by the worker.
 *
 * Settings (env): BENCH_ARM (100000), BENCH_STORM (10000), BENCH_STORM_WORKERS (comma list of worker counts,
 * "1,2"), BENCH_STORM_LEAD_S (10), BENCH_STORM_TIMEOUT_S (300), BENCH_RESCHEDULE (10000), BENCH_ONLY (a
 * comma list of arm, storm, reschedule), REDIS_URL.
 */

// ------------------------------------------------------------------------------------------------ settings

function intFromEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}="${raw}" must be a whole number, ${min} or more`);
  return value;
}

const PHASES = ['arm', 'storm', 'reschedule'] as const;
type Phase = (typeof PHASES)[number];

function onlyPhases(): Set<Phase> {
  const raw = process.env.BENCH_ONLY;
  if (!raw) return new Set(PHASES);
  const wanted = raw.split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = wanted.filter((part) => !(PHASES as readonly string[]).includes(part));
  if (unknown.length) throw new Error(`BENCH_ONLY="${raw}": ${unknown.join(', ')} unknown; use a comma list of ${PHASES.join(', ')}`);
  return new Set(wanted as Phase[]);
}

function workerCounts(): number[] {
  const raw = process.env.BENCH_STORM_WORKERS ?? '1,2';
  const counts = raw.split(',').map((part) => Number(part.trim()));
  if (counts.length === 0 || counts.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) {
    throw new Error(`BENCH_STORM_WORKERS="${raw}" must be a comma list of worker counts (1–8)`);
  }
  return counts;
}

const settings = {
  arm: intFromEnv('BENCH_ARM', 100_000),
  storm: intFromEnv('BENCH_STORM', 10_000),
  stormWorkers: workerCounts(),
  stormLeadMs: intFromEnv('BENCH_STORM_LEAD_S', 10) * 1000,
  stormTimeoutMs: intFromEnv('BENCH_STORM_TIMEOUT_S', 300) * 1000,
  reschedule: intFromEnv('BENCH_RESCHEDULE', 10_000),
  redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  phases: onlyPhases(),
};

const WORKER_MAIN = fileURLToPath(new URL('../../worker/src/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const JWT_SECRET = randomBytes(32).toString('hex');
const calendar = createWorkingCalendar();

// ------------------------------------------------------------------------------------------------ output

const started = performance.now();
const now = () => performance.now();
const progress = (line: string) => process.stderr.write(`[timers ${((now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
const report: string[] = [];
const say = (line = '') => report.push(line);

const fmt = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
const secs = (ms: number) => `${fmt(ms / 1000, 2)} s`;

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ------------------------------------------------------------------------------------------------ a phase's world

/** One phase: its own SQLite file, its own QUEUE_PREFIX, its own Redis keys (deleted at the end). */
class World {
  readonly dir = mkdtempSync(join(os.tmpdir(), 'kt-bench-timers-'));
  readonly prefix = `kt-bench-timers-${process.pid}-${randomBytes(3).toString('hex')}`;
  readonly config: AppConfig;
  readonly redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
  readonly timers: Queue;
  readonly maintenance: Queue;
  dataSource!: DataSource;
  scheduler!: DeadlineTimerScheduler;
  repository!: SqlProposalRepository;
  api: INestApplication | undefined;
  baseUrl = '';
  workers: WorkerProcess[] = [];

  constructor(readonly name: string) {
    this.config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: `sqlite:${join(this.dir, 'bench.sqlite')}`,
      REDIS_URL: settings.redisUrl,
      QUEUE_PREFIX: this.prefix,
      JWT_SECRET,
      MIGRATIONS_RUN: 'true',
      // Timers are what is measured: paper dossiers, so that seeding needs no uploads.
      REQUIRED_DOCUMENTS: 'false',
    });
    const connection = { url: settings.redisUrl, maxRetriesPerRequest: null };
    this.timers = new Queue(QUEUES.deadlineTimers, { connection, prefix: this.prefix });
    this.maintenance = new Queue(QUEUES.deadlineMaintenance, { connection, prefix: this.prefix });
  }

  async open(): Promise<void> {
    this.dataSource = await openDatabase(this.config.database, true);
    this.repository = new SqlProposalRepository(new SqlTransactionRunner(this.dataSource));
    // The worker's own scheduler class, built outside Nest on this phase's queue, rows and configuration.
    this.scheduler = new DeadlineTimerScheduler(this.timers, this.repository, calendar, this.config, new SystemClock());
  }

  async startApi(): Promise<void> {
    this.api = await createApiApp({ ...this.config, migrationsRun: false }, { logger: false, dataSource: this.dataSource });
    await this.api.init();
    await this.api.listen(0, '127.0.0.1');
    this.baseUrl = `http://127.0.0.1:${(this.api.getHttpServer().address() as AddressInfo).port}`;
  }

  async call(method: string, path: string, role: PersonRole, body?: unknown, unitId: string | null = null): Promise<{ status: number; body: any }> {
    const token = signAccessToken({ sub: `bench-${role}`, name: `bench ${role}`, roles: [role], unitId }, JWT_SECRET);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    if (response.status >= 300) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
    return { status: response.status, body: parsed };
  }

  startWorkers(count: number): WorkerProcess[] {
    for (let i = 0; i < count; i++) this.workers.push(spawnWorker(this.config, `${this.name}-w${i + 1}`));
    return this.workers;
  }

  async close(): Promise<void> {
    const steps: (() => Promise<unknown>)[] = [
      () => Promise.all(this.workers.map((worker) => worker.stop())),
      async () => this.api?.close(),
      async () => this.scheduler?.onModuleDestroy(),
      () => this.timers.close(),
      () => this.maintenance.close(),
      () => deleteKeysOfPrefix(this.redis, this.prefix),
      async () => this.redis.disconnect(),
      async () => this.dataSource?.isInitialized && this.dataSource.destroy(),
      async () => rmSync(this.dir, { recursive: true, force: true }),
    ];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        progress(`cleanup of ${this.name}: ${(error as Error).message}`);
      }
    }
  }
}

async function deleteKeysOfPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

/** How many of these job IDs Redis holds, a few thousand EXISTS per round trip. */
async function countExisting(world: World, ids: string[]): Promise<number> {
  let present = 0;
  for (let i = 0; i < ids.length; i += 5000) {
    const pipeline = world.redis.pipeline();
    for (const id of ids.slice(i, i + 5000)) pipeline.exists(world.timers.toKey(id));
    for (const [, value] of (await pipeline.exec()) ?? []) if (value === 1) present++;
  }
  return present;
}

async function usedMemoryMb(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  const match = /used_memory:(\d+)/.exec(info);
  return match ? Number(match[1]) / 1024 / 1024 : Number.NaN;
}

// ------------------------------------------------------------------------------------------------ worker processes

interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

function spawnWorker(config: AppConfig, label: string): WorkerProcess {
  // BENCH_WORKER_NODE_ARGS (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof) profiles the workers.
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, WORKER_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: config.database.url,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      JWT_SECRET: config.jwtSecret,
      MIGRATIONS_RUN: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  const exit = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exited = true;
      if (code !== 0 && signal !== 'SIGTERM') progress(`worker ${label} exited (${code ?? signal}): ${output.slice(-800)}`);
      done();
    }),
  );
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    async waitFor(pattern, timeoutMs) {
      const until = now() + timeoutMs;
      while (!pattern.test(output)) {
        if (exited) throw new Error(`worker ${label} exited: ${output.slice(-1500)}`);
        if (now() > until) throw new Error(`worker ${label} did not print ${pattern} within ${timeoutMs} ms: ${output.slice(-1500)}`);
        await sleep(20);
      }
    },
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

// ------------------------------------------------------------------------------------------------ rows

/** The pipeline benchmark's campaign (every TH-1 prerequisite met), with its own title and ceremony. */
const CAMPAIGN = (ceremonyDate: string) => ({
  ...BENCH_CAMPAIGN,
  title: `${BENCH_CAMPAIGN.title} ${randomBytes(3).toString('hex')}`,
  ceremonyDate,
});

/** One proposal made through the API (the template), then a unit to hold it. */
async function templateProposal(world: World, campaignId: string | null, unitId: string): Promise<string> {
  const draft = {
    kind: campaignId ? 'thematic' : 'extraordinary',
    ...(campaignId ? { campaignId } : {}),
    unitId,
    awardForm: 'chairman_certificate',
    nominee: { type: 'individual', name: 'Nguyễn Văn An' },
    achievement: { summary: 'Cứu 3 người bị nạn trong lũ quét', date: addDays(localDateOf(new Date()), -1), basis: 'rescue' },
  };
  return (await world.call('POST', '/api/proposals', 'drafter', draft, unitId)).body.id as string;
}

type Row = Record<string, unknown>;

/**
 * `count` copies of a template proposal, written straight into SQL (500 rows a statement, one transaction):
 * each copy has its own id (also inside its snapshot and its CREATED event), the rest is the template's unless
 * `change` says otherwise. The copies' CREATED events keep the template's hash (nothing here verifies chains).
 */
async function cloneProposals(
  world: World,
  templateId: string,
  count: number,
  change: (row: Row, index: number) => void = () => undefined,
): Promise<string[]> {
  const ds = world.dataSource;
  const [template] = (await ds.query('SELECT * FROM proposals WHERE id = ?', [templateId])) as Row[];
  const [created] = (await ds.query('SELECT * FROM proposal_events WHERE proposal_id = ? AND seq = 1', [templateId])) as Row[];
  const proposalColumns = Object.keys(template);
  const eventColumns = Object.keys(created);
  const ids: string[] = [];
  const CHUNK = 500;
  await ds.transaction(async (manager) => {
    for (let start = 0; start < count; start += CHUNK) {
      const n = Math.min(CHUNK, count - start);
      const proposalParams: unknown[] = [];
      const eventParams: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const id = randomUUID();
        ids.push(id);
        const row: Row = { ...template, id, snapshot: String(template.snapshot).split(templateId).join(id) };
        change(row, start + i);
        for (const column of proposalColumns) proposalParams.push(row[column]);
        const event: Row = { ...created, proposal_id: id, payload: String(created.payload).split(templateId).join(id) };
        for (const column of eventColumns) eventParams.push(event[column]);
      }
      const values = (columns: string[]) => Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ');
      await manager.query(`INSERT INTO proposals (${proposalColumns.join(', ')}) VALUES ${values(proposalColumns)}`, proposalParams);
      await manager.query(`INSERT INTO proposal_events (${eventColumns.join(', ')}) VALUES ${values(eventColumns)}`, eventParams);
      if ((start / CHUNK) % 40 === 39) progress(`  ${start + n}/${count} rows`);
    }
  });
  return ids;
}

async function seedUnit(world: World): Promise<string> {
  const code = `B-${randomBytes(3).toString('hex')}`;
  return (await world.call('POST', '/api/units', 'admin', { code, name: `Bench unit ${code}` })).body.id as string;
}

// ------------------------------------------------------------------------------------------------ (a) arm

async function armPhase(): Promise<void> {
  const n = settings.arm;
  const world = new World('arm');
  try {
    await world.open();
    await world.startApi();
    const unitId = await seedUnit(world);
    const templateId = await templateProposal(world, null, unitId);
    await world.api!.close();
    world.api = undefined;

    // DX-4 deadlines 30 to 60 days ahead, on working days: every timer of every one is in the future.
    const dueDates: string[] = [];
    for (let date = addDays(localDateOf(new Date()), 30); dueDates.length < 30; date = addDays(date, 1)) {
      if (calendar.isWorkingDay(date)) dueDates.push(date);
    }
    const setDeadline = (row: Row, index: number) => {
      const dueDate = dueDates[index % dueDates.length];
      Object.assign(row, { deadline_rule: 'DX-4', deadline_due_date: dueDate, deadline_due_at: `${dueDate}T17:00:00.000Z`, deadline_provisional: 0 });
    };
    progress(`(a) inserting ${n} open proposals`);
    let t = now();
    await cloneProposals(world, templateId, n - 1, setDeadline);
    const templateRow: Row = {};
    setDeadline(templateRow, n - 1);
    await world.dataSource.query(
      'UPDATE proposals SET deadline_rule = ?, deadline_due_date = ?, deadline_due_at = ? WHERE id = ?',
      [templateRow.deadline_rule, templateRow.deadline_due_date, templateRow.deadline_due_at, templateId],
    );
    const insertMs = now() - t;
    progress(`(a) ${n} rows in ${secs(insertMs)}; reconcile, cold`);

    const memoryBefore = await usedMemoryMb(world.redis);
    t = now();
    const cold = await world.scheduler.reconcile();
    const coldMs = now() - t;
    const memoryAfter = await usedMemoryMb(world.redis);
    progress(`(a) cold: armed ${cold.armed} jobs for ${cold.examined} deadlines in ${secs(coldMs)}; reconcile, warm`);

    t = now();
    const warm = await world.scheduler.reconcile();
    const warmMs = now() - t;
    progress(`(a) warm: ${warm.armed} armed, ${secs(warmMs)}; reading the records, then arm() alone`);

    t = now();
    const records = [];
    for await (const batch of world.repository.openDeadlines(['drafting', 'unitDecision'])) records.push(...batch);
    const readMs = now() - t;
    await deleteKeysOfPrefix(world.redis, world.prefix);
    t = now();
    const armedOnly = await world.scheduler.arm(records);
    const armOnlyMs = now() - t;
    progress(`(a) arm() alone: ${armedOnly} jobs in ${secs(armOnlyMs)}`);

    say(`(a) Arming ${fmt(n, 0)} open deadlines (3 timers each; SQLite file, real Redis)`);
    say(
      table(
        ['step', 'deadlines', 'jobs added', 'wall', 'jobs/s', 'deadlines/s'],
        [
          ['insert rows (SQL, setup)', fmt(n, 0), '–', secs(insertMs), '–', fmt(n / (insertMs / 1000), 0)],
          ['reconcile(), cold', fmt(cold.examined, 0), fmt(cold.armed, 0), secs(coldMs), fmt(cold.armed / (coldMs / 1000), 0), fmt(cold.examined / (coldMs / 1000), 0)],
          ['reconcile(), warm (nothing missing)', fmt(warm.examined, 0), fmt(warm.armed, 0), secs(warmMs), '–', fmt(warm.examined / (warmMs / 1000), 0)],
          ['openDeadlines() read only', fmt(records.length, 0), '–', secs(readMs), '–', fmt(records.length / (readMs / 1000), 0)],
          ['arm(records), Redis only', fmt(records.length, 0), fmt(armedOnly, 0), secs(armOnlyMs), fmt(armedOnly / (armOnlyMs / 1000), 0), fmt(records.length / (armOnlyMs / 1000), 0)],
        ],
      ),
    );
    say(`Redis memory for ${fmt(cold.armed, 0)} delayed jobs: about ${fmt(memoryAfter - memoryBefore, 0)} MB (used_memory delta; shared Redis)`);
    say();
  } finally {
    await world.close();
  }
}

// ------------------------------------------------------------------------------------------------ (b) storm

interface StormResult {
  workers: number;
  armMs: number;
  armedBeforeDue: boolean;
  lags: number[];
  allLoggedMs: number;
  lost: number;
  doubled: number;
  stoppedEarly: string | null;
  throughput: number;
}

async function stormPhase(workers: number): Promise<StormResult> {
  const n = settings.storm;
  const world = new World(`storm${workers}`);
  try {
    await world.open();
    await world.startApi();
    const unitId = await seedUnit(world);
    const templateId = await templateProposal(world, null, unitId);
    await world.api!.close();
    world.api = undefined;

    // The storm's deadlines were reminded days ago (they are due in seconds): only 'missed' (now) and
    // 'escalation' (two working days on) are armed. No deadline yet, so that the workers' start-up
    // reconciliation arms nothing early.
    const reminded = (row: Row) => {
      const snapshot = JSON.parse(String(row.snapshot));
      snapshot.context.escalation = 'reminded';
      Object.assign(row, { snapshot: JSON.stringify(snapshot), escalation: 'reminded', deadline_rule: null, deadline_due_date: null, deadline_due_at: null });
    };
    progress(`(b/${workers}w) inserting ${n} open proposals`);
    const ids = [...(await cloneProposals(world, templateId, n - 1, reminded))];
    const [templateRow] = (await world.dataSource.query('SELECT * FROM proposals WHERE id = ?', [templateId])) as Row[];
    reminded(templateRow);
    await world.dataSource.query('UPDATE proposals SET snapshot = ?, escalation = ?, deadline_rule = NULL WHERE id = ?', [
      templateRow.snapshot,
      'reminded',
      templateId,
    ]);
    ids.push(templateId);

    progress(`(b/${workers}w) starting ${workers} worker process(es)`);
    const processes = world.startWorkers(workers);
    await Promise.all(processes.map((worker) => worker.waitFor(/Relaying the outbox/, 60_000)));
    await sleep(1_000);

    // Every deadline ends in the same second, a few seconds from now.
    const dueMs = Math.ceil((Date.now() + settings.stormLeadMs) / 1000) * 1000;
    const dueAt = new Date(dueMs).toISOString();
    const dueDate = localDateOf(new Date(dueMs));
    await world.dataSource.query(
      `UPDATE proposals SET deadline_rule = 'DX-4', deadline_due_date = ?, deadline_due_at = ?, deadline_provisional = ? WHERE kind = 'extraordinary'`,
      [dueDate, dueAt, 0],
    );
    let t = now();
    const armed = await world.scheduler.reconcile();
    const armMs = now() - t;
    const armedBeforeDue = Date.now() < dueMs;
    progress(`(b/${workers}w) armed ${armed.armed} jobs in ${secs(armMs)}; all ${n} due at ${dueAt} (in ${secs(dueMs - Date.now())})`);

    // Wait for the storm to pass, counting logged events.
    const deadlineMs = dueMs + settings.stormTimeoutMs;
    let logged = 0;
    let lastProgress = 0;
    let stoppedEarly: string | null = null;
    const countMissed = async () =>
      Number(((await world.dataSource.query("SELECT COUNT(*) AS n FROM proposal_events WHERE type = 'DEADLINE_MISSED'")) as { n: number }[])[0].n);
    while (Date.now() < dueMs) await sleep(Math.min(200, dueMs - Date.now() + 1));
    for (;;) {
      logged = await countMissed();
      if (logged >= n) break;
      if (Date.now() > deadlineMs) {
        stoppedEarly = `only ${logged}/${n} logged ${secs(settings.stormTimeoutMs)} after the due time`;
        break;
      }
      if (Date.now() - lastProgress >= 2_000) {
        progress(`(b/${workers}w) ${logged}/${n} DEADLINE_MISSED logged, ${secs(Date.now() - dueMs)} after due`);
        lastProgress = Date.now();
      }
      await sleep(250);
    }
    // Let retries and duplicates, if any, land before counting doubles.
    await sleep(3_000);

    const rows = (await world.dataSource.query(
      "SELECT proposal_id, at FROM proposal_events WHERE type = 'DEADLINE_MISSED'",
    )) as { proposal_id: string; at: string }[];
    const perProposal = new Map<string, number>();
    const first = new Map<string, number>();
    for (const row of rows) {
      perProposal.set(row.proposal_id, (perProposal.get(row.proposal_id) ?? 0) + 1);
      const at = Date.parse(row.at);
      first.set(row.proposal_id, Math.min(first.get(row.proposal_id) ?? Infinity, at));
    }
    const lags = [...first.values()].map((at) => at - dueMs).sort((a, b) => a - b);
    const lost = ids.filter((id) => !perProposal.has(id)).length;
    const doubled = [...perProposal.values()].filter((count) => count > 1).length;
    const allLoggedMs = lost === 0 ? lags[lags.length - 1] : Number.NaN;
    const spanMs = lags.length > 1 ? lags[lags.length - 1] - lags[0] : Number.NaN;
    progress(`(b/${workers}w) done: ${rows.length} events, lost ${lost}, doubled ${doubled}`);
    return {
      workers,
      armMs,
      armedBeforeDue,
      lags,
      allLoggedMs,
      lost,
      doubled,
      stoppedEarly,
      throughput: lags.length / (spanMs / 1000),
    };
  } finally {
    await world.close();
  }
}

function reportStorms(results: StormResult[]): void {
  const n = settings.storm;
  say(`(b) Timer storm: ${fmt(n, 0)} deadlines due in the same second; lag = proposal_events.at of DEADLINE_MISSED - due time`);
  say(
    table(
      ['workers', 'arm 2 jobs/deadline', 'first logged', 'p50 lag', 'p99 lag', 'max lag', 'all logged after', 'events/s', 'lost', 'doubled'],
      results.map((r) => [
        `${r.workers} process${r.workers > 1 ? 'es' : ''}`,
        `${secs(r.armMs)}${r.armedBeforeDue ? '' : ' (late!)'}`,
        secs(r.lags[0] ?? Number.NaN),
        secs(percentile(r.lags, 0.5)),
        secs(percentile(r.lags, 0.99)),
        secs(r.lags[r.lags.length - 1] ?? Number.NaN),
        Number.isFinite(r.allLoggedMs) ? secs(r.allLoggedMs) : 'never',
        fmt(r.throughput, 0),
        String(r.lost),
        String(r.doubled),
      ]),
    ),
  );
  for (const r of results) {
    if (r.stoppedEarly) say(`  ${r.workers} worker(s): stopped early: ${r.stoppedEarly}`);
    if (r.lags.length > 0 && r.lags[0] < 0) say(`  ${r.workers} worker(s): ${r.lags.filter((lag) => lag < 0).length} events logged BEFORE the due time (min ${secs(r.lags[0])})`);
  }
  say('Aim (ISSUE 4): p99 under 2 s, none lost, none doubled.');
  say();
}

// ------------------------------------------------------------------------------------------------ (c) reschedule

async function reschedulePhase(): Promise<void> {
  const n = settings.reschedule;
  const world = new World('reschedule');
  try {
    await world.open();
    await world.startApi();
    const unitId = await seedUnit(world);
    const today = localDateOf(new Date());
    const firstCeremony = addDays(today, 200);
    const movedCeremony = addDays(today, 235);
    const campaignId = (await world.call('POST', '/api/campaigns', 'home_affairs', CAMPAIGN(firstCeremony))).body.id as string;
    const templateId = await templateProposal(world, campaignId, unitId);
    progress(`(c) inserting ${n} open thematic proposals of one campaign`);
    const ids = [templateId, ...(await cloneProposals(world, templateId, n - 1))];

    let t = now();
    const armed = await world.scheduler.reconcile();
    const armMs = now() - t;
    progress(`(c) armed ${armed.armed} jobs for the first ceremony in ${secs(armMs)}; starting a worker`);

    const [worker] = world.startWorkers(1);
    await worker.waitFor(/Reconciliation scheduled/, 120_000);
    // The outbox message of the template's creation, and the start-up reconciliation, are behind us.
    await sleep(2_000);

    const moved = th5Deadline(movedCeremony, calendar);
    const newIds = ids.flatMap((id) => (['reminder', 'missed', 'escalation'] as const).map((kind) => timerJobId({ proposalId: id, kind, dueAt: moved.dueAt })));
    const patchStarted = now();
    const patchStartedAt = Date.now();
    const response = await world.call('PATCH', `/api/campaigns/${campaignId}`, 'home_affairs', { ceremonyDate: movedCeremony });
    const patchMs = now() - patchStarted;
    progress(`(c) PATCH answered in ${secs(patchMs)} (${response.body.proposalsMoved} proposals moved); waiting for the new jobs`);

    let present = 0;
    let lastProgress = now();
    const until = now() + 300_000;
    while ((present = await countExisting(world, newIds)) < newIds.length && now() < until) {
      if (now() - lastProgress > 2_000) {
        progress(`(c) ${present}/${newIds.length} new jobs armed`);
        lastProgress = now();
      }
      await sleep(100);
    }
    const allArmedMs = now() - patchStarted;
    const reconcileJobId = jobIdFor('deadlines.reconcile', `campaign.${campaignId}.${response.body.updatedAt}`);
    const job = await world.maintenance.getJob(reconcileJobId);
    const [{ n: movedRows }] = (await world.dataSource.query('SELECT COUNT(*) AS n FROM proposals WHERE deadline_due_at = ?', [moved.dueAt])) as {
      n: number;
    }[];

    say(`(c) Rescheduling a campaign of ${fmt(n, 0)} open thematic proposals (PATCH /api/campaigns/:id, 1 worker process)`);
    say(
      table(
        ['step', 'value'],
        [
          ['arm the first ceremony (setup, scheduler.reconcile)', `${fmt(armed.armed, 0)} jobs in ${secs(armMs)}`],
          ['PATCH wall time (one UPDATE + outbox row)', secs(patchMs)],
          ['proposals moved (response / rows with the new dueAt)', `${response.body.proposalsMoved} / ${movedRows}`],
          ['PATCH start → reconcile job added (outbox relay)', job ? secs(job.timestamp - patchStartedAt) : 'job not found'],
          ['reconcile job: waited in queue', job?.processedOn ? secs(job.processedOn - job.timestamp) : '–'],
          ['reconcile job: ran (examine + arm)', job?.processedOn && job.finishedOn ? secs(job.finishedOn - job.processedOn) : '–'],
          ['reconcile job result', job?.returnvalue ? JSON.stringify(job.returnvalue) : '–'],
          ['PATCH start → every new job in Redis', present === newIds.length ? secs(allArmedMs) : `only ${present}/${newIds.length} after 300 s`],
        ],
      ),
    );
    say();
  } finally {
    await world.close();
  }
}

// ------------------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run npm run build first (npm run bench:timers does)`);
  say(`Deadline timers benchmark — ${new Date().toISOString()}`);
  say(
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fmt(os.totalmem() / 1024 ** 3, 0)} GB; ` +
      `Redis ${settings.redisUrl}; SQLite (WAL) in ${os.tmpdir()}`,
  );
  say(
    `Sizes: arm ${settings.arm}, storm ${settings.storm} (workers ${settings.stormWorkers.join(', ')}), reschedule ${settings.reschedule}; ` +
      `phases ${[...settings.phases].join(', ')}`,
  );
  say();

  if (settings.phases.has('arm')) await armPhase();
  if (settings.phases.has('storm')) {
    const results: StormResult[] = [];
    for (const workers of settings.stormWorkers) results.push(await stormPhase(workers));
    reportStorms(results);
  }
  if (settings.phases.has('reschedule')) await reschedulePhase();
  say(`Total ${secs(now() - started)}`);
  process.stdout.write(`${report.join('\n')}\n`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    process.stdout.write(`${report.join('\n')}\n`);
    console.error(error);
    process.exit(1);
  });
