import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { signAccessToken } from '#auth';
import { loadConfig, type AppConfig } from '#config';
import { ShiftedClock, type Clock, type PersonRole } from '#kernel';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app.js';
import { createScratchDatabase, probePostgres, type PostgresProbe } from './postgres.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** The tables a command may write; `rowCounts()` reads all of them to prove a refusal wrote nothing. */
export const TABLES = [
  'units',
  'campaigns',
  'proposals',
  'proposal_events',
  'outbox',
  'idempotency_keys',
  'proposal_documents',
  'document_blobs',
  'clusters',
  'unit_changes',
  'people',
  'person_proposals',
  'person_restrictions',
] as const;
export type TableName = (typeof TABLES)[number];
export type RowCounts = Record<TableName, number>;

export const TEST_JWT_SECRET = `test-secret-${randomBytes(16).toString('hex')}`;
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether PostgreSQL answers is settled once, before any `describe` runs (Jest collects suites synchronously). */
export const POSTGRES: PostgresProbe = await probePostgres();

/**
 * The API refuses dates outside windows relative to its clock (a ceremony in the past, an achievement in the
 * future: docs/validation.md). Most suites run on the real clock with dates counted from the real day; a suite
 * whose expectations are fixed dates of the official 2026 calendar starts the application on the day they were
 * written for instead: 26 May 2026, 08:00 in Hà Nội, with time running from there.
 */
export const FIXTURE_TODAY = '2026-05-26';
export const FIXTURE_START = `${FIXTURE_TODAY}T01:00:00Z`;
export const fixtureClock = (): ShiftedClock => new ShiftedClock(FIXTURE_START);

export const uniqueQueuePrefix = (label = 'kt-test') => `${label}-${process.pid}-${randomBytes(4).toString('hex')}`;

export interface TokenOptions {
  /** The `sub` claim. Defaults to one per role and unit, so two calls with the same arguments are the same person. */
  sub?: string;
  name?: string;
  expiresInSeconds?: number;
}

export interface TestApp {
  app: INestApplication;
  /** A listening http.Server: hand it to supertest. */
  server: Server;
  config: AppConfig;
  /** The application's clock: hand it to a worker started beside it. */
  clock: Clock | undefined;
  database: DatabaseKind;
  /** The app's own DataSource, for counting rows; tests change data only through HTTP. */
  dataSource: DataSource;
  token(role: PersonRole | PersonRole[], unitId?: string | null, options?: TokenOptions): string;
  rowCounts(): Promise<RowCounts>;
  close(): Promise<void>;
}

/** A validated configuration for a test process, through the application's own `loadConfig`. */
export function testConfig(env: Record<string, string>): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    REDIS_URL,
    JWT_SECRET: TEST_JWT_SECRET,
    QUEUE_PREFIX: uniqueQueuePrefix(),
    OUTBOX_POLL_MS: '50',
    ...env,
  });
}

export function signTestToken(
  secret: string,
  role: PersonRole | PersonRole[],
  unitId: string | null = null,
  options: TokenOptions = {},
): string {
  const roles = Array.isArray(role) ? role : [role];
  const sub = options.sub ?? `${roles.join('+')}@${unitId ?? 'province'}`;
  return signAccessToken({ sub, name: options.name ?? sub, roles, unitId }, secret, options.expiresInSeconds);
}

export interface StartTestAppOptions {
  database?: DatabaseKind;
  /** Open this database instead of a fresh one (then nothing is created or dropped for it). */
  databaseUrl?: string;
  queuePrefix?: string;
  redisUrl?: string;
  migrationsRun?: boolean;
  /** Nest's logger; off unless TEST_LOGS=1. */
  logger?: boolean;
  /** More environment, as an operator would set it (DOCUMENT_MAX_BYTES, DOCUMENT_STORAGE, …). */
  env?: Record<string, string>;
  /** Where the application's time comes from: the real clock unless a suite gives another (`fixtureClock()`). */
  clock?: Clock;
}

/**
 * For suites about something else than the dossier (the machine table, timers, the audit chain, notices):
 * their proposals are paper dossiers, as in a province that has not yet made documents mandatory
 * (REQUIRED_DOCUMENTS=false, docs/documents.md), so that each step does not first need its documents and
 * their logs hold only the events they are about. The dossier suites (test/documents) and the console walk
 * run with the default: documents required.
 */
export const PAPER_DOSSIERS: Record<string, string> = { REQUIRED_DOCUMENTS: 'false' };

/**
 * Starts the real API (`createApiApp`) on a fresh SQLite file in a temp dir or a fresh PostgreSQL database,
 * listening on an ephemeral port of 127.0.0.1. `close()` stops it and removes the database.
 */
export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? 'sqlite';
  const cleanups: (() => Promise<void> | void)[] = [];
  const runCleanups = async () => {
    for (const cleanup of cleanups.reverse().splice(0)) {
      await cleanup();
    }
  };

  try {
    let databaseUrl = options.databaseUrl;
    // The documents (and uploads being received) go to a folder of this test's own, whatever the database.
    const documentsDir = mkdtempSync(join(tmpdir(), 'kt-docs-'));
    cleanups.push(() => rmSync(documentsDir, { recursive: true, force: true }));
    if (!databaseUrl && database === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'kt-test-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      databaseUrl = `sqlite:${join(dir, 'x.sqlite')}`;
    }
    if (!databaseUrl && database === 'postgres') {
      if (!POSTGRES.available) throw new Error(`PostgreSQL is not available: ${POSTGRES.reason}`);
      const scratch = await createScratchDatabase(POSTGRES.adminUrl);
      cleanups.push(() => scratch.drop());
      databaseUrl = scratch.url;
    }

    const config = testConfig({
      DATABASE_URL: databaseUrl!,
      ...(options.queuePrefix ? { QUEUE_PREFIX: options.queuePrefix } : {}),
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      MIGRATIONS_RUN: String(options.migrationsRun ?? true),
      DOCUMENTS_DIR: documentsDir,
      ...options.env,
    });
    if (config.database.kind !== database && !options.databaseUrl) {
      throw new Error(`asked for ${database} but the configuration says ${config.database.kind}`);
    }

    const logger = options.logger ?? process.env.TEST_LOGS === '1';
    const clock = options.clock;
    const app = await createApiApp(config, { clock, ...(logger ? {} : { logger: false as const }) });
    cleanups.push(() => app.close());
    await app.init();
    await app.listen(0, '127.0.0.1');
    const dataSource = app.get(DataSource);

    return {
      app,
      server: app.getHttpServer() as Server,
      config,
      clock,
      database: config.database.kind,
      dataSource,
      token: (role, unitId = null, tokenOptions = {}) => signTestToken(config.jwtSecret, role, unitId, tokenOptions),
      rowCounts: () => rowCounts(dataSource),
      close: runCleanups,
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

export async function rowCounts(dataSource: DataSource): Promise<RowCounts> {
  const counts = {} as RowCounts;
  for (const table of TABLES) {
    const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number | string }[];
    counts[table] = Number(row.n);
  }
  return counts;
}

/** The worker (outbox relay and processors) on an existing configuration; it never runs migrations. */
export async function startTestWorker(config: AppConfig, options: { logger?: boolean; clock?: Clock } = {}): Promise<INestApplicationContext> {
  const logger = options.logger ?? process.env.TEST_LOGS === '1';
  return createWorkerApp({ ...config, migrationsRun: false }, { clock: options.clock, ...(logger ? {} : { logger: false as const }) });
}

/**
 * Starts a test app in `beforeAll` and closes it in `afterAll`. The returned handle may be captured by the
 * suite's closures; it throws if used before `beforeAll` has run.
 */
export function useTestApp(database: DatabaseKind, options: Omit<StartTestAppOptions, 'database'> = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await startTestApp({ ...options, database });
  }, 30_000);
  afterAll(async () => {
    await current?.close();
    current = undefined;
  }, 30_000);
  return new Proxy({} as TestApp, {
    get(_target, property) {
      if (!current) throw new Error(`The ${database} test app is not running: use it inside a test or a hook`);
      return Reflect.get(current, property);
    },
  });
}

/**
 * Declares the suite once per database: always on SQLite, and on PostgreSQL when 127.0.0.1:5432 answers
 * (otherwise the PostgreSQL copy is declared skipped, with the reason in its name).
 */
export function describeEachDatabase(name: string, fn: (database: DatabaseKind) => void): void {
  describe(`${name} [sqlite]`, () => fn('sqlite'));
  if (POSTGRES.available) {
    describe(`${name} [postgres]`, () => fn('postgres'));
  } else {
    describe.skip(`${name} [postgres] (skipped: ${POSTGRES.reason})`, () => fn('postgres'));
  }
}
