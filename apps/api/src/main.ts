import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { closeOnSignals, exitOnStartupError, prepareProcess } from '#bootstrap';
import { createApiApp } from './create-api-app.js';

async function main(): Promise<void> {
  const { config, dataSource } = await prepareProcess();
  const app = await createApiApp(config, { dataSource });
  await app.listen(config.port);
  closeOnSignals([() => app.close(), () => dataSource.destroy()]);
  new Logger('api').log(`Listening on http://localhost:${config.port} (docs at /docs, database ${config.database.kind})`);
}

main().catch(exitOnStartupError);
