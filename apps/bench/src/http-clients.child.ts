import type { Dispatcher } from 'undici-types';
import { draftFor, PIPELINE_EVENTS, type ActorKey } from './fixtures.js';
import { log } from './harness.js';
import { runLoad, type Load, type LoadResult } from './measure.js';

/**
 * The HTTP clients of the pipeline bench, in a process of their own: fetch, its connection pool and the
 * clients' JSON work then run on the other core, and the server's process does nothing but serve. Driven over
 * IPC by pipeline.bench.ts (`ClientOrder` in, `ClientReport` out): a warm-up, then the measured walk once the
 * server says go; at each heap mark the walk pauses with nothing in flight and asks the server to read its heap.
 */

export interface ClientOrder {
  type: 'walk';
  label: string;
  base: string;
  /** 'api': the real routes, each answer checked; 'floor': the same requests to a server that answers at once. */
  target: 'api' | 'floor';
  count: number;
  warmup: number;
  concurrency: number;
  budgetMs: number;
  heapAt: number[];
  unitId: string;
  campaignId: string;
  tokens: Record<ActorKey, string>;
}
export type ServerReply = { type: 'go' } | { type: 'heap'; mb: number };
export type ClientReport =
  | { type: 'ready'; warmup: LoadResult | null; pool: boolean }
  | { type: 'heap' }
  | { type: 'done'; result: LoadResult }
  | { type: 'failed'; error: string };

const send = (report: ClientReport) => process.send!(report);
const replies: ((reply: ServerReply) => void)[] = [];
const nextReply = () => new Promise<ServerReply>((resolve) => replies.push(resolve));

/**
 * A keep-alive pool of exactly `concurrency` connections for fetch. Its default pool has no limit: a burst that
 * finds every connection busy opens more and queues requests on each while they connect (hundreds of ms at p99,
 * a client artefact). fetch is Node's bundled undici, whose Agent class is reachable through the global
 * dispatcher once fetch has run; nothing is installed and no global is changed.
 */
async function fetchPool(base: string, concurrency: number): Promise<Dispatcher | undefined> {
  await (await fetch(`${base}/`)).arrayBuffer();
  const global = (globalThis as unknown as Record<symbol, { constructor?: { name?: string } } | undefined>)[Symbol.for('undici.globalDispatcher.1')];
  if (global?.constructor?.name !== 'Agent') return undefined;
  const Agent = global.constructor as unknown as new (options: object) => Dispatcher;
  return new Agent({ connections: concurrency, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000 });
}

async function postJson(pool: Dispatcher | undefined, url: string, token: string, body: unknown, expected: number) {
  const init = { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body), dispatcher: pool };
  const response = await fetch(url, init as RequestInit);
  const text = await response.text();
  if (response.status !== expected) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as { id: string; state: string };
}

/** One proposal from creation to awarded: 1 + 5 requests, each its own measured operation. */
function proposalWalk(order: ClientOrder, pool: Dispatcher | undefined): Load['item'] {
  const { base, tokens, unitId, campaignId } = order;
  if (order.target === 'floor') {
    return async (index, timed) => {
      const created = await timed(() => postJson(pool, `${base}/api/proposals`, tokens.drafter, draftFor(unitId, campaignId, index), 200));
      for (const { by, request } of PIPELINE_EVENTS) await timed(() => postJson(pool, `${base}/api/proposals/${created.id}/events`, tokens[by], request, 200));
    };
  }
  return async (index, timed) => {
    const created = await timed(() => postJson(pool, `${base}/api/proposals`, tokens.drafter, draftFor(unitId, campaignId, index), 201));
    let state = created.state;
    for (const { by, request } of PIPELINE_EVENTS) {
      state = (await timed(() => postJson(pool, `${base}/api/proposals/${created.id}/events`, tokens[by], request, 200))).state;
    }
    if (state !== 'awarded') throw new Error(`proposal ${created.id} ended in ${state}, not awarded`);
  };
}

async function walk(order: ClientOrder): Promise<void> {
  const pool = await fetchPool(order.base, order.concurrency);
  try {
    const item = proposalWalk(order, pool);
    const { label, concurrency } = order;
    const warmup = order.warmup > 0 ? await runLoad({ label: `${label} warm-up`, count: order.warmup, concurrency, item, quiet: true }) : null;
    send({ type: 'ready', warmup, pool: pool !== undefined });
    if ((await nextReply()).type !== 'go') throw new Error('the server did not say go');
    log(`${label}: walking ${order.count} proposals, ${concurrency} in flight (clients in process ${process.pid})`);
    const heapProbe = async () => {
      send({ type: 'heap' });
      const reply = await nextReply();
      if (reply.type !== 'heap') throw new Error(`asked for the heap, got ${reply.type}`);
      return reply.mb;
    };
    const result = await runLoad({ label, count: order.count, concurrency, item, heapAt: order.heapAt, heapProbe, budgetMs: order.budgetMs });
    send({ type: 'done', result });
  } finally {
    await pool?.close();
  }
}

process.on('message', (message: ClientOrder | ServerReply) => {
  if (message.type !== 'walk') {
    replies.shift()?.(message);
    return;
  }
  walk(message).catch((error: unknown) => send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
// The bench ended or died: nothing is left to report to.
process.on('disconnect', () => process.exit(0));
