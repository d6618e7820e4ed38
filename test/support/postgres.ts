import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for the integration suites: a throw-away database per test app, created on the server at
 * 127.0.0.1:5432 (trust auth) and dropped again in teardown.
 *
 * `TEST_POSTGRES_ADMIN_URL` overrides the server to use; otherwise `postgres` and then `root` are tried.
 */
const HOST = '127.0.0.1';
const PORT = 5432;
const CANDIDATE_USERS = ['postgres', 'root'];

export type PostgresProbe = { available: true; adminUrl: string } | { available: false; reason: string };

async function canConnect(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probe(): Promise<PostgresProbe> {
  const override = process.env.TEST_POSTGRES_ADMIN_URL;
  const candidates = override ? [override] : CANDIDATE_USERS.map((user) => `postgres://${user}@${HOST}:${PORT}/postgres`);
  const failures: string[] = [];
  for (const url of candidates) {
    const problem = await canConnect(url);
    if (problem === null) return { available: true, adminUrl: url };
    failures.push(`${url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@')}: ${problem}`);
  }
  return { available: false, reason: `PostgreSQL did not answer (${failures.join('; ')})` };
}

let probed: Promise<PostgresProbe> | undefined;

/** Asked once per test file (each Jest test file has its own module registry). */
export function probePostgres(): Promise<PostgresProbe> {
  probed ??= probe();
  return probed;
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function onAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** CREATE DATABASE kt_test_<random>; the returned `drop()` removes it even with connections still open. */
export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const name = `kt_test_${randomBytes(6).toString('hex')}`;
  await onAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await onAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
