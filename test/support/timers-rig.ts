import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { addDays, localDateOf } from '#calendar';
import type { AppConfig } from '#config';
import { QUEUES, timerJobId, type JobRegistry, type QueueName } from '#queue';
import { getHistory, type HistoryEvent } from './api.js';
import { REDIS_URL, startTestApp, startTestWorker, uniqueQueuePrefix, type DatabaseKind, type TestApp, PAPER_DOSSIERS} from './test-app.js';
import { waitFor } from './wait.js';

/**
 * What the deadline-timer suites share: an API on its own database and its own QUEUE_PREFIX, in-process
 * workers started on demand, a Queue handle per queue, and a teardown that stops the workers, obliterates
 * every queue of the prefix and deletes whatever key of the prefix is left (never anything else: other suites
 * share this Redis).
 */

export const TIMER_EVENT_TYPES = ['DEADLINE_REMINDER', 'DEADLINE_MISSED', 'ESCALATE'] as const;
export type TimerEventType = (typeof TIMER_EVENT_TYPES)[number];
export type TimerKind = JobRegistry['deadline.fire']['kind'];
export const TIMER_KINDS: TimerKind[] = ['reminder', 'missed', 'escalation'];

/** Every state a job can be found in. */
export const ALL_JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children'] as const;

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface TimerRig {
  api: TestApp;
  prefix: string;
  redis: Redis;
  queue(name: QueueName): Queue;
  timers: Queue;
  maintenance: Queue;
  /** An in-process worker (outbox relay and every processor) on the API's database; closed by `close()`. */
  startWorker(overrides?: Partial<AppConfig>): Promise<INestApplicationContext>;
  stopWorker(worker: INestApplicationContext): Promise<void>;
  close(): Promise<void>;
}

export async function startTimerRig(database: DatabaseKind = 'sqlite', label = 'kt-timers'): Promise<TimerRig> {
  const prefix = uniqueQueuePrefix(label);
  const api = await startTestApp({ database, queuePrefix: prefix, env: PAPER_DOSSIERS });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  const queues = new Map<QueueName, Queue>();
  const workers = new Set<INestApplicationContext>();
  const queue = (name: QueueName) => {
    let found = queues.get(name);
    if (!found) {
      found = new Queue(name, { connection: { url: REDIS_URL }, prefix });
      queues.set(name, found);
    }
    return found;
  };

  return {
    api,
    prefix,
    redis,
    queue,
    timers: queue(QUEUES.deadlineTimers),
    maintenance: queue(QUEUES.deadlineMaintenance),
    async startWorker(overrides = {}) {
      const worker = await startTestWorker({ ...api.config, ...overrides, migrationsRun: false });
      workers.add(worker);
      return worker;
    },
    async stopWorker(worker) {
      workers.delete(worker);
      await worker.close();
    },
    async close() {
      // Each step runs even when an earlier one failed, so that nothing keeps Jest alive or litters Redis.
      const problems: unknown[] = [];
      const step = async (work: () => Promise<unknown>) => {
        try {
          await work();
        } catch (error) {
          problems.push(error);
        }
      };
      for (const worker of [...workers]) await step(() => worker.close());
      workers.clear();
      for (const name of Object.values(QUEUES)) await step(() => queue(name).obliterate({ force: true }));
      await step(() => deleteKeysOfPrefix(redis, prefix));
      for (const opened of queues.values()) await step(() => opened.close());
      await step(async () => redis.disconnect());
      await step(() => api.close());
      if (problems.length > 0) throw problems[0];
    },
  };
}

/** Like FLUSHDB, but only for one prefix: SCAN MATCH prefix:* and UNLINK what it finds. Returns how many went. */
export async function deleteKeysOfPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

export async function keysOfPrefix(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

// ------------------------------------------------------------------------------------------ timer jobs

/** The three deterministic job IDs of a proposal's timers for one deadline. */
export const timerIds = (proposalId: string, dueAt: string): Record<TimerKind, string> => ({
  reminder: timerJobId({ proposalId, kind: 'reminder', dueAt }),
  missed: timerJobId({ proposalId, kind: 'missed', dueAt }),
  escalation: timerJobId({ proposalId, kind: 'escalation', dueAt }),
});

/** The job's state, or 'absent'. */
export async function jobState(queue: Queue, id: string): Promise<string> {
  const job = await queue.getJob(id);
  if (!job) return 'absent';
  return job.getState();
}

export async function jobStates(queue: Queue, ids: string[]): Promise<string[]> {
  return Promise.all(ids.map((id) => jobState(queue, id)));
}

/** The instant a delayed job is due, ms since the epoch. */
export const dueTimeOf = (job: Job) => job.timestamp + (job.delay ?? 0);

/** Every job of the queue that belongs to this proposal, in any state. */
export async function jobsOfProposal(queue: Queue, proposalId: string): Promise<Job[]> {
  const jobs = await queue.getJobs([...ALL_JOB_STATES], 0, -1);
  return jobs.filter((job) => (job as Job<{ proposalId?: string }>).data?.proposalId === proposalId);
}

/** Waits until the job has finished (completed or failed) and returns it. */
export async function finishedJob(queue: Queue, id: string, timeoutMs = 30_000): Promise<Job> {
  return waitFor(
    `job ${id} to finish`,
    async () => {
      const state = await jobState(queue, id);
      return state === 'completed' || state === 'failed' ? queue.getJob(id) : undefined;
    },
    { timeoutMs, intervalMs: 50 },
  ) as Promise<Job>;
}

/**
 * Asks the worker for a reconciliation the way the scheduler and a reschedule do: a `deadlines.reconcile`
 * job on the maintenance queue. Resolves with what it returned ({ examined, armed }).
 */
export async function reconcileThroughQueue(rig: TimerRig, campaignId?: string): Promise<{ examined: number; armed: number }> {
  const id = `test-reconcile-${Date.now()}-${Math.random().toString(16).slice(2)}`;
  await rig.maintenance.add('deadlines.reconcile', { reason: 'test', ...(campaignId ? { campaignId } : {}) }, { jobId: id });
  const job = await finishedJob(rig.maintenance, id, 20_000);
  if ((await job.getState()) !== 'completed') throw new Error(`reconcile job failed: ${job.failedReason}`);
  return job.returnvalue as { examined: number; armed: number };
}

// ------------------------------------------------------------------------------------------ history

export async function timerHistory(t: TestApp, proposalId: string): Promise<HistoryEvent[]> {
  return (await getHistory(t, proposalId)).filter((event) => (TIMER_EVENT_TYPES as readonly string[]).includes(event.type));
}

export const typesOf = (events: { type: string }[]) => events.map((event) => event.type);

/** Per proposal, how many of each timer event its log holds (read straight from proposal_events). */
export async function timerEventCounts(t: TestApp): Promise<Map<string, Record<TimerEventType, number>>> {
  const rows = (await t.dataSource.query(
    `SELECT proposal_id, type, COUNT(*) AS n FROM proposal_events
     WHERE type IN ('DEADLINE_REMINDER', 'DEADLINE_MISSED', 'ESCALATE') GROUP BY proposal_id, type`,
  )) as { proposal_id: string; type: TimerEventType; n: number | string }[];
  const counts = new Map<string, Record<TimerEventType, number>>();
  for (const row of rows) {
    const entry = counts.get(row.proposal_id) ?? { DEADLINE_REMINDER: 0, DEADLINE_MISSED: 0, ESCALATE: 0 };
    entry[row.type] = Number(row.n);
    counts.set(row.proposal_id, entry);
  }
  return counts;
}

export const countsFor = (counts: Map<string, Record<TimerEventType, number>>, id: string) =>
  counts.get(id) ?? { DEADLINE_REMINDER: 0, DEADLINE_MISSED: 0, ESCALATE: 0 };

// ------------------------------------------------------------------------------------------ dates

/** A date in Vietnam, `offsetDays` from today there. */
export const vnDate = (offsetDays = 0, now = new Date()) => addDays(localDateOf(now, 7), offsetDays);

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ------------------------------------------------------------------------------------------ worker processes

export const WORKER_MAIN = resolve(ROOT, 'dist/apps/worker/src/main.js');

/**
 * Brings dist up to date (incremental tsc). Other people's half-written files may fail to type-check while
 * tsc still emits, so the exit code is not trusted: the worker's entry point must exist afterwards.
 */
export async function buildDist(timeoutMs = 240_000): Promise<{ code: number | null; output: string }> {
  const result = await new Promise<{ code: number | null; output: string }>((done) => {
    execFile(
      'npx',
      ['tsc', '-p', 'tsconfig.build.json'],
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
  if (!existsSync(WORKER_MAIN)) throw new Error(`tsc emitted no ${WORKER_MAIN}:\n${result.output.slice(0, 2000)}`);
  return result;
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the output matches. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** The built worker (`node dist/apps/worker/src/main.js`) as a separate process on this rig's database and prefix. */
export function spawnWorker(config: AppConfig, extraEnv: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [WORKER_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: config.database.url,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      JWT_SECRET: config.jwtSecret,
      MIGRATIONS_RUN: 'false',
      OUTBOX_POLL_MS: String(config.outboxPollMs),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let finished = false;
  void exited.then(() => (finished = true));
  return {
    child,
    output: () => output,
    exited,
    async waitForOutput(pattern, timeoutMs = 30_000) {
      await waitFor(
        `worker process output ${pattern}`,
        () => {
          if (pattern.test(output)) return true;
          if (finished) throw new Error(`the worker process exited; it said:\n${output.slice(-3000)}`);
          return false;
        },
        { timeoutMs, intervalMs: 20 },
      );
    },
    async stop(graceMs = 10_000) {
      if (finished) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
