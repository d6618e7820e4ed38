import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '#config';
import { assertRedisReachable } from '#queue';
import { createWorkerApp } from './create-worker-app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  await assertRedisReachable(config.redisUrl);
  await createWorkerApp(config);
  new Logger('worker').log(`Relaying the outbox and processing queues (prefix ${config.queuePrefix})`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
