import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { closeOnSignals, exitOnStartupError, listenOrExplain, prepareProcess } from '#bootstrap';
import { createApiApp } from '../../api/src/create-api-app.js';
import { createWorkerApp } from '../../worker/src/create-worker-app.js';

/** `npm start`: the API and the worker in one process sharing one database connection (one SQLite lock). */
async function main(): Promise<void> {
  const { config, dataSource } = await prepareProcess(process.env, { listens: true });
  const api = await createApiApp(config, { dataSource });
  const worker = await createWorkerApp(config, { dataSource });
  await listenOrExplain(api, config.port);
  // The API stops taking requests first; the worker then finishes relaying what they committed.
  closeOnSignals([() => api.close(), () => worker.close(), () => dataSource.destroy()]);
  new Logger('khen-thuong').log(
    `API and worker running: http://localhost:${config.port} (docs at /docs, database ${config.database.url})`,
  );
}

main().catch(exitOnStartupError);
