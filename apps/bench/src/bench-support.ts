import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Small, dependency-free pieces of the benchmark: settings, the walk driver, percentiles, memory, tables. */

export const now = () => performance.now();

export function intFromEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}="${raw}" must be a whole number, ${min} or more`);
  return value;
}

/** Latencies of one kind of operation, in ms, in a preallocated buffer (so recording them allocates nothing). */
export class LatencyLog {
  private readonly values: Float64Array;
  private count = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(1, capacity));
  }

  add(ms: number): void {
    if (this.count < this.values.length) this.values[this.count++] = ms;
  }

  get size(): number {
    return this.count;
  }

  sorted(): Float64Array {
    return this.values.slice(0, this.count).sort();
  }

  static merged(logs: LatencyLog[]): Float64Array {
    const all = new Float64Array(logs.reduce((n, log) => n + log.count, 0));
    let at = 0;
    for (const log of logs) {
      all.set(log.values.subarray(0, log.count), at);
      at += log.count;
    }
    return all.sort();
  }
}

/** Nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export interface MemoryPoint {
  /** '25%', '50%', … or 'end' when the walk stopped early. */
  mark: string;
  heapUsedMb: number;
  rssMb: number;
  forcedGc: boolean;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export function memoryAfterGc(mark: string): MemoryPoint {
  const gc = globalThis.gc;
  if (gc) gc();
  const usage = process.memoryUsage();
  return { mark, heapUsedMb: mb(usage.heapUsed), rssMb: mb(usage.rss), forcedGc: Boolean(gc) };
}

/** Runs one measured operation of a walk: `step` is its position in the pipeline (0 = create). */
export type Timed = <T>(step: number, op: () => Promise<T>) => Promise<T>;

export interface WalkSpec {
  label: string;
  total: number;
  concurrency: number;
  /** performance.now() after which no new proposal is started. */
  deadlineAt: number;
  /** Number of measured operations per proposal. */
  steps: number;
  /** Fractions of the walk at which to pause, force a GC and read memory. */
  checkpoints: number[];
  maxFailures: number;
  /** No progress lines (warm-up, profile passes). */
  quiet?: boolean;
  walkOne(index: number, timed: Timed): Promise<void>;
}

export interface WalkResult {
  label: string;
  total: number;
  concurrency: number;
  completed: number;
  failed: number;
  /** Operations that succeeded (creations included). */
  operations: number;
  /** Wall time minus the checkpoint pauses (forced GCs), ms. */
  elapsedMs: number;
  pausedMs: number;
  /** CPU time of this process (all threads) over the walk's wall time, % of one core. */
  cpuPercent: number;
  latencies: LatencyLog[];
  memory: MemoryPoint[];
  /** Operations done and time elapsed (pauses excluded) at each checkpoint: throughput per stretch of the walk. */
  segments: { mark: string; operations: number; elapsedMs: number }[];
  errors: string[];
  stopped: string | null;
}

export const TIME_BUDGET_EXCEEDED = 'time budget exceeded';

const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;

/**
 * Walks `total` proposals with `concurrency` of them in flight. At each checkpoint no new operation starts;
 * once the ones in flight have finished, a full GC is forced and memory read, then the walk resumes. The
 * pause is not counted in the elapsed time, and no latency sample spans it.
 */
export async function runWalk(spec: WalkSpec): Promise<WalkResult> {
  const latencies = Array.from({ length: spec.steps }, () => new LatencyLog(spec.total));
  const memory: MemoryPoint[] = [];
  const segments: WalkResult['segments'] = [];
  const errors: string[] = [];
  const marks = spec.checkpoints.map((fraction) => ({ fraction, at: Math.max(1, Math.round(fraction * spec.total)) }));
  let nextMark = 0;
  let nextProgress = 1;
  let next = 0;
  let completed = 0;
  let failed = 0;
  let operations = 0;
  let inflight = 0;
  let pausedMs = 0;
  let stopped: string | null = null;
  let gate: { promise: Promise<void>; open: () => void } | null = null;
  const pending: number[] = [];
  const started = now();
  const cpuAtStart = process.cpuUsage();

  const checkpoint = () => {
    const t = now();
    for (const fraction of pending) segments.push({ mark: pct(fraction), operations, elapsedMs: t - started - pausedMs });
    for (const fraction of pending.splice(0)) memory.push(memoryAfterGc(pct(fraction)));
    pausedMs += now() - t;
    const opened = gate;
    gate = null;
    opened?.open();
  };

  const requestCheckpoint = (fraction: number) => {
    pending.push(fraction);
    if (!gate) {
      let open!: () => void;
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    }
    if (inflight === 0) checkpoint();
  };

  const timed: Timed = async (step, op) => {
    while (gate) await gate.promise;
    inflight++;
    const t = now();
    try {
      const result = await op();
      latencies[step].add(now() - t);
      operations++;
      return result;
    } finally {
      inflight--;
      if (gate && inflight === 0) checkpoint();
    }
  };

  const progress = (finished: number) => {
    while (!spec.quiet && nextProgress <= 10 && finished * 10 >= nextProgress * spec.total) {
      const seconds = (now() - started - pausedMs) / 1000;
      process.stderr.write(
        `[${spec.label}] ${String(nextProgress * 10).padStart(3)}%  ${finished}/${spec.total} proposals, ` +
          `${operations} transitions, ${seconds.toFixed(1)} s, ${fmt(operations / seconds, 0)} transitions/s` +
          `${failed ? `, ${failed} failed` : ''}\n`,
      );
      nextProgress++;
    }
  };

  const worker = async () => {
    while (!stopped) {
      if (now() > spec.deadlineAt) {
        stopped ??= TIME_BUDGET_EXCEEDED;
        break;
      }
      const index = next++;
      if (index >= spec.total) break;
      try {
        await spec.walkOne(index, timed);
        completed++;
      } catch (error) {
        failed++;
        if (errors.length < 5) errors.push(describeError(error));
        if (failed >= spec.maxFailures) stopped ??= `${failed} proposals failed`;
      }
      const finished = completed + failed;
      progress(finished);
      while (nextMark < marks.length && finished >= marks[nextMark].at) requestCheckpoint(marks[nextMark++].fraction);
    }
  };

  // A walk that stops making progress (a lost promise, a hung request) must not hold the run forever.
  let hangTimer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    hangTimer = setTimeout(() => resolve('hung'), Math.max(0, spec.deadlineAt - now()) + 30_000);
  });
  const outcome = await Promise.race([Promise.all(Array.from({ length: spec.concurrency }, worker)), hung]);
  clearTimeout(hangTimer);
  if (outcome === 'hung') stopped = `no progress 30 s after the time budget: ${inflight} operations still in flight`;
  const wallMs = now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  const elapsedMs = wallMs - pausedMs;
  if (memory.length < marks.length && outcome !== 'hung') {
    segments.push({ mark: 'end', operations, elapsedMs });
    memory.push(memoryAfterGc('end'));
  }

  return {
    label: spec.label,
    total: spec.total,
    concurrency: spec.concurrency,
    completed,
    failed,
    operations,
    elapsedMs,
    pausedMs,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    latencies,
    memory,
    segments,
    errors,
    stopped,
  };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${code ? ` ${String(code)}` : ''}: ${error.message}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}

/** Rejects after `ms` with a message naming what took too long. */
export async function within<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Share of the machine's CPU time that was idle over `ms`: whether something else is running right now. */
export async function machineIdlePercent(ms = 1000): Promise<number> {
  const sample = () =>
    os.cpus().reduce(
      (sum, { times }) => ({ idle: sum.idle + times.idle, total: sum.total + times.user + times.nice + times.sys + times.idle + times.irq }),
      { idle: 0, total: 0 },
    );
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sample();
  return ((after.idle - before.idle) / Math.max(1, after.total - before.total)) * 100;
}

export const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ');

const tempDirs = new Set<string>();
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A scratch folder that is removed when the bench ends, however it ends. */
export function tempDir(tag: string): string {
  const dir = mkdtempSync(join(os.tmpdir(), `kt-bench-${tag}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/**
 * How this run was started, so that a reader can run it again: the BENCH_* settings, then the npm script (and
 * what it amounts to) when it came through `npm run <npmScript>`, else the node command line.
 */
export function commandLine(npmScript: string, npmChain = ''): string {
  const viaNpm = process.env.npm_lifecycle_event === npmScript;
  const script = relative(process.cwd(), process.argv[1] ?? '');
  const nodeCommand = ['node', ...process.execArgv, script].join(' ');
  const overrides = Object.keys(process.env)
    .filter((key) => key.startsWith('BENCH_'))
    .sort()
    .map((key) => `${key}=${process.env[key]}`);
  const command = [...overrides, viaNpm ? `npm run ${npmScript}` : nodeCommand].join(' ');
  return viaNpm ? `${command}   (= npm run -s build && ${npmChain}${nodeCommand})` : command;
}

