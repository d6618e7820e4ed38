import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ConfigError, redactUrl, type DatabaseConfig } from '#config';
import { MIGRATIONS } from './migrations/index.js';

/** Hides a password in a URL before it goes into a log line. */

export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = { migrations: MIGRATIONS, migrationsRun: false, synchronize: false, logging: false } as const;
  if (database.kind === 'postgres') {
    return { ...common, type: 'postgres', url: database.url, extra: { max: 10, connectionTimeoutMillis: 5000 } };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    timeout: 5000,
    // Measured choices (docs/operations.md, "SQLite settings and indexes").
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      // NORMAL is durable in WAL mode except for the last transactions before a power cut, and much faster.
      db.pragma('synchronous = NORMAL');
      // Reads straight from the page cache's mapping instead of a copy per page: an audit walk reads the
      // whole log (measured 8.9 → 5.9 µs an event on the audit benchmark's interleaved log).
      db.pragma('mmap_size = 268435456');
      // A checkpoint copies each page changed since the last one into the database file once, however often
      // the log holds it: the hot pages (index ends, the quota row) are copied less often with a longer log.
      // 4,000 pages (16 MB) instead of 1,000: 34.4 → 32.5 KB written a transition, log and checkpoints
      // together; the commit that runs a checkpoint takes 22-29 ms instead of 9-18, a quarter as often (a
      // transition's p99 fell from 3-9 ms to 1-5). 10,000 saved 0.9 KB more for 40 MB of log and pauses of
      // 50-75 ms. NORMAL syncs the log only at checkpoints, so a power cut
      // may now find up to 16 MB of the latest commits unsynced instead of 4 (within the kernel's own
      // write-back delay): the loss NORMAL already accepts, in kind; never a corrupt database.
      db.pragma('wal_autocheckpoint = 4000');
      // A reader that holds a checkpoint back lets the log grow past 16 MB; the next checkpoint cuts the file
      // back to 64 MB rather than leaving it at its largest for good. Truncating writes nothing.
      db.pragma('journal_size_limit = 67108864');
      // cache_size stays at better-sqlite3's 16 MB and temp_store at its default: neither changed what a
      // transition writes (34.6 KB a transition with a 64 MB cache or with temp_store=MEMORY, 34.5 without),
      // and the one sort left on a list (an inbox over several stages) stays in memory at its size.
    },
  };
}

/**
 * Connects once and runs pending migrations. A database that is not there ends start-up with one line that
 * says what to fix; no retry loop.
 */
export async function openDatabase(database: DatabaseConfig, runMigrations = true): Promise<DataSource> {
  if (database.kind === 'sqlite' && database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  const dataSource = new DataSource(dataSourceOptions(database));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new ConfigError([
      `DATABASE_URL ${redactUrl(database.url)} could not be opened (${(error as Error).message.split('\n')[0]}): ` +
        (database.kind === 'postgres'
          ? 'start PostgreSQL or correct the URL'
          : 'check that the folder is writable, or set DATABASE_URL'),
    ]);
  }
  if (runMigrations) await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
