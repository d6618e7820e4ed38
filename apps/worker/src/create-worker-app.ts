import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '#config';
import type { Clock } from '#kernel';
import type { DataSource } from 'typeorm';
import { WorkerModule } from './worker.module.js';

/** The worker has no HTTP server: an application context running the relay and the processors. */
export interface WorkerAppOptions {
  logger?: false;
  /** An open database to share; without one the worker opens (and closes) its own. */
  dataSource?: DataSource;
  /** Where time comes from; the system clock unless a test starts the worker on another day. */
  clock?: Clock;
}

export async function createWorkerApp(config: AppConfig, options: WorkerAppOptions = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options.dataSource, options.clock), {
    logger: options.logger ?? ['log', 'warn', 'error'],
    abortOnError: false,
  });
  return app;
}
