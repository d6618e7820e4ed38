import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SYSTEM_ACTOR } from '#kernel';
import { ApplyProposalEventUseCase } from '#proposals';
import { QUEUES } from '#queue';
import { bearer, completeCampaign, createCampaign, createProposal, expectStatus, getHistory, http, type Caller, type ProposalBody } from './api.js';
import { REDIS_URL, type TestApp } from './test-app.js';
import { waitFor } from './wait.js';

/** What GET /api/notifications answers, as far as the suites read it. */
export interface InboxItemBody {
  id: string;
  proposalId: string;
  seq: number;
  event: string;
  unitId: string;
  nominee: string;
  rule: string | null;
  dueDate: string | null;
  dueAt: string | null;
  title: string;
  body: string;
  titleEn: string;
  bodyEn: string;
  at: string;
  read: boolean;
  readAt: string | null;
}

export interface InboxBody {
  items: InboxItemBody[];
  unread: number;
  nextCursor: string | null;
}

/**
 * A campaign whose ceremony is a year ahead of the real clock: the deadline timers that the worker arms for
 * its proposals lie months away, so only the events a suite sends itself make notices.
 */
export async function futureCampaign(t: TestApp) {
  const year = new Date().getUTCFullYear() + 1;
  return createCampaign(t, { ceremonyDate: `${year}-06-22`, guidance: { ...completeCampaign().guidance, achievementPeriod: { from: '2025-01-01', to: `${year}-12-31` } } });
}

export async function proposalWithDeadline(t: TestApp, unitId: string, campaignId: string, nominee: string): Promise<ProposalBody> {
  const proposal = await createProposal(t, unitId, campaignId, { nominee: { type: 'individual', name: nominee } });
  if (!proposal.deadline) throw new Error('the proposal has no deadline');
  return proposal;
}

/** A committed timer event, produced the way the worker's timers do: the use case, as the system actor. */
export async function sendTimerEvent(t: TestApp, proposalId: string, type: 'DEADLINE_REMINDER' | 'DEADLINE_MISSED' | 'ESCALATE') {
  const result = await t.app.get(ApplyProposalEventUseCase).execute(proposalId, SYSTEM_ACTOR, { type });
  const events = await getHistory(t, proposalId);
  const logged = events[events.length - 1];
  if (logged.type !== type) throw new Error(`sendTimerEvent: the last event is ${logged.type}, not ${type}`);
  return { view: result.body, seq: logged.seq };
}

export async function inbox(t: TestApp, caller: Caller, query: Record<string, string> = {}): Promise<InboxBody> {
  const response = await http(t).get('/api/notifications').query(query).set('Authorization', bearer(t, caller));
  expectStatus(response, 200);
  return response.body as InboxBody;
}

/** Waits until the caller's inbox holds `count` notices (and fails, saying what it saw, if it never does). */
export const inboxWith = (t: TestApp, caller: Caller, count: number, timeoutMs = 10_000) =>
  waitFor(`${count} notices for ${JSON.stringify(caller)}`, async () => {
    const found = await inbox(t, caller);
    return found.items.length === count ? found : undefined;
  }, { timeoutMs });

/** `24:00 ngày DD/MM/YYYY` for a due date, written here independently of the code under test. */
export const localEndOfDay = (dueDate: string) => {
  const [year, month, day] = dueDate.split('-');
  return `24:00 ngày ${day}/${month}/${year}`;
};

/** Rows of one table whose column equals a value, in either dialect. */
export async function rowsWhere<T>(t: TestApp, sql: string, params: unknown[]): Promise<T[]> {
  let n = 0;
  const text = t.database === 'postgres' ? sql.replace(/\?/g, () => `$${++n}`) : sql;
  return (await t.dataSource.query(text, params)) as T[];
}

/** Removes every queue of the prefix from Redis and says what, if anything, was left. */
export async function obliterateQueues(prefix: string): Promise<string[]> {
  for (const name of Object.values(QUEUES)) {
    const queue = new Queue(name, { connection: { url: REDIS_URL }, prefix });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }
  const redis = new Redis(REDIS_URL);
  try {
    return await redis.keys(`${prefix}:*`);
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------- webhooks

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  status: number;
  receivedAt: number;
}

export interface WebhookReceiver {
  url(path: string): string;
  received(path: string): ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 that answers each path with the statuses it is given, in order (the last one
 * repeats), and keeps every request it received.
 */
export async function startWebhookReceiver(script: Record<string, number[]>): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const statuses = script[path] ?? [404];
      const seen = received.filter((r) => r.path === path).length;
      const status = statuses[Math.min(seen, statuses.length - 1)];
      received.push({ path, headers: request.headers, rawBody: Buffer.concat(chunks), status, receivedAt: Date.now() });
      response.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver says no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received: (path) => received.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a receiver does with the secret it registered: HMAC-SHA256 over the raw bytes, compared in constant time. */
export function signatureValid(rawBody: Buffer, secret: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
