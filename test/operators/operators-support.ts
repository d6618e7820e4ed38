import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

/**
 * What the operators' suites share: real processes (node on dist, npm run, the CLI launcher) started with a
 * timeout, each on its own temporary SQLite file and its own QUEUE_PREFIX, never the developer's ./data.
 */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const JWT_SECRET = `operators-${randomBytes(16).toString('hex')}`;
export const dist = (path: string) => join(ROOT, 'dist', path);

export const tempDir = (label: string) => mkdtempSync(join(tmpdir(), `kt-ops-${label}-`));
export const uniquePrefix = (label: string) => `kt-ops-${label}-${process.pid}-${randomBytes(3).toString('hex')}`;

/**
 * The environment of a child: this one without Jest's NODE_OPTIONS and without whatever DATABASE_URL, PORT or
 * QUEUE_PREFIX the shell that runs the suite may hold; a test secret, so that ./data/jwt-secret is never made.
 */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _jest, DATABASE_URL: _db, PORT: _port, QUEUE_PREFIX: _prefix, AUDIT_SIGNING_KEY: _key, AUDIT_TRUSTED_PUBLIC_KEYS: _trusted, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, NODE_ENV: 'test', JWT_SECRET, REDIS_URL, npm_config_update_notifier: 'false' };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
}

/** Runs a command to its end (killed after `timeoutMs`), collecting its output. */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<Finished> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
  });
}

/** `node <script> …` with this Node. */
export const runNode = (script: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}) =>
  run(process.execPath, [script, ...args], options);

export interface Running {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a long-running process and waits until its output matches `ready` (or it exits, or time runs out). */
export async function startUntil(script: string, env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 30_000): Promise<Running> {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const running: Running = {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 10_000) {
      if (done) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (!ready.test(output)) {
    if (done) throw new Error(`${script} exited before it was ready; it said:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) {
      await running.stop();
      throw new Error(`${script} was not ready after ${timeoutMs} ms; it said:\n${output.slice(-3000)}`);
    }
    await new Promise((resume) => setTimeout(resume, 50));
  }
  return running;
}

/** A TCP port held by this test process (every interface unless `host`), as another program would hold it. */
export async function holdPort(host?: string): Promise<{ port: number; server: Server; release(): Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { port, server, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port free at the moment of asking. */
export async function freePort(): Promise<number> {
  const held = await holdPort();
  await held.release();
  return held.port;
}

/** Deletes every Redis key of the prefix (never anything else: other suites share this Redis). */
export async function deleteKeysOfPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Output without Nest's coloured log lines, split into its non-empty lines. */
export const lines = (text: string) => text.split('\n').map((line) => line.trimEnd()).filter((line) => line !== '');
