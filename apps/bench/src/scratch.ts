import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DEFAULT_REDIS_URL, loadConfig, redactUrl, type AppConfig } from '#config';
import { describeError, log, onCleanup } from './harness.js';

/**
 * Where a bench runs the application: a scratch folder, a scratch database (a SQLite file in that folder, or a
 * database made on a PostgreSQL server and dropped after) and a Redis prefix of its own (its keys deleted
 * after), with the configuration that points the application at them. All of it is undone when the bench
 * ends, however it ends.
 */

export const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;

/** A folder in the temp dir, removed when the bench ends. */
export function tempDir(tag: string): string {
  const dir = mkdtempSync(join(os.tmpdir(), `kt-bench-${tag}-`));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A PostgreSQL server to make scratch databases on: `url` if given (failing if it does not answer), else the
 * first of the usual local ones that answers, else why none did.
 */
export async function findPostgres(url?: string): Promise<{ url: string } | { skipped: string }> {
  const candidates = url ? [url] : ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://root@127.0.0.1:5432/postgres'];
  const tried: string[] = [];
  for (const candidate of candidates) {
    try {
      await onServer(candidate, 'SELECT 1');
      return { url: candidate };
    } catch (error) {
      if (url) throw error;
      tried.push(`${redactUrl(candidate)}: ${describeError(error)}`);
      if (/ECONNREFUSED|EHOSTUNREACH|timeout/i.test(describeError(error))) break;
    }
  }
  return { skipped: tried.join('; ') };
}

/** Deletes every key of `prefix` (the queues' jobs, the prefix claim). */
async function deleteRedisKeys(prefix: string): Promise<void> {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
      cursor = next;
      if (keys.length) await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

export interface Scratch {
  config: AppConfig;
  dir: string;
  /** Where the data lives, in words, for the report. */
  where: string;
  /** Drops the database, deletes the Redis keys and the folder (also done when the bench ends). */
  close(): Promise<void>;
}

/**
 * A scratch world named `tag`: on SQLite, or on a fresh database of the PostgreSQL server `postgres`. The
 * configuration is the application's own (loadConfig), with a fresh JWT secret, documents in the folder, paper
 * dossiers (no step waits for an upload: bench:documents measures those) and `env` on top.
 */
export async function scratch(tag: string, options: { postgres?: string; env?: Record<string, string> } = {}): Promise<Scratch> {
  const dir = tempDir(tag);
  const prefix = `kt-bench-${tag}-${randomBytes(4).toString('hex')}`;
  let databaseUrl = `sqlite:${join(dir, 'bench.sqlite')}`;
  let where = `SQLite file in ${dir}`;
  let drop = async (): Promise<void> => undefined;
  if (options.postgres) {
    const name = `kt_bench_${tag.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
    await onServer(options.postgres, `CREATE DATABASE "${name}"`);
    const url = new URL(options.postgres);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    where = `PostgreSQL scratch database ${name} on ${redactUrl(options.postgres)}`;
    log(`created database ${name}`);
    drop = () => onServer(options.postgres!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    REQUIRED_DOCUMENTS: 'false',
    DOCUMENTS_DIR: join(dir, 'documents'),
    ...options.env,
  });
  const close = onCleanup(async () => {
    await drop();
    await deleteRedisKeys(prefix);
    rmSync(dir, { recursive: true, force: true });
  });
  return { config, dir, where, close };
}
