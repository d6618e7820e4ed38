import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { closeOnSignals, exitOnStartupError, prepareProcess } from '#bootstrap';
import { createWorkerApp } from './create-worker-app.js';

async function main(): Promise<void> {
  const { config, dataSource } = await prepareProcess();
  const worker = await createWorkerApp(config, { dataSource });
  closeOnSignals([() => worker.close(), () => dataSource.destroy()]);
  new Logger('worker').log(`Relaying the outbox and processing queues (prefix ${config.queuePrefix})`);
}

main().catch(exitOnStartupError);
