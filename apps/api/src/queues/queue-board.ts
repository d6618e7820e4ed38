import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { READ_ONLY_REFUSAL, refusesWrite, verifyAccessToken } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import { bullConnection, QUEUES } from '#queue';

export const QUEUE_BOARD_PATH = '/queues';
const COOKIE = 'kt_queues_token';

/**
 * Bull Board for administrators at /queues. A browser cannot send a bearer header when it follows a link, so
 * `/queues?token=<admin token>` is accepted once and kept in an HTTP-only cookie scoped to this path.
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  private readonly queues: Queue[];
  readonly router: RequestHandler;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.queues = Object.values(QUEUES).map((name) => {
      const queue = new Queue(name, { connection: bullConnection(config.redisUrl), prefix: config.queuePrefix });
      // A Redis that is down is reported by /health; the board's connections just keep retrying quietly.
      queue.on('error', () => undefined);
      return queue;
    });
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({ queues: this.queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });
    this.router = serverAdapter.getRouter() as RequestHandler;
  }

  readonly adminOnly = (request: Request, response: Response, next: NextFunction): void => {
    const header = request.headers.authorization?.match(/^bearer\s+(.+)$/i)?.[1];
    const query = typeof request.query.token === 'string' ? request.query.token : undefined;
    const cookie = request.headers.cookie?.match(new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`))?.[1];
    const token = header ?? query ?? cookie;
    if (!token) {
      response.status(401).json({ code: 'UNAUTHENTICATED', message: 'Open /queues?token=<admin token> or send Authorization: Bearer' });
      return;
    }
    try {
      const { roles } = verifyAccessToken(token, this.config.jwtSecret);
      if (!roles.includes('admin')) {
        response.status(403).json({ code: 'FORBIDDEN', message: 'The queue board is for administrators' });
        return;
      }
      if (refusesWrite(request.method, roles)) {
        response.status(403).json({ code: 'FORBIDDEN', message: READ_ONLY_REFUSAL });
        return;
      }
    } catch {
      response.status(401).json({ code: 'UNAUTHENTICATED', message: 'Invalid token' });
      return;
    }
    if (query) {
      response.setHeader('Set-Cookie', `${COOKIE}=${query}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict`);
    }
    next();
  };

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}
