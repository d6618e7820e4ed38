import { Agent, request as httpRequest } from 'node:http';
import { draftFor, PIPELINE_EVENTS, type ActorKey } from './fixtures.js';
import { log } from './harness.js';
import { runLoad, type Load, type LoadResult } from './measure.js';

/**
 * The HTTP clients of the pipeline bench, in a process of their own: node:http, its connection pool and the
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
 * A keep-alive pool of exactly `concurrency` connections, on node:http. fetch (Node's bundled undici) costs the
 * client about twice as much CPU a request; on this 2-core machine the clients' core then saturated before the
 * server's, so the bare floor measured fetch rather than HTTP.
 */
type Pool = Agent;

function connectionPool(concurrency: number): Pool {
  return new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency, keepAliveMsecs: 60_000 });
}

function postJson(pool: Pool, url: string, token: string, body: unknown, expected: number): Promise<{ id: string; state: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent: pool,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== expected) reject(new Error(`POST ${url} answered ${response.statusCode}: ${text.slice(0, 200)}`));
          else resolve(JSON.parse(text) as { id: string; state: string });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** One proposal from creation to awarded: 1 + 5 requests, each its own measured operation. */
function proposalWalk(order: ClientOrder, pool: Pool): Load['item'] {
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
  const pool = connectionPool(order.concurrency);
  try {
    const item = proposalWalk(order, pool);
    const { label, concurrency } = order;
    const warmup = order.warmup > 0 ? await runLoad({ label: `${label} warm-up`, count: order.warmup, concurrency, item, quiet: true }) : null;
    send({ type: 'ready', warmup, pool: true });
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
    pool.destroy();
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
