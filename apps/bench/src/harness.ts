import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { basename, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Running a bench, so that a bench file holds only what it measures: its settings, the report header (what ran,
 * where, on which commit), the report itself, clean-up however the run ends, and an optional CPU profile.
 * Progress goes to stderr, the report to stdout. Measuring a pass is measure.ts; the scratch world, scratch.ts.
 *
 * Flags, each also a variable so that it reaches every part of a chained script (`BENCH_QUICK=1 npm run bench`):
 *   --quick            BENCH_QUICK=1       small sizes: checks that the bench runs and prints (figures mean little)
 *   --only=a,b         BENCH_ONLY=a,b      some of the bench's phases
 *   --cpu-prof[=dir]   BENCH_CPU_PROF=dir  each measured pass under the V8 profiler, saved as dir/<bench>-<pass>.cpuprofile
 *   --out=file         BENCH_OUT=file      the report also appended to a file
 * Every size has its own BENCH_* variable, which wins over its default and over --quick. BENCH_TIMEOUT_S gives
 * up on the whole run (clean-up, then exit 3).
 */

const FLAGS = ['quick', 'only', 'cpu-prof', 'out'];
const args = process.argv.slice(2);
for (const arg of args) {
  if (!FLAGS.some((name) => arg === `--${name}` || arg.startsWith(`--${name}=`))) {
    throw new Error(`unknown argument ${arg}: use ${FLAGS.map((name) => `--${name}`).join(', ')}`);
  }
}

function flag(name: string): string | undefined {
  for (const arg of args) {
    if (arg === `--${name}`) return '';
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  const value = process.env[`BENCH_${name.toUpperCase().replace('-', '_')}`];
  return value === undefined || value === '' || value === '0' ? undefined : value;
}

const quick = flag('quick') !== undefined;
const cpuProfDir = flag('cpu-prof') === undefined ? undefined : flag('cpu-prof') || 'bench-profiles';
const outFile = flag('out') || undefined;
const benchName = basename(process.argv[1] ?? 'bench').replace(/\.bench\.js$/, '');

/** A size: its BENCH_* variable when set, else `full`, or `small` with --quick. */
export function size(variable: string, full: number, small = full, min = 1): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return quick ? small : full;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`${variable}="${raw}" must be a whole number, ${min} or more`);
  return value;
}

/** The phases to run: all, or those of --only / BENCH_ONLY. */
export function phases<P extends string>(all: readonly P[]): Set<P> {
  const wanted = (flag('only') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = wanted.filter((part) => !all.includes(part as P));
  if (unknown.length) throw new Error(`--only: ${unknown.join(', ')} unknown; use a comma list of ${all.join(', ')}`);
  return new Set(wanted.length ? (wanted as P[]) : all);
}

/* Output ------------------------------------------------------------------------------------------------- */

export const now = () => performance.now();
const runStarted = now();

/** A progress line on stderr. */
export const log = (line: string) => process.stderr.write(`[${benchName} ${((now() - runStarted) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);

/** Report lines, on stdout (and appended to --out). */
export function say(...lines: string[]): void {
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(text);
  if (outFile) appendFileSync(outFile, text);
}

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const secs = (ms: number) => `${fmt(ms / 1000, 2)} s`;

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  const code = (error as { code?: unknown }).code;
  return `${error.name}${code ? ` ${String(code)}` : ''}: ${error.message}`.slice(0, 300);
}

/* The header: enough to run it again and to judge the figures ----------------------------------------------- */

function commit(): string {
  const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  try {
    const head = git('rev-parse', '--short', 'HEAD');
    try {
      git('diff-index', '--quiet', 'HEAD', '--');
      return head;
    } catch {
      return `${head} + uncommitted changes`;
    }
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Share of the machine's CPU time that was idle over `ms`: whether something else is running right now. */
async function idlePercent(ms = 1000): Promise<number> {
  const sample = () =>
    os.cpus().reduce((sum, { times: t }) => ({ idle: sum.idle + t.idle, total: sum.total + t.user + t.nice + t.sys + t.idle + t.irq }), { idle: 0, total: 0 });
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sample();
  return ((after.idle - before.idle) / Math.max(1, after.total - before.total)) * 100;
}

const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ');

async function header(title: string, settings: string, heapFigures: boolean): Promise<string> {
  const node = ['node', ...process.execArgv, relative(process.cwd(), process.argv[1] ?? ''), ...args].join(' ');
  const overrides = Object.keys(process.env).filter((key) => key.startsWith('BENCH_')).sort().map((key) => `${key}=${process.env[key]}`);
  const script = process.env.npm_lifecycle_event;
  const command = [...overrides, script ? `npm run ${script}` : node].join(' ') + (script ? `   (this part: ${node})` : '');
  const cpus = os.cpus();
  const idle = await idlePercent();
  return [
    `${title}, ${new Date().toISOString()}`,
    `command : ${command}, in ${process.cwd()}`,
    `commit  : ${commit()}`,
    `machine : ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 1024 ** 3)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}, node ${process.version}`,
    `load    : ${fmt(idle, 0)} % of the CPU idle in the second before the start; load average ${loadAverage()} (1/5/15 min)` +
      (idle < 85 ? '  (something else is using the CPU: figures may be low)' : ''),
    `settings: ${settings}${quick ? '  (--quick: small sizes, the figures mean little)' : ''}` +
      (heapFigures && !globalThis.gc ? '  (no --expose-gc: heap figures are without a forced GC)' : ''),
    '',
  ].join('\n');
}

/* Running a bench: header, clean-up, problems, watchdog ------------------------------------------------------ */

const cleanups: (() => Promise<void>)[] = [];
const problems: string[] = [];
const profiles: string[] = [];

/** Something to undo when the bench ends, however it ends; the function returned undoes it now (once). */
export function onCleanup(undo: () => unknown): () => Promise<void> {
  let done = false;
  const run = async () => {
    if (done) return;
    done = true;
    cleanups.splice(cleanups.indexOf(run), 1);
    try {
      await undo();
    } catch (error) {
      log(`clean-up: ${describeError(error)}`);
    }
  };
  cleanups.push(run);
  return run;
}

const cleanUp = async () => {
  while (cleanups.length) await cleanups[cleanups.length - 1]();
};

/** Marks the run as failed (exit code 1); listed at the end of the report. */
export const problem = (text: string) => problems.push(text);

/**
 * Prints the header, runs the bench, cleans up, prints the problems; exit code 1 if any, 3 if it hung.
 * `timeoutS`: the default of BENCH_TIMEOUT_S; `heapFigures`: the report has heap figures (which want --expose-gc).
 */
export function bench(title: string, settings: string, run: () => Promise<void>, options: { timeoutS?: number; heapFigures?: boolean } = {}): void {
  const budgetS = size('BENCH_TIMEOUT_S', options.timeoutS ?? 3600);
  const watchdog = setTimeout(() => {
    log(`still running after ${budgetS} s (BENCH_TIMEOUT_S): giving up`);
    void Promise.race([cleanUp(), new Promise((resolve) => setTimeout(resolve, 15_000))]).finally(() => process.exit(3));
  }, budgetS * 1000);
  watchdog.unref();
  void (async () => {
    try {
      say(await header(title, settings, options.heapFigures ?? false));
      await run();
    } catch (error) {
      problem(`FAILED: ${describeError(error)}`);
      log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    await cleanUp();
    clearTimeout(watchdog);
    say(
      ...profiles.map((file) => `CPU profile (open in Chrome DevTools): ${file}`),
      `whole run ${fmt((now() - runStarted) / 1000, 1)} s; load average at the end: ${loadAverage()} (1/5/15 min)`,
      ...(problems.length ? ['', 'PROBLEMS:', ...problems.map((text) => `  ${text}`)] : []),
    );
    // Queues, pools and servers may hold handles; everything worth keeping has been written.
    process.exit(problems.length ? 1 : 0);
  })();
}

/** Runs `work` under the V8 sampling profiler when --cpu-prof is given, and saves the profile. */
export async function profiled<T>(pass: string, work: () => Promise<T>): Promise<T> {
  if (cpuProfDir === undefined) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(cpuProfDir, { recursive: true });
    const file = join(cpuProfDir, `${benchName}-${pass.replace(/[^\w.-]+/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    profiles.push(file);
  }
}

/** Node options that make a child process write its own CPU profile under --cpu-prof (none without it). */
export const childProfileArgs = (name: string) => (cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, `--cpu-prof-name=${benchName}-${name}.cpuprofile`]);
