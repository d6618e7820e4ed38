import type { RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { ConfigError, redactUrl } from '#config';

/** Options for BullMQ's connections: workers need `maxRetriesPerRequest: null` to block on Redis. */
export const bullConnection = (redisUrl: string): RedisOptions => ({
  url: redisUrl,
  maxRetriesPerRequest: null,
});

/** A client for health checks: it fails at once while Redis is down instead of queueing commands. */
export const probeClient = (redisUrl: string) =>
  new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000 });

/** Start-up check: a Redis that does not answer stops start-up with one clear line, not an endless retry. */
export async function assertRedisReachable(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause = '';
  client.on('error', (error: Error) => (cause ||= error.message));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new ConfigError([
      `REDIS_URL ${redactUrl(redisUrl)} did not answer (${cause || (error as Error).message}): start Redis ` +
        '(redis-server --daemonize yes) or point REDIS_URL at a running one',
    ]);
  } finally {
    client.disconnect();
  }
}
