import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '#config';
import { assertRedisReachable } from '#queue';
import { createApiApp } from '../../api/src/create-api-app.js';
import { createWorkerApp } from '../../worker/src/create-worker-app.js';

/** `npm start`: the API and the worker in one process, for one machine and the embedded defaults. */
async function main(): Promise<void> {
  const config = loadConfig();
  await assertRedisReachable(config.redisUrl);
  // The API opens the database first so that migrations run once, before the worker reads the outbox.
  const api = await createApiApp(config);
  await createWorkerApp({ ...config, migrationsRun: false });
  await api.listen(config.port);
  new Logger('khen-thuong').log(
    `API and worker running: http://localhost:${config.port} (docs at /docs, database ${config.database.url})`,
  );
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
