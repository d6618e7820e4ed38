import { Logger, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { json } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '#config';
import type { Clock } from '#kernel';
import { ApiModule } from './api.module.js';
import { answerOversizedHeadersWithJson } from './errors/oversized-headers.js';
import { refuseDeepJson } from './errors/json-depth.js';
import { TextHygienePipe } from './errors/text-hygiene.js';
import { strictValidationPipe } from './errors/validation.js';
import { QUEUE_BOARD_PATH, QueueBoard } from './queues/queue-board.js';
import { serveWebConsole } from './web/web-console.js';

export interface AppOptions {
  logger?: false;
  /** An open database to share; without one the application opens (and closes) its own. */
  dataSource?: DataSource;
  /** Where time comes from; the system clock unless a test starts the application on another day. */
  clock?: Clock;
}

/** The HTTP application, configured the same way for `main`, the tests and the benchmark. */
export async function createApiApp(config: AppConfig, options: AppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, options.dataSource, options.clock), {
    logger: options.logger ?? ['log', 'warn', 'error'],
    abortOnError: false,
    // Ours instead of Nest's: the same JSON parser, with the nesting checked before parsing (errors/json-depth.ts).
    bodyParser: false,
  });
  app.use(json({ verify: refuseDeepJson }));
  // Text first (NFC, no control characters), then the DTOs: every body and query passes both (docs/validation.md).
  app.useGlobalPipes(new TextHygienePipe(), strictValidationPipe());
  answerOversizedHeadersWithJson(app.getHttpServer());
  const board = app.get(QueueBoard);
  app.use(QUEUE_BOARD_PATH, board.adminOnly, board.router);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Khen thưởng — commendation proposals')
      .setDescription('Proposal pipeline of the provincial People\'s Committee. Every refusal names its rule (see docs/rules.md).')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  serveWebConsole(app);
  if (config.devSignIn && config.nodeEnv !== 'test') {
    Logger.warn('Demo sign-in is on: anyone who reaches this server can take any role. Set NODE_ENV=production for a real deployment.', 'ApiApp');
  }
  return app;
}
