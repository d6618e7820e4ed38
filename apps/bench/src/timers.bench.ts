import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { addDays, createWorkingCalendar, localDateOf, th5Deadline } from '#calendar';
import { SystemClock } from '#kernel';
import { openDatabase, SqlProposalRepository, SqlTransactionRunner } from '#persistence';
import { jobIdFor, QUEUES, timerJobId } from '#queue';
import { createApiApp } from '../../api/src/create-api-app.js';
import { DeadlineTimerScheduler } from '../../worker/src/deadlines/deadline-timer.scheduler.js';
import { BENCH_CAMPAIGN, tokensFor } from './fixtures.js';
import { bench, childProfileArgs, fmt, log, now, onCleanup, phases, problem, say, secs, size, table } from './harness.js';
import { percentile } from './measure.js';
import { redisUrl, scratch, type Scratch } from './scratch.js';

/**
 * `npm run bench:timers` (ISSUE 4): the deadline timers under load, against the real Redis and a scratch SQLite
 * file per phase. Timings are printed, never asserted.
 *
 *   arm         BENCH_ARM (100,000) open deadlines, rows inserted straight into SQL, then
 *               DeadlineTimerScheduler.reconcile() cold (every job missing) and warm (the every-minute reconcile).
 *   storm       BENCH_STORM (10,000) deadlines due in the same second, with the built worker running as 1, then 2
 *               processes (BENCH_STORM_WORKERS): lag from the due time to the logged DEADLINE_MISSED, p50/p99/max,
 *               time until all are logged, lost and doubled. BENCH_STORM_LEAD_S (10), BENCH_STORM_TIMEOUT_S (300).
 *   reschedule  PATCH /api/campaigns/:id of a campaign with BENCH_RESCHEDULE (10,000) open thematic proposals: the
 *               request's wall time, and the time until the worker has armed every new timer job.
 */

function workerCounts(): number[] {
  const raw = process.env.BENCH_STORM_WORKERS ?? '1,2';
  const counts = raw.split(',').map((part) => Number(part.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) throw new Error(`BENCH_STORM_WORKERS="${raw}" must be a comma list of worker counts (1–8)`);
  return counts;
}

const settings = {
  arm: size('BENCH_ARM', 100_000, 2_000),
  storm: size('BENCH_STORM', 10_000, 500),
  stormWorkers: workerCounts(),
  stormLeadMs: size('BENCH_STORM_LEAD_S', 10, 5) * 1000,
  stormTimeoutMs: size('BENCH_STORM_TIMEOUT_S', 300) * 1000,
  reschedule: size('BENCH_RESCHEDULE', 10_000, 500),
  only: phases(['arm', 'storm', 'reschedule'] as const),
};

const WORKER_MAIN = fileURLToPath(new URL('../../worker/src/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const calendar = createWorkingCalendar();
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
type Row = Record<string, unknown>;

/** A worker process (the built apps/worker), its output kept to wait for a line or to say why it died. */
function spawnWorker(world: World, label: string) {
  const { config } = world.scratch;
  const child = spawn(process.execPath, [...childProfileArgs(label), WORKER_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: config.database.url, REDIS_URL: config.redisUrl, QUEUE_PREFIX: config.queuePrefix, JWT_SECRET: config.jwtSecret, MIGRATIONS_RUN: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', (code, signal) => {
    exited = true;
    if (code !== 0 && signal !== 'SIGTERM') log(`worker ${label} exited (${code ?? signal}): ${output.slice(-800)}`);
    done();
  }));
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    async waitFor(pattern: RegExp, timeoutMs: number) {
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

/** One phase: its scratch SQLite file and Redis prefix, the worker's own scheduler on them, the API while asked for. */
class World {
  readonly redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  readonly timers: Queue;
  readonly maintenance: Queue;
  readonly scheduler: DeadlineTimerScheduler;
  readonly workers: ReturnType<typeof spawnWorker>[] = [];
  readonly close: () => Promise<void>;
  private api: INestApplication | undefined;
  private base = '';

  private constructor(readonly scratch: Scratch, readonly dataSource: DataSource, readonly name: string) {
    const connection = { url: redisUrl, maxRetriesPerRequest: null };
    this.timers = new Queue(QUEUES.deadlineTimers, { connection, prefix: scratch.config.queuePrefix });
    this.maintenance = new Queue(QUEUES.deadlineMaintenance, { connection, prefix: scratch.config.queuePrefix });
    const repository = new SqlProposalRepository(new SqlTransactionRunner(dataSource));
    this.scheduler = new DeadlineTimerScheduler(this.timers, repository, calendar, scratch.config, new SystemClock());
    this.close = onCleanup(async () => {
      await Promise.all(this.workers.map((worker) => worker.stop()));
      await this.stopApi();
      await this.scheduler.onModuleDestroy();
      await Promise.all([this.timers.close(), this.maintenance.close()]);
      this.redis.disconnect();
      await dataSource.destroy();
      await scratch.close();
    });
  }

  static async open(name: string): Promise<World> {
    const world = await scratch(`timers-${name}`, { env: { MIGRATIONS_RUN: 'true' } });
    return new World(world, await openDatabase(world.config.database, true), name);
  }

  async startApi(): Promise<void> {
    this.api = await createApiApp({ ...this.scratch.config, migrationsRun: false }, { logger: false, dataSource: this.dataSource });
    await this.api.listen(0, '127.0.0.1');
    this.base = `http://127.0.0.1:${(this.api.getHttpServer().address() as AddressInfo).port}`;
  }

  async stopApi(): Promise<void> {
    await this.api?.close();
    this.api = undefined;
  }

  /** A request as `who` of the unit (`admin` for none); answers the body. */
  async call(method: string, path: string, who: 'admin' | 'drafter' | 'homeAffairs', body?: unknown, unitId = 'none'): Promise<any> {
    const token = tokensFor(unitId, this.scratch.config.jwtSecret)[who];
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  }

  startWorkers(count: number) {
    for (let i = 1; i <= count; i++) this.workers.push(spawnWorker(this, `${this.name}-w${i}`));
    return this.workers;
  }

  /** A unit, and one proposal made through the API (extraordinary, or thematic in `campaignId`): the template. */
  async template(campaignId?: string): Promise<string> {
    const code = `B-${randomBytes(3).toString('hex')}`;
    const unitId = (await this.call('POST', '/api/units', 'admin', { code, name: `Bench unit ${code}` })).id as string;
    const draft = {
      kind: campaignId ? 'thematic' : 'extraordinary',
      ...(campaignId ? { campaignId } : {}),
      unitId,
      awardForm: 'chairman_certificate',
      nominee: { type: 'individual', name: 'Nguyễn Văn An' },
      achievement: { summary: 'Cứu 3 người bị nạn trong lũ quét', date: addDays(localDateOf(new Date()), -1), basis: 'rescue' },
    };
    return (await this.call('POST', '/api/proposals', 'drafter', draft, unitId)).id as string;
  }

  /**
   * `count` copies of the template, written straight into SQL (500 rows a statement, one transaction): each with
   * its own id (also inside its snapshot and its CREATED event), the rest the template's unless `change` says
   * otherwise. The copies' CREATED events keep the template's hash: nothing here verifies chains.
   */
  async clone(templateId: string, count: number, change: (row: Row, index: number) => void = () => undefined): Promise<string[]> {
    const [template] = (await this.dataSource.query('SELECT * FROM proposals WHERE id = ?', [templateId])) as Row[];
    const [created] = (await this.dataSource.query('SELECT * FROM proposal_events WHERE proposal_id = ? AND seq = 1', [templateId])) as Row[];
    const ids: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      const insert = async (table: string, rows: Row[]) => {
        const columns = Object.keys(rows[0]);
        const values = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
        await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, rows.flatMap((row) => columns.map((column) => row[column])));
      };
      for (let start = 0; start < count; start += 500) {
        const proposals: Row[] = [];
        const events: Row[] = [];
        for (let i = start; i < Math.min(count, start + 500); i++) {
          const id = randomUUID();
          ids.push(id);
          const row: Row = { ...template, id, snapshot: String(template.snapshot).split(templateId).join(id) };
          change(row, i);
          proposals.push(row);
          events.push({ ...created, proposal_id: id, payload: String(created.payload).split(templateId).join(id) });
        }
        await insert('proposals', proposals);
        await insert('proposal_events', events);
      }
    });
    return ids;
  }
}

/* arm ------------------------------------------------------------------------------------------------------- */

async function armPhase(): Promise<void> {
  const n = settings.arm;
  const world = await World.open('arm');
  try {
    await world.startApi();
    const templateId = await world.template();
    await world.stopApi();
    // DX-4 deadlines 30 to 60 days ahead, on working days: every timer of every one is in the future.
    const dueDates: string[] = [];
    for (let date = addDays(localDateOf(new Date()), 30); dueDates.length < 30; date = addDays(date, 1)) if (calendar.isWorkingDay(date)) dueDates.push(date);
    const setDeadline = (row: Row, index: number) => {
      const dueDate = dueDates[index % dueDates.length];
      Object.assign(row, { deadline_rule: 'DX-4', deadline_due_date: dueDate, deadline_due_at: `${dueDate}T17:00:00.000Z`, deadline_provisional: 0 });
    };
    log(`arm: inserting ${n} open proposals`);
    let t = now();
    await world.clone(templateId, n - 1, setDeadline);
    const last: Row = {};
    setDeadline(last, n - 1);
    await world.dataSource.query('UPDATE proposals SET deadline_rule = ?, deadline_due_date = ?, deadline_due_at = ? WHERE id = ?', [last.deadline_rule, last.deadline_due_date, last.deadline_due_at, templateId]);
    const insertMs = now() - t;

    const usedMb = async () => Number(/used_memory:(\d+)/.exec(await world.redis.info('memory'))?.[1]) / 1024 / 1024;
    const memoryBefore = await usedMb();
    log(`arm: reconcile, cold`);
    t = now();
    const cold = await world.scheduler.reconcile();
    const coldMs = now() - t;
    const memoryAfter = await usedMb();
    log(`arm: reconcile, warm`);
    t = now();
    const warm = await world.scheduler.reconcile();
    const warmMs = now() - t;
    const perS = (count: number, ms: number) => fmt(count / (ms / 1000), 0);
    say(
      `(a) Arming ${fmt(n, 0)} open deadlines (3 timers each; SQLite file, real Redis)`,
      table(
        ['step', 'deadlines', 'jobs added', 'wall', 'jobs/s', 'deadlines/s'],
        [
          ['insert rows (SQL, setup)', fmt(n, 0), '–', secs(insertMs), '–', perS(n, insertMs)],
          ['reconcile(), cold', fmt(cold.examined, 0), fmt(cold.armed, 0), secs(coldMs), perS(cold.armed, coldMs), perS(cold.examined, coldMs)],
          ['reconcile(), warm (nothing missing)', fmt(warm.examined, 0), fmt(warm.armed, 0), secs(warmMs), '–', perS(warm.examined, warmMs)],
        ],
      ),
      `Redis memory for ${fmt(cold.armed, 0)} delayed jobs: about ${fmt(memoryAfter - memoryBefore, 0)} MB (used_memory delta; shared Redis)`,
      '',
    );
  } finally {
    await world.close();
  }
}

/* storm ----------------------------------------------------------------------------------------------------- */

async function storm(workers: number): Promise<string[]> {
  const n = settings.storm;
  const world = await World.open(`storm${workers}`);
  try {
    await world.startApi();
    const templateId = await world.template();
    await world.stopApi();
    // Reminded days ago (they are due in seconds): only 'missed' (now) and 'escalation' (two working days on) are
    // armed. No deadline yet, so that the workers' start-up reconciliation arms nothing early.
    const reminded = (row: Row) => {
      const snapshot = JSON.parse(String(row.snapshot));
      snapshot.context.escalation = 'reminded';
      Object.assign(row, { snapshot: JSON.stringify(snapshot), escalation: 'reminded', deadline_rule: null, deadline_due_date: null, deadline_due_at: null });
    };
    log(`storm/${workers}w: inserting ${n} open proposals`);
    const ids = [...(await world.clone(templateId, n - 1, reminded)), templateId];
    const [template] = (await world.dataSource.query('SELECT * FROM proposals WHERE id = ?', [templateId])) as Row[];
    reminded(template);
    await world.dataSource.query('UPDATE proposals SET snapshot = ?, escalation = ?, deadline_rule = NULL WHERE id = ?', [template.snapshot, 'reminded', templateId]);

    log(`storm/${workers}w: starting ${workers} worker process(es)`);
    await Promise.all(world.startWorkers(workers).map((worker) => worker.waitFor(/Relaying the outbox/, 60_000)));
    await sleep(1_000);

    // Every deadline ends in the same second, a few seconds from now.
    const dueMs = Math.ceil((Date.now() + settings.stormLeadMs) / 1000) * 1000;
    await world.dataSource.query(
      `UPDATE proposals SET deadline_rule = 'DX-4', deadline_due_date = ?, deadline_due_at = ?, deadline_provisional = 0 WHERE kind = 'extraordinary'`,
      [localDateOf(new Date(dueMs)), new Date(dueMs).toISOString()],
    );
    const t = now();
    await world.scheduler.reconcile();
    const armMs = now() - t;
    const armedBeforeDue = Date.now() < dueMs;
    log(`storm/${workers}w: armed in ${secs(armMs)}; all ${n} due in ${secs(dueMs - Date.now())}`);

    const countMissed = async () => Number(((await world.dataSource.query("SELECT COUNT(*) AS n FROM proposal_events WHERE type = 'DEADLINE_MISSED'")) as { n: number }[])[0].n);
    await sleep(Math.max(0, dueMs - Date.now()));
    let stoppedEarly = '';
    let lastLine = 0;
    for (let logged = await countMissed(); logged < n; logged = await countMissed()) {
      if (Date.now() > dueMs + settings.stormTimeoutMs) {
        stoppedEarly = `only ${logged}/${n} logged ${secs(settings.stormTimeoutMs)} after the due time`;
        break;
      }
      if (Date.now() - lastLine >= 2_000) {
        lastLine = Date.now();
        log(`storm/${workers}w: ${logged}/${n} DEADLINE_MISSED logged, ${secs(lastLine - dueMs)} after due`);
      }
      await sleep(250);
    }
    await sleep(3_000); // retries and duplicates, if any, land before the doubles are counted

    const rows = (await world.dataSource.query("SELECT proposal_id, at FROM proposal_events WHERE type = 'DEADLINE_MISSED'")) as { proposal_id: string; at: string }[];
    const first = new Map<string, number>();
    const seen = new Map<string, number>();
    for (const row of rows) {
      seen.set(row.proposal_id, (seen.get(row.proposal_id) ?? 0) + 1);
      first.set(row.proposal_id, Math.min(first.get(row.proposal_id) ?? Infinity, Date.parse(row.at)));
    }
    const lags = [...first.values()].map((at) => at - dueMs).sort((a, b) => a - b);
    const lost = ids.filter((id) => !seen.has(id)).length;
    const doubled = [...seen.values()].filter((count) => count > 1).length;
    const maxLag = lags[lags.length - 1] ?? Number.NaN;
    if (stoppedEarly) problem(`storm, ${workers} worker(s): ${stoppedEarly}`);
    if (lags[0] < 0) problem(`storm, ${workers} worker(s): ${lags.filter((lag) => lag < 0).length} events logged BEFORE the due time (min ${secs(lags[0])})`);
    return [
      `${workers} process${workers > 1 ? 'es' : ''}`,
      `${secs(armMs)}${armedBeforeDue ? '' : ' (late!)'}`,
      secs(lags[0] ?? Number.NaN),
      secs(percentile(lags, 0.5)),
      secs(percentile(lags, 0.99)),
      secs(maxLag),
      lost === 0 ? secs(maxLag) : 'never',
      fmt(lags.length / ((maxLag - lags[0]) / 1000), 0),
      String(lost),
      String(doubled),
    ];
  } finally {
    await world.close();
  }
}

async function stormPhase(): Promise<void> {
  const rows: string[][] = [];
  for (const workers of settings.stormWorkers) rows.push(await storm(workers));
  say(
    `(b) Timer storm: ${fmt(settings.storm, 0)} deadlines due in the same second; lag = proposal_events.at of DEADLINE_MISSED - due time`,
    table(['workers', 'arm 2 jobs/deadline', 'first logged', 'p50 lag', 'p99 lag', 'max lag', 'all logged after', 'events/s', 'lost', 'doubled'], rows),
    'Aim (ISSUE 4): p99 under 2 s, none lost, none doubled.',
    '',
  );
}

/* reschedule ------------------------------------------------------------------------------------------------ */

async function reschedulePhase(): Promise<void> {
  const n = settings.reschedule;
  const world = await World.open('reschedule');
  try {
    await world.startApi();
    const today = localDateOf(new Date());
    const [firstCeremony, movedCeremony] = [addDays(today, 200), addDays(today, 235)];
    const campaign = { ...BENCH_CAMPAIGN, title: `${BENCH_CAMPAIGN.title} ${randomBytes(3).toString('hex')}`, ceremonyDate: firstCeremony };
    const campaignId = (await world.call('POST', '/api/campaigns', 'homeAffairs', campaign)).id as string;
    const templateId = await world.template(campaignId);
    log(`reschedule: inserting ${n} open thematic proposals of one campaign`);
    const ids = [templateId, ...(await world.clone(templateId, n - 1))];

    let t = now();
    const armed = await world.scheduler.reconcile();
    const armMs = now() - t;
    log(`reschedule: armed ${armed.armed} jobs for the first ceremony in ${secs(armMs)}; starting a worker`);
    await world.startWorkers(1)[0].waitFor(/Reconciliation scheduled/, 120_000);
    await sleep(2_000); // the outbox message of the template's creation, and the start-up reconciliation, are behind us

    const moved = th5Deadline(movedCeremony, calendar);
    const newIds = ids.flatMap((id) => (['reminder', 'missed', 'escalation'] as const).map((kind) => world.timers.toKey(timerJobId({ proposalId: id, kind, dueAt: moved.dueAt }))));
    const countPresent = async () => {
      let present = 0;
      for (let i = 0; i < newIds.length; i += 5000) {
        const pipeline = world.redis.pipeline();
        for (const key of newIds.slice(i, i + 5000)) pipeline.exists(key);
        for (const [, value] of (await pipeline.exec()) ?? []) if (value === 1) present++;
      }
      return present;
    };
    t = now();
    const patchStartedAt = Date.now();
    const response = await world.call('PATCH', `/api/campaigns/${campaignId}`, 'homeAffairs', { ceremonyDate: movedCeremony });
    const patchMs = now() - t;
    log(`reschedule: PATCH answered in ${secs(patchMs)} (${response.proposalsMoved} proposals moved); waiting for the new jobs`);
    let present = 0;
    for (const until = now() + 300_000; (present = await countPresent()) < newIds.length && now() < until; ) await sleep(100);
    const allArmedMs = now() - t;
    const job = await world.maintenance.getJob(jobIdFor('deadlines.reconcile', `campaign.${campaignId}.${response.updatedAt}`));
    const [{ n: movedRows }] = (await world.dataSource.query('SELECT COUNT(*) AS n FROM proposals WHERE deadline_due_at = ?', [moved.dueAt])) as { n: number }[];
    if (present < newIds.length) problem(`reschedule: only ${present}/${newIds.length} new jobs in Redis after 300 s`);
    say(
      `(c) Rescheduling a campaign of ${fmt(n, 0)} open thematic proposals (PATCH /api/campaigns/:id, 1 worker process)`,
      table(
        ['step', 'value'],
        [
          ['arm the first ceremony (setup, scheduler.reconcile)', `${fmt(armed.armed, 0)} jobs in ${secs(armMs)}`],
          ['PATCH wall time (one UPDATE + outbox row)', secs(patchMs)],
          ['proposals moved (response / rows with the new dueAt)', `${response.proposalsMoved} / ${movedRows}`],
          ['PATCH start → reconcile job added (outbox relay)', job ? secs(job.timestamp - patchStartedAt) : 'job not found'],
          ['reconcile job: waited in queue', job?.processedOn ? secs(job.processedOn - job.timestamp) : '–'],
          ['reconcile job: ran (examine + arm)', job?.processedOn && job.finishedOn ? secs(job.finishedOn - job.processedOn) : '–'],
          ['reconcile job result', job?.returnvalue ? JSON.stringify(job.returnvalue) : '–'],
          ['PATCH start → every new job in Redis', present === newIds.length ? secs(allArmedMs) : `only ${present}/${newIds.length} after 300 s`],
        ],
      ),
      '',
    );
  } finally {
    await world.close();
  }
}

bench(
  'deadline timers benchmark (ISSUE 4)',
  `arm ${settings.arm}, storm ${settings.storm} (workers ${settings.stormWorkers.join(', ')}), reschedule ${settings.reschedule}; ` +
    `Redis ${redisUrl}, SQLite (WAL) in the temp dir; phases ${[...settings.only].join(', ')}`,
  async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run npm run build first (npm run bench:timers does)`);
    if (settings.only.has('arm')) await armPhase();
    if (settings.only.has('storm')) await stormPhase();
    if (settings.only.has('reschedule')) await reschedulePhase();
  },
);
