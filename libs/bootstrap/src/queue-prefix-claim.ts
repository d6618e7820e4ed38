import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { redactUrl, type DatabaseConfig } from '#config';
import { StartupError } from './startup-error.js';

/**
 * Which database this is, the same from every process and machine that opens it: the SQLite file's real path,
 * or the PostgreSQL cluster's system identifier and the database's name (host names differ between machines
 * and containers; the cluster does not).
 */
export async function databaseIdentity(database: DatabaseConfig, dataSource?: DataSource): Promise<string> {
  if (database.kind === 'sqlite') {
    const path = resolve(database.path);
    try {
      return `sqlite:${realpathSync(path)}`;
    } catch {
      return `sqlite:${path}`;
    }
  }
  if (dataSource) {
    try {
      const [row] = (await dataSource.query(
        'SELECT system_identifier::text AS cluster, current_database() AS name FROM pg_control_system()',
      )) as { cluster: string; name: string }[];
      if (row?.cluster) return `postgres:${row.cluster}/${row.name}`;
    } catch {
      // Fall back on the address below.
    }
  }
  const url = new URL(database.url);
  return `postgres://${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/** A queue prefix of this database's own: the prefix, a dash, and a short hash of the database's identity. */
export function prefixOfItsOwn(prefix: string, identity: string): string {
  return `${prefix}-${createHash('sha256').update(identity).digest('hex').slice(0, 8)}`;
}

/** How long a claim outlives the last process renewing it. */
export const PREFIX_LEASE_SECONDS = 120;

/** The Redis key that records which database a queue prefix serves. */
export const prefixOwnerKey = (prefix: string) => `${prefix}:deployment`;

/**
 * Two deployments on one QUEUE_PREFIX (and one Redis) take each other's jobs: a timer armed by one fires in
 * the other, on a proposal it does not hold. The first process to start on a prefix records its database under
 * `<prefix>:deployment`; a process on another database is refused, with a prefix of its own to use instead.
 * Processes of one deployment (API, workers, on any machine) share the database, and so the claim.
 * The claim is a lease, renewed by every running process (`keepQueuePrefix`): a deployment that has stopped
 * takes no jobs, so its prefix is free again once the lease runs out, and a clone started later on the same
 * machine and Redis is not refused for a database nobody runs any more.
 */
export async function claimQueuePrefix(redisUrl: string, prefix: string, identity: string): Promise<void> {
  const key = prefixOwnerKey(prefix);
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => undefined);
  let owner: string | null;
  try {
    await client.connect();
    const claimed = await client.set(key, identity, 'EX', PREFIX_LEASE_SECONDS, 'NX');
    owner = claimed === 'OK' ? identity : await client.get(key);
    if (owner === identity) await client.expire(key, PREFIX_LEASE_SECONDS);
  } finally {
    client.disconnect();
  }
  if (owner !== null && owner !== identity) {
    throw new StartupError(
      `QUEUE_PREFIX "${prefix}" on ${redactUrl(redisUrl)} already serves another database (${owner}), not this one (${identity}): ` +
        `two deployments on one prefix take each other's jobs. Set QUEUE_PREFIX=${prefixOfItsOwn(prefix, identity)} for this one, ` +
        `or, if this is that deployment with its database moved, redis-cli DEL ${key}`,
    );
  }
}

/** Renews this process's claim while it runs (a third of the lease apart); a failed renewal is retried next time. */
export function keepQueuePrefix(redisUrl: string, prefix: string, identity: string): () => void {
  const timer = setInterval(() => {
    claimQueuePrefix(redisUrl, prefix, identity).catch(() => undefined);
  }, (PREFIX_LEASE_SECONDS * 1000) / 3);
  timer.unref();
  return () => clearInterval(timer);
}
