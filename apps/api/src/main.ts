import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { closeOnSignals, exitOnStartupError, listenOrExplain, prepareProcess } from '#bootstrap';
import { createApiApp } from './create-api-app.js';

async function main(): Promise<void> {
  const { config, dataSource } = await prepareProcess(process.env, { listens: true });
  const app = await createApiApp(config, { dataSource });
  await listenOrExplain(app, config.port);
  closeOnSignals([() => app.close(), () => dataSource.destroy()]);
  new Logger('api').log(`Listening on http://localhost:${config.port} (docs at /docs, database ${config.database.kind})`);
}

main().catch(exitOnStartupError);
