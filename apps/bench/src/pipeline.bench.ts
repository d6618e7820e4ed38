import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Dispatcher } from 'undici-types';
import { ApplyProposalEventUseCase, CampaignUseCases, CreateProposalUseCase, UnitUseCases } from '#proposals';
import { ApiModule } from '../../api/src/api.module.js';
import { createApiApp } from '../../api/src/create-api-app.js';
import { actorsOf, BENCH_CAMPAIGN, draftFor, PIPELINE_EVENTS, tokensFor } from './fixtures.js';
import { bench, describeError, fmt, log, phases, problem, say, size, table } from './harness.js';
import { checkLoad, heapAt, percentile, runLoad, type Load, type LoadResult } from './measure.js';
import { findPostgres, scratch } from './scratch.js';

/**
 * `npm run bench`, first part: persisted transitions per second. A proposal is walked from creation to awarded
 * (1 creation + 5 events, each committed), BENCH_CONCURRENCY of them in flight: in process through the use
 * cases as ApiModule wires them, on SQLite, then on PostgreSQL when a server answers (BENCH_PG_ADMIN_URL, else
 * postgres@ or root@127.0.0.1:5432); then over HTTP to the real API, and with the same clients against a bare
 * node:http server (the floor: what HTTP itself costs). Each walk follows a warm-up that is not counted.
 * Sizes: BENCH_PROPOSALS, BENCH_HTTP_PROPOSALS, BENCH_CONCURRENCY, BENCH_WARMUP; a walk starts no new proposal
 * after BENCH_WALK_S. Phases (--only): sqlite, postgres, http.
 */

const PHASES = ['sqlite', 'postgres', 'http'] as const;
const settings = {
  proposals: size('BENCH_PROPOSALS', 10_000, 200),
  httpProposals: size('BENCH_HTTP_PROPOSALS', 2_000, 100),
  concurrency: size('BENCH_CONCURRENCY', 32),
  warmup: size('BENCH_WARMUP', 64, 16, 0),
  walkMs: size('BENCH_WALK_S', 300) * 1000,
  only: phases(PHASES),
};
const STEPS = 1 + PIPELINE_EVENTS.length;
const ZERO = '00000000-0000-0000-0000-000000000000';

const rows: string[][] = [];
const notes: string[] = [];

/** The warm-up (not counted), then the measured walk, its row in the table. Answers it and the proposals walked in all. */
async function walk(name: string, total: number, item: Load['item']): Promise<{ result: LoadResult; walked: number }> {
  const { concurrency } = settings;
  const warmup = settings.warmup > 0 ? await runLoad({ label: `${name} warm-up`, count: settings.warmup, concurrency, item, quiet: true }) : null;
  if (warmup) notes.push(...checkLoad(warmup));
  log(`${name}: walking ${total} proposals, ${concurrency} in flight`);
  const result = await runLoad({ label: name, count: total, concurrency, item, heapAt: [0.25, 0.5, 0.75, 1], budgetMs: settings.walkMs });
  notes.push(...checkLoad(result));
  rows.push([
    name,
    `${result.completed}${result.completed < total ? `/${total}` : ''}`,
    String(concurrency),
    String(result.operations),
    fmt(result.elapsedMs / 1000, 2),
    fmt((result.operations * 1000) / result.elapsedMs, 0),
    fmt(percentile(result.latencies, 0.5), 2),
    fmt(percentile(result.latencies, 0.99), 2),
    ...['25%', '50%', '75%', '100%'].map((mark) => fmt(heapAt(result, mark))),
    fmt(result.rss.endMb, 0),
    fmt(result.cpuPercent, 0),
    String(result.failed),
  ]);
  return { result, walked: result.completed + (warmup?.completed ?? 0) };
}

/** Every walked proposal is awarded, with 6 events and 6 outbox rows: nothing was lost or doubled. */
async function checkRows(name: string, dataSource: DataSource, walked: number): Promise<void> {
  const [row] = (await dataSource.query(
    `SELECT (SELECT COUNT(*) FROM proposals WHERE state = 'awarded') AS awarded, (SELECT COUNT(*) FROM proposal_events) AS events,
            (SELECT COUNT(*) FROM outbox) AS outbox`,
  )) as Record<'awarded' | 'events' | 'outbox', number | string>[];
  const found = `${row.awarded} awarded, ${row.events} events, ${row.outbox} outbox`;
  const expected = `${walked} awarded, ${walked * STEPS} events, ${walked * STEPS} outbox`;
  notes.push(`${name}: rows after the walk: ${found} (expected ${expected}, warm-up included)`);
  if (found !== expected) problem(`${name}: rows after the walk: ${found}, expected ${expected}`);
}

/** The use cases of the application's composition root (ApiModule) as a DI context, no HTTP server. */
async function inProcess(name: string, postgres?: string): Promise<void> {
  const world = await scratch(name, { postgres });
  const app = await NestFactory.createApplicationContext(ApiModule.forRoot(world.config), { logger: false, abortOnError: false });
  try {
    const unit = await app.get(UnitUseCases).create({ code: 'BENCH', name: 'Đơn vị đo hiệu năng' });
    const campaign = await app.get(CampaignUseCases).create(BENCH_CAMPAIGN);
    const [create, apply, dataSource] = [app.get(CreateProposalUseCase), app.get(ApplyProposalEventUseCase), app.get(DataSource)];
    const actors = actorsOf(unit.id);
    const { walked } = await walk(name, settings.proposals, async (index, timed) => {
      const { body } = await timed(() => create.execute(actors.drafter, draftFor(unit.id, campaign.id, index)));
      let state: string = body.state;
      for (const { by, request } of PIPELINE_EVENTS) state = (await timed(() => apply.execute(body.id, actors[by], request))).body.state;
      if (state !== 'awarded') throw new Error(`proposal ${body.id} ended in ${state}, not awarded`);
    });
    const postgresEngine = dataSource.options.type === 'postgres';
    const [{ v }] = (await dataSource.query(postgresEngine ? 'SELECT version() AS v' : 'SELECT sqlite_version() AS v')) as { v: string }[];
    notes.push(
      `${name}: ` +
        (postgresEngine
          ? `${v.split(' on ')[0]} (the app's pool)`
          : `SQLite ${v} via better-sqlite3 (WAL, synchronous=NORMAL, one connection behind the app's write lock)`) +
        '; use cases from ApiModule, called directly',
    );
    await checkRows(name, dataSource, walked);
  } finally {
    await app.close();
    await world.close();
  }
}

/**
 * A keep-alive pool of exactly `concurrency` connections for fetch. Its default pool has no limit: a burst that
 * finds every connection busy opens more and queues requests on each while they connect (hundreds of ms at p99,
 * a client artefact). fetch is Node's bundled undici, whose Agent class is reachable through the global
 * dispatcher once fetch has run; nothing is installed and no global is changed.
 */
async function fetchPool(base: string): Promise<Dispatcher | undefined> {
  await (await fetch(`${base}/`)).arrayBuffer();
  const global = (globalThis as unknown as Record<symbol, { constructor?: { name?: string } } | undefined>)[Symbol.for('undici.globalDispatcher.1')];
  if (global?.constructor?.name !== 'Agent') return undefined;
  const Agent = global.constructor as unknown as new (options: object) => Dispatcher;
  return new Agent({ connections: settings.concurrency, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000 });
}

async function postJson(pool: Dispatcher | undefined, url: string, token: string, body: unknown, expected: number) {
  const init = { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body), dispatcher: pool };
  const response = await fetch(url, init as RequestInit);
  const text = await response.text();
  if (response.status !== expected) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as { id: string; state: string };
}

/** The same walk through the real API app (createApiApp) on SQLite, fetch clients in this process; then the floor. */
async function overHttp(): Promise<void> {
  const world = await scratch('http');
  const app = await createApiApp(world.config, { logger: false });
  let pool: Dispatcher | undefined;
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    pool = await fetchPool(base);
    const admin = tokensFor('none', world.config.jwtSecret).admin;
    const unit = await postJson(pool, `${base}/api/units`, admin, { code: 'BENCH', name: 'Đơn vị đo hiệu năng' }, 201);
    const campaign = await postJson(pool, `${base}/api/campaigns`, admin, BENCH_CAMPAIGN, 201);
    const tokens = tokensFor(unit.id, world.config.jwtSecret);
    const { walked } = await walk('http (sqlite)', settings.httpProposals, async (index, timed) => {
      const created = await timed(() => postJson(pool, `${base}/api/proposals`, tokens.drafter, draftFor(unit.id, campaign.id, index), 201));
      let state = created.state;
      for (const { by, request } of PIPELINE_EVENTS) {
        state = (await timed(() => postJson(pool, `${base}/api/proposals/${created.id}/events`, tokens[by], request, 200))).state;
      }
      if (state !== 'awarded') throw new Error(`proposal ${created.id} ended in ${state}, not awarded`);
    });
    notes.push(
      `http (sqlite): Nest (Express) app from createApiApp on SQLite; clients: built-in fetch in the same process, ` +
        (pool ? `keep-alive pool of ${settings.concurrency} connections` : "fetch's default keep-alive pool (no limit: Agent not found)"),
    );
    await checkRows('http (sqlite)', app.get(DataSource), walked);
  } finally {
    await pool?.close();
    await app.close();
    await world.close();
  }

  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"${ZERO}","state":"awarded"}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const floorPool = await fetchPool(base);
  try {
    await walk('http floor', settings.httpProposals, async (index, timed) => {
      await timed(() => postJson(floorPool, `${base}/api/proposals`, 'token', draftFor(ZERO, ZERO, index), 200));
      for (const { request } of PIPELINE_EVENTS) await timed(() => postJson(floorPool, `${base}/api/proposals/${ZERO}/events`, 'token', request, 200));
    });
  } finally {
    await floorPool?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function phase(name: (typeof PHASES)[number], run: () => Promise<void>): Promise<void> {
  if (!settings.only.has(name)) return;
  try {
    await run();
  } catch (error) {
    problem(`${name}: FAILED: ${describeError(error)}`);
    log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

bench(
  'pipeline benchmark',
  `${settings.proposals} proposals in process, ${settings.httpProposals} over HTTP, ${settings.concurrency} in flight, ` +
    `warm-up ${settings.warmup}, walk budget ${settings.walkMs / 1000} s, phases ${[...settings.only].join(',')}`,
  async () => {
    await phase('sqlite', () => inProcess('sqlite'));
    await phase('postgres', async () => {
      const server = await findPostgres(process.env.BENCH_PG_ADMIN_URL || undefined);
      if ('url' in server) return inProcess('postgres', server.url);
      rows.push(['postgres', 'skipped']);
      notes.push(`postgres: SKIPPED, nothing usable on 127.0.0.1:5432: ${server.skipped}`);
    });
    await phase('http', overHttp);
    say(
      table(
        ['phase', 'proposals', 'in flight', 'transitions', 'time s', 'transitions/s', 'p50 ms', 'p99 ms', 'heap MB 25%', '50%', '75%', '100%', 'RSS MB', 'node CPU %', 'failed'],
        rows,
      ),
      '',
      `transitions = 1 creation + ${PIPELINE_EVENTS.length} events per proposal: creations are counted as transitions; each one is committed.`,
      `time excludes the forced-GC pauses; a warm-up of ${settings.warmup} proposals ran first and is not counted.`,
      'p50/p99 = one use-case call (in process) or one HTTP request (http), queueing behind the others included.',
      'heap = heapUsed after a forced full GC at 25/50/75/100 % of the walk (no operation in flight); RSS at the end of the walk.',
      'node CPU % = CPU time of this process (all threads) over the wall time of the walk; 100 = one core busy.',
      "http floor = the same fetch clients against a bare node:http server that answers at once: HTTP's own cost, both ends.",
      ...notes,
    );
  },
  { heapFigures: true },
);
