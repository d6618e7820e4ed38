import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type AppConfig } from '#config';
import { openDatabase } from '#persistence';
import { assertRedisReachable } from '#queue';
import { assertPortAvailable, explainListenError } from './port-check.js';
import { claimQueuePrefix, databaseIdentity, keepQueuePrefix } from './queue-prefix-claim.js';
import { StartupError } from './startup-error.js';

export interface PrepareOptions {
  /** This process serves HTTP on config.port: a taken port stops start-up first, in one line. */
  listens?: boolean;
}

/**
 * What every process does before Nest starts: read the configuration, check that the HTTP port is free (for
 * a process that listens), check Redis, open the database and run migrations, and claim the queue prefix for
 * this database. Any failure here is a ConfigError (one line per problem) or a StartupError (one line), said
 * by `exitOnStartupError`.
 */
export async function prepareProcess(env: Record<string, string | undefined> = process.env, options: PrepareOptions = {}) {
  const config: AppConfig = loadConfig(env);
  if (options.listens) await assertPortAvailable(config.port);
  await assertRedisReachable(config.redisUrl);
  const dataSource: DataSource = await openDatabase(config.database, config.migrationsRun);
  try {
    const identity = await databaseIdentity(config.database, dataSource);
    await claimQueuePrefix(config.redisUrl, config.queuePrefix, identity);
    keepQueuePrefix(config.redisUrl, config.queuePrefix, identity);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return { config, dataSource };
}

/** On SIGTERM or SIGINT: close the applications in order (they finish running work), then the database. */
export function closeOnSignals(closers: (() => Promise<unknown>)[]): void {
  const logger = new Logger('shutdown');
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: finishing running work, then stopping`);
    for (const closer of closers) {
      try {
        await closer();
      } catch (error) {
        logger.error((error as Error).message);
      }
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
}

/** Known start-up failures in their own words; anything else (a bug) with its stack. */
export function exitOnStartupError(error: unknown): never {
  const port = (error as { port?: unknown } | undefined)?.port;
  const listenLine = typeof port === 'number' ? explainListenError(error, port) : undefined;
  if (error instanceof ConfigError || error instanceof StartupError) console.error(error.message);
  else if (listenLine) console.error(listenLine);
  else console.error(error);
  process.exit(1);
}
