import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type AppConfig } from '#config';
import { openDatabase } from '#persistence';
import { assertRedisReachable } from '#queue';

/**
 * What every process does before Nest starts: read the configuration, check Redis, open the database and
 * run migrations. Any failure here is a ConfigError: one line per problem, said by `exitOnStartupError`.
 */
export async function prepareProcess(env: Record<string, string | undefined> = process.env) {
  const config: AppConfig = loadConfig(env);
  await assertRedisReachable(config.redisUrl);
  const dataSource: DataSource = await openDatabase(config.database, config.migrationsRun);
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

export function exitOnStartupError(error: unknown): never {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
