import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '#config';
import { assertRedisReachable } from '#queue';
import { createApiApp } from './create-api-app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  await assertRedisReachable(config.redisUrl);
  const app = await createApiApp(config);
  await app.listen(config.port);
  new Logger('api').log(`Listening on http://localhost:${config.port} (docs at /docs, database ${config.database.kind})`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
