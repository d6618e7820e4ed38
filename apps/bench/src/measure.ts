import { readFileSync } from 'node:fs';
import { constants as perf, PerformanceObserver } from 'node:perf_hooks';
import { describeError, fmt, log, now, problem, profiled, secs } from './harness.js';

/**
 * Measuring a pass: its time without the pauses the bench makes, its CPU time, its memory (sampled, and read
 * after a forced GC at marks), its garbage collections, and, for a pass of many operations in flight, each
 * operation's latency.
 */

/** Nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const MB = 1024 * 1024;
const gcSeen = { full: 0, young: 0, ms: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === perf.NODE_PERFORMANCE_GC_MAJOR) gcSeen.full++;
    else if (kind === perf.NODE_PERFORMANCE_GC_MINOR) gcSeen.young++;
    gcSeen.ms += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

/** What the forced GCs of this process have cost so far, so that a pass can leave them out of its figures. */
const forcedGcCost = { count: 0, cpuMs: 0, wallMs: 0 };

/** heapUsed after a forced full GC (a plain read without --expose-gc), MB. */
export const heapAfterGc = () => {
  const [cpu, t] = [process.cpuUsage(), now()];
  globalThis.gc?.();
  const spent = process.cpuUsage(cpu);
  forcedGcCost.count += globalThis.gc ? 1 : 0;
  forcedGcCost.cpuMs += (spent.user + spent.system) / 1000;
  forcedGcCost.wallMs += now() - t;
  return process.memoryUsage().heapUsed / MB;
};

/**
 * Bytes this process has handed to write(2) and its kin so far (`wchar` of /proc/self/io; NaN where there is
 * none): every file, pipe and socket, whether or not the disk was touched. A delta over a pass is what the pass
 * asked the kernel to write, plus whatever else the process wrote meanwhile (progress lines on stderr).
 */
export function bytesWrittenSoFar(): number {
  try {
    const line = /^wchar:\s*(\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return line ? Number(line[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export interface Measured {
  /** Wall time minus the forced-GC pauses at the heap marks, ms. */
  elapsedMs: number;
  pausedMs: number;
  /**
   * CPU time of this process (all threads) over the wall time, % of one core; and in ms. The forced GCs (the
   * heap marks, here or at another process's request) are left out of both.
   */
  cpuPercent: number;
  cpuMs: number;
  /** heapUsed after a forced GC, MB: 'start' (with gcAtStart), '25%' … '100%', or 'end' for a pass ended early. */
  heap: Record<string, number>;
  peakHeapMb: number;
  rss: { startMb: number; peakMb: number; endMb: number; samples: number };
  /** Collections during the pass (full = mark-compact, young = scavenge) and their time, the forced ones left out. */
  gc: { full: number; young: number; ms: number };
}

/**
 * Time, CPU and memory of one pass. Memory is sampled every 100 ms by a timer and at every `tick` (a pass that
 * never yields to the event loop, such as a synchronous SQLite walk, is sampled only there). At each fraction
 * of `heapAt` a full GC is forced and the heap read; that pause is not counted in the elapsed time.
 */
export class Meter {
  private readonly marks: number[];
  private readonly heap: Record<string, number>;
  private readonly gcAtStart = { ...gcSeen };
  private readonly timer = setInterval(() => this.sample(), 100);
  private readonly rss: Measured['rss'];
  private readonly started = now();
  private readonly cpuAtStart = process.cpuUsage();
  private readonly forcedGcCostAtStart = { ...forcedGcCost };
  private lastLine: number;
  private lastSample = 0;
  private pausedMs = 0;
  private peakHeapMb = 0;
  private done = 0;

  /** With `gcAtStart`, the pass starts after a forced GC (its heap is the 'start' mark). */
  static async start(label: string, total: number, options: { heapAt?: number[]; gcAtStart?: boolean; quiet?: boolean } = {}): Promise<Meter> {
    const heap: Record<string, number> = options.gcAtStart ? { start: heapAfterGc() } : {};
    await new Promise((resolve) => setImmediate(resolve)); // that GC is reported before the pass starts counting
    return new Meter(label, total, options, heap);
  }

  private constructor(
    readonly label: string,
    readonly total: number,
    options: { heapAt?: number[]; quiet?: boolean },
    heap: Record<string, number>,
  ) {
    this.marks = [...(options.heapAt ?? [])];
    this.heap = heap;
    const rss = process.memoryUsage.rss() / MB;
    this.rss = { startMb: rss, peakMb: rss, endMb: rss, samples: 0 };
    this.sample();
    this.lastLine = options.quiet ? Number.POSITIVE_INFINITY : now();
  }

  private sample(): void {
    const usage = process.memoryUsage();
    this.peakHeapMb = Math.max(this.peakHeapMb, usage.heapUsed / MB);
    this.rss.peakMb = Math.max(this.rss.peakMb, usage.rss / MB);
    this.rss.samples++;
    this.lastSample = now();
  }

  /** Whether `done` has reached a heap mark not read yet. */
  due(done: number): boolean {
    return this.marks.length > 0 && done >= this.marks[0] * this.total;
  }

  /**
   * The heap marks `done` has reached, read by `probe` rather than here (the heap of another process, the
   * server's when the clients run in a child); the wait is left out of the elapsed time like a forced GC.
   */
  async readMarksWith(done: number, probe: () => Promise<number>): Promise<void> {
    const t = now();
    while (this.due(done)) this.heap[`${Math.round(this.marks.shift()! * 100)}%`] = await probe();
    this.pausedMs += now() - t;
  }

  /** `done` items so far: samples memory, reads the heap marks reached (unless `canPause` is false), says progress. */
  tick(done: number, canPause = true): void {
    this.done = done;
    const t = now();
    if (t - this.lastSample >= 100) this.sample();
    if (canPause && this.due(done)) {
      while (this.due(done)) {
        this.heap[`${Math.round(this.marks.shift()! * 100)}%`] = heapAfterGc();
      }
      this.pausedMs += now() - t;
    }
    if (t - this.lastLine >= 3000) {
      this.lastLine = t;
      const seconds = (t - this.started - this.pausedMs) / 1000;
      log(`${this.label}: ${String(Math.floor((done / this.total) * 100)).padStart(3)}%  ${fmt(done, 0)}/${fmt(this.total, 0)}, ${fmt(seconds, 1)} s, ${fmt(done / seconds, 0)}/s`);
    }
  }

  async finish(): Promise<Measured> {
    const wallMs = now() - this.started;
    const cpu = process.cpuUsage(this.cpuAtStart);
    const forced = {
      count: forcedGcCost.count - this.forcedGcCostAtStart.count,
      cpuMs: forcedGcCost.cpuMs - this.forcedGcCostAtStart.cpuMs,
      wallMs: forcedGcCost.wallMs - this.forcedGcCostAtStart.wallMs,
    };
    const cpuMs = (cpu.user + cpu.system) / 1000 - forced.cpuMs;
    // The pass's own pauses hold its forced GCs; a server's, forced at its clients' request, are not among them.
    const busyMs = wallMs - Math.max(this.pausedMs, forced.wallMs);
    clearInterval(this.timer);
    this.sample();
    this.rss.endMb = process.memoryUsage.rss() / MB;
    await new Promise((resolve) => setImmediate(resolve)); // lets the pass's last GC entries in
    const gc = { full: gcSeen.full - this.gcAtStart.full - forced.count, young: gcSeen.young - this.gcAtStart.young, ms: gcSeen.ms - this.gcAtStart.ms - forced.wallMs };
    if (this.marks.length) this.heap.end = heapAfterGc();
    if (this.lastLine !== Number.POSITIVE_INFINITY) log(`${this.label}: done, ${fmt(this.done, 0)} in ${secs(wallMs - this.pausedMs)}`);
    return {
      elapsedMs: wallMs - this.pausedMs,
      pausedMs: this.pausedMs,
      cpuPercent: (cpuMs / busyMs) * 100,
      cpuMs,
      heap: this.heap,
      peakHeapMb: this.peakHeapMb,
      rss: this.rss,
      gc: { full: Math.max(0, gc.full), young: gc.young, ms: Math.max(0, gc.ms) },
    };
  }
}

/** The heap after a forced GC at `mark` ('100%' falls back on 'end' for a pass that ended early). */
export const heapAt = (measured: Measured, mark: string) => measured.heap[mark] ?? (mark === '100%' ? measured.heap.end : undefined) ?? Number.NaN;

/** Runs one measured operation and records its latency. */
export type Timed = <T>(op: () => Promise<T>) => Promise<T>;

export interface Load {
  label: string;
  count: number;
  concurrency: number;
  /** Item `index`, on lane `lane` (0 … concurrency-1); each measured operation goes through `timed`. */
  item(index: number, timed: Timed, lane: number): Promise<void>;
  /** Fractions of the pass at which to force a GC and read the heap (no operation is in flight meanwhile). */
  heapAt?: number[];
  /** Reads the heap at those marks instead of this process's own (see Meter.readMarksWith). */
  heapProbe?: () => Promise<number>;
  gcAtStart?: boolean;
  /** No new item after this long; the pass then says it stopped early. */
  budgetMs?: number;
  maxFailures?: number;
  /** A warm-up: no progress lines, no profile. */
  quiet?: boolean;
}

export interface LoadResult extends Measured {
  label: string;
  count: number;
  concurrency: number;
  completed: number;
  failed: number;
  operations: number;
  /** One per operation, ms, ascending. */
  latencies: number[];
  errors: string[];
  stopped: string | null;
}

const TIME_BUDGET = 'time budget exceeded';

/**
 * `count` items, `concurrency` of them in flight. At a heap mark no new item starts; once those in flight have
 * finished, the GC is forced and the pass resumes, so no latency spans the pause.
 */
export async function runLoad(load: Load): Promise<LoadResult> {
  const meter = await Meter.start(load.label, load.count, load);
  const latencies: number[] = [];
  const errors: string[] = [];
  const until = now() + (load.budgetMs ?? Number.POSITIVE_INFINITY);
  let next = 0;
  let completed = 0;
  let failed = 0;
  let operations = 0;
  let active = 0;
  let stopped: string | null = null;
  let gate: { wait: Promise<void>; open: () => void } | null = null;

  /** At a heap mark, no new item starts until those in flight are done; the last one out reads the heap and opens the gate. */
  const settleGate = async (done: number) => {
    const probe = load.heapProbe;
    meter.tick(done, active === 0 && !probe);
    if (meter.due(done) && !gate) {
      let open!: () => void;
      gate = { wait: new Promise<void>((resolve) => (open = resolve)), open };
    }
    if (gate && active === 0) {
      const opened = gate;
      // The gate stays shut while a probe reads: no lane starts an item meanwhile.
      if (probe) await meter.readMarksWith(done, probe);
      gate = null;
      opened.open();
    }
  };
  const timed: Timed = async (op) => {
    const t = now();
    const result = await op();
    latencies.push(now() - t);
    operations++;
    return result;
  };
  const lane = async (laneIndex: number) => {
    for (;;) {
      while (gate) await gate.wait;
      if (stopped || next >= load.count) return;
      if (now() > until) {
        stopped = TIME_BUDGET;
        return;
      }
      const index = next++;
      active++;
      try {
        await load.item(index, timed, laneIndex);
        completed++;
      } catch (error) {
        failed++;
        if (errors.length < 5) errors.push(describeError(error));
        if (failed >= (load.maxFailures ?? 50)) stopped = `${failed} failed`;
      }
      active--;
      await settleGate(completed + failed);
    }
  };
  const lanes = () => Promise.all(Array.from({ length: Math.min(load.concurrency, load.count) }, (_, i) => lane(i)));
  await (load.quiet ? lanes() : profiled(load.label, lanes));
  const measured = await meter.finish();
  latencies.sort((a, b) => a - b);
  return { ...measured, label: load.label, count: load.count, concurrency: load.concurrency, completed, failed, operations, latencies, errors, stopped };
}

/**
 * What went wrong in a pass: failures and errors are problems of the run; a pass stopped by its time budget
 * only says so (timings are never asserted). Answers the lines to print.
 */
export function checkLoad(result: LoadResult): string[] {
  const stop = result.stopped && `${result.label}: STOPPED EARLY: ${result.stopped} (${result.completed} of ${result.count} done)`;
  if (stop && result.stopped !== TIME_BUDGET) problem(stop);
  for (const error of result.errors) problem(`${result.label}: ${error}`);
  return stop ? [stop] : [];
}
