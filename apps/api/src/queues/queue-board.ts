import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { READ_ONLY_REFUSAL, refusesWrite, verifyAccessToken } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import { bullConnection, probeClient, QUEUES } from '#queue';

export const QUEUE_BOARD_PATH = '/queues';
const COOKIE = 'kt_queues_token';
/** How long Redis has to answer a PING before the board says it is unavailable. */
const PROBE_TIMEOUT_MS = 1500;
/** How long the board itself has to answer, once Redis did: Redis may go away between the PING and the board. */
const ANSWER_TIMEOUT_MS = 3000;

const unavailable = (response: Response, why: string): void => {
  // Said the way /health says it, so that an operator reads one vocabulary.
  response.status(503).setHeader('Retry-After', '5').json({
    code: 'QUEUE_UNAVAILABLE',
    message: 'Redis is not answering, so the queues cannot be shown; retry once /health says redis is up',
    redis: `down: ${why}`,
  });
};

/**
 * Bull Board for administrators at /queues. A browser cannot send a bearer header when it follows a link, so
 * `/queues?token=<admin token>` is accepted once and kept in an HTTP-only cookie scoped to this path.
 *
 * The board's queues wait for Redis as long as it takes (BullMQ's connections retry for ever, and their commands
 * queue up meanwhile), so a request made while Redis is down would hang. Each request first PINGs Redis on a
 * client that fails at once instead, and answers 503 QUEUE_UNAVAILABLE when it does not answer in time
 * (docs/operations.md).
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  private readonly queues: Queue[];
  private readonly probe;
  /** The probe's first connection, shared: the page's requests come together, and a second connect() would fail. */
  private connecting: Promise<void> | undefined;
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
    const board = serverAdapter.getRouter() as Express;
    // Ahead of every route of the board, so it goes first; the board stays the mounted app it was built as.
    board.use(this.whenRedisAnswers);
    createBullBoard({ queues: this.queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });
    // After a 503 for a board that was too slow, its late answer fails to write: nothing is left to tell anyone.
    board.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
      if (!response.headersSent) return next(error);
      if (!response.writableEnded) response.end();
    });
    this.router = board;
    this.probe = probeClient(config.redisUrl);
    this.probe.on('error', () => undefined);
  }

  /** Null when Redis answered a PING in time, otherwise why not. */
  private async redisAnswers(): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        (async () => {
          if (this.probe.status === 'wait' || this.probe.status === 'end') this.connecting = this.probe.connect();
          if (this.probe.status !== 'ready') await this.connecting;
          await this.probe.ping();
        })(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS))),
      ]);
      return null;
    } catch (error) {
      return (error as Error).message;
    } finally {
      clearTimeout(timer);
    }
  }

  private readonly whenRedisAnswers = (_request: Request, response: Response, next: NextFunction): void => {
    void this.redisAnswers().then((problem) => {
      if (problem !== null) return unavailable(response, problem);
      const timer = setTimeout(() => {
        if (!response.headersSent) unavailable(response, 'timeout');
      }, ANSWER_TIMEOUT_MS);
      response.once('close', () => clearTimeout(timer));
      next();
    });
  };

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
    this.probe.disconnect();
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}
