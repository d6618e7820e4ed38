import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlOutboxStore } from '#persistence';
import { ApplyProposalEventUseCase, CampaignUseCases, CreateProposalUseCase, UnitUseCases } from '#proposals';
import { ApiModule } from '../../api/src/api.module.js';
import { createApiApp } from '../../api/src/create-api-app.js';
import { BPMN_TASKS, BpmnEnginePeer } from './bpmn-engine.peer.js';
import { actorsOf, BENCH_CAMPAIGN, draftFor, PIPELINE_EVENTS, tokensFor } from './fixtures.js';
import { bench, describeError, fmt, log, now, onCleanup, phases, problem, say, size, table } from './harness.js';
import type { ClientOrder } from './http-clients.child.js';
import { walkClientsInChild } from './http-clients.driver.js';
import { bytesWrittenSoFar, checkLoad, heapAt, percentile, runLoad, type Load, type LoadResult } from './measure.js';
import { RawTransactionCeiling } from './raw-transaction.ceiling.js';
import { findPostgres, scratch, tempDir } from './scratch.js';

/**
 * `npm run bench`, first part: persisted transitions per second, each figure next to its floor or peer from the
 * same run (issue 14). A proposal is walked from creation to awarded (1 creation + 5 events, each committed):
 *   sqlite    in process through the use cases as ApiModule wires them, BENCH_CONCURRENCY in flight; bytes
 *             written per transition; then the outbox drained by the app's SqlOutboxStore (the relay's writes);
 *   ceiling   the same design with no framework (raw-transaction.ceiling.ts), one transition at a time;
 *   bpmn      the same five steps on bpmn-engine, recovered from its saved state at every step (bpmn-engine.peer.ts);
 *   postgres  in process on PostgreSQL when a server answers (BENCH_PG_ADMIN_URL, else postgres@ or root@127.0.0.1:5432);
 *   http      the real API, clients in a child process (http-clients.child.ts), then the same clients against a
 *             bare node:http server (the floor: what HTTP itself costs).
 * Each walk follows a warm-up that is not counted. Sizes: BENCH_PROPOSALS, BENCH_CEILING_PROPOSALS,
 * BENCH_BPMN_PROPOSALS, BENCH_HTTP_PROPOSALS, BENCH_CONCURRENCY, BENCH_WARMUP; a walk starts no new proposal
 * after BENCH_WALK_S. Phases (--only): sqlite, ceiling, bpmn, postgres, http; a ratio needs both its sides.
 */

const PHASES = ['sqlite', 'ceiling', 'bpmn', 'postgres', 'http'] as const;
const proposals = size('BENCH_PROPOSALS', 10_000, 200);
const settings = {
  proposals,
  ceilingProposals: size('BENCH_CEILING_PROPOSALS', proposals, proposals),
  bpmnProposals: size('BENCH_BPMN_PROPOSALS', 500, 30),
  httpProposals: size('BENCH_HTTP_PROPOSALS', 2_000, 100),
  concurrency: size('BENCH_CONCURRENCY', 32),
  warmup: size('BENCH_WARMUP', 64, 16, 0),
  walkMs: size('BENCH_WALK_S', 300) * 1000,
  only: phases(PHASES),
};
const STEPS = 1 + PIPELINE_EVENTS.length;
const ZERO = '00000000-0000-0000-0000-000000000000';
const HEAP_MARKS = [0.25, 0.5, 0.75, 1];
/** The worker's relay reads and deletes the outbox 500 rows at a time (apps/worker, OutboxRelay). */
const RELAY_BATCH = 500;

const rows: string[][] = [];
const notes: string[] = [];

/** What the summary compares: throughput and latency of a walk, and for SQLite what it wrote. */
interface Figure {
  perSecond: number;
  p50: number;
  p99: number;
  cpuUsPerTransition: number;
  bytesPerTransition?: number;
  relayBytesPerMessage?: number;
}
const figures: Partial<Record<'sqlite' | 'ceiling' | 'bpmn' | 'postgres' | 'http' | 'floor', Figure>> = {};

const figureOf = (result: LoadResult): Figure => ({
  perSecond: (result.operations * 1000) / result.elapsedMs,
  p50: percentile(result.latencies, 0.5),
  p99: percentile(result.latencies, 0.99),
  cpuUsPerTransition: (result.cpuMs * 1000) / result.operations,
});

function addRow(name: string, result: LoadResult, concurrency: number): void {
  const figure = figureOf(result);
  rows.push([
    name,
    `${result.completed}${result.completed < result.count ? `/${result.count}` : ''}`,
    String(concurrency),
    String(result.operations),
    fmt(result.elapsedMs / 1000, 2),
    fmt(figure.perSecond, 0),
    fmt(figure.p50, 2),
    fmt(figure.p99, 2),
    ...['25%', '50%', '75%', '100%'].map((mark) => fmt(heapAt(result, mark))),
    fmt(result.rss.endMb, 0),
    fmt(result.cpuPercent, 0),
    fmt(figure.cpuUsPerTransition, 0),
    String(result.failed),
  ]);
}

interface Walked {
  result: LoadResult;
  /** Proposals walked in all, the warm-up's included: what the tables must hold. */
  walked: number;
  /** Bytes written over the measured walk and a checkpoint after it (NaN without `checkpoint`). */
  bytesWritten: number;
}

/**
 * The warm-up (not counted), then the measured walk, its row in the table. With `checkpoint`, the WAL is
 * checkpointed before and after the walk, and what the process wrote in between is counted: the walk's WAL
 * frames and their copy into the database file.
 */
async function walk(
  name: string,
  total: number,
  item: Load['item'],
  options: { concurrency?: number; checkpoint?: () => unknown } = {},
): Promise<Walked> {
  const concurrency = options.concurrency ?? settings.concurrency;
  const warmup = settings.warmup > 0 ? await runLoad({ label: `${name} warm-up`, count: settings.warmup, concurrency, item, quiet: true }) : null;
  if (warmup) notes.push(...checkLoad(warmup));
  log(`${name}: walking ${total} proposals, ${concurrency} in flight`);
  await options.checkpoint?.();
  const writtenBefore = bytesWrittenSoFar();
  const result = await runLoad({ label: name, count: total, concurrency, item, heapAt: HEAP_MARKS, budgetMs: settings.walkMs });
  await options.checkpoint?.();
  const bytesWritten = options.checkpoint ? bytesWrittenSoFar() - writtenBefore : Number.NaN;
  notes.push(...checkLoad(result));
  addRow(name, result, concurrency);
  return { result, walked: result.completed + (warmup?.completed ?? 0), bytesWritten };
}

const perTransition = (bytes: number, result: LoadResult) => bytes / result.operations;
const bytesNote = (name: string, bytes: number, transitions: number) =>
  `${name}: ${fmt(bytes / transitions, 0)} bytes written per transition (${fmt(bytes / 1024 / 1024, 1)} MiB for ${transitions} transitions, ` +
  'the closing checkpoint included)';

/** Every walked proposal is awarded, with 6 events and 6 outbox rows: nothing was lost or doubled. */
async function checkRows(name: string, dataSource: DataSource, walked: number): Promise<void> {
  const [row] = (await dataSource.query(
    `SELECT (SELECT COUNT(*) FROM proposals WHERE state = 'awarded') AS awarded, (SELECT COUNT(*) FROM proposal_events) AS events,
            (SELECT COUNT(*) FROM outbox) AS outbox`,
  )) as Record<'awarded' | 'events' | 'outbox', number | string>[];
  expectRows(name, `${row.awarded} awarded, ${row.events} events, ${row.outbox} outbox`, walked);
}

function expectRows(name: string, found: string, walked: number): void {
  const expected = `${walked} awarded, ${walked * STEPS} events, ${walked * STEPS} outbox`;
  notes.push(`${name}: rows after the walk: ${found} (expected ${expected}, warm-up included)`);
  if (found !== expected) problem(`${name}: rows after the walk: ${found}, expected ${expected}`);
}

/**
 * The relay's share of the writes: the outbox left by the walk drained as the worker drains it, through the
 * app's SqlOutboxStore (read a batch, delete it), without publishing (a publish writes to Redis, not here).
 */
async function drainOutbox(app: INestApplicationContext, dataSource: DataSource, expected: number): Promise<number> {
  const store = app.get(SqlOutboxStore);
  const checkpoint = () => dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await checkpoint();
  const [started, writtenBefore] = [now(), bytesWrittenSoFar()];
  let relayed = 0;
  for (;;) {
    const batch = await store.pending(RELAY_BATCH);
    if (batch.length === 0) break;
    await store.delete(batch);
    relayed += batch.length;
  }
  const ms = now() - started;
  await checkpoint();
  const bytes = bytesWrittenSoFar() - writtenBefore;
  const [{ left }] = (await dataSource.query('SELECT COUNT(*) AS left FROM outbox')) as { left: number | string }[];
  notes.push(
    `sqlite: outbox drained after the walk with the app's SqlOutboxStore (pending + delete, ${RELAY_BATCH} a batch, no publish): ` +
      `${relayed} messages in ${fmt(ms / 1000, 2)} s, ${fmt(bytes / Math.max(1, relayed), 0)} bytes written per message, ${left} rows left`,
  );
  if (relayed !== expected || Number(left) !== 0) problem(`sqlite: the outbox drain relayed ${relayed} messages (expected ${expected}) and left ${left} rows`);
  return bytes / Math.max(1, relayed);
}

/** The use cases of the application's composition root (ApiModule) as a DI context, no HTTP server. */
async function inProcess(name: 'sqlite' | 'postgres', postgres?: string): Promise<void> {
  const world = await scratch(name, { postgres });
  const app = await NestFactory.createApplicationContext(ApiModule.forRoot(world.config), { logger: false, abortOnError: false });
  try {
    const unit = await app.get(UnitUseCases).create({ code: 'BENCH', name: 'Đơn vị đo hiệu năng' });
    const campaign = await app.get(CampaignUseCases).create(BENCH_CAMPAIGN);
    const [create, apply, dataSource] = [app.get(CreateProposalUseCase), app.get(ApplyProposalEventUseCase), app.get(DataSource)];
    const actors = actorsOf(unit.id);
    const checkpoint = postgres ? undefined : () => dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
    const { result, walked, bytesWritten } = await walk(
      name,
      settings.proposals,
      async (index, timed) => {
        const { body } = await timed(() => create.execute(actors.drafter, draftFor(unit.id, campaign.id, index)));
        let state: string = body.state;
        for (const { by, request } of PIPELINE_EVENTS) state = (await timed(() => apply.execute(body.id, actors[by], request))).body.state;
        if (state !== 'awarded') throw new Error(`proposal ${body.id} ended in ${state}, not awarded`);
      },
      { checkpoint },
    );
    figures[name] = { ...figureOf(result), bytesPerTransition: perTransition(bytesWritten, result) };
    const postgresEngine = dataSource.options.type === 'postgres';
    const [{ v }] = (await dataSource.query(postgresEngine ? 'SELECT version() AS v' : 'SELECT sqlite_version() AS v')) as { v: string }[];
    notes.push(
      `${name}: ` +
        (postgresEngine
          ? `${v.split(' on ')[0]} (the app's pool)`
          : `SQLite ${v} via better-sqlite3 (WAL, synchronous=NORMAL, one connection behind the app's write lock)`) +
        '; use cases from ApiModule, called directly',
    );
    if (!postgresEngine) notes.push(bytesNote(name, bytesWritten, result.operations));
    await checkRows(name, dataSource, walked);
    if (!postgresEngine) figures[name]!.relayBytesPerMessage = await drainOutbox(app, dataSource, walked * STEPS);
  } finally {
    await app.close();
    await world.close();
  }
}

/** The framework-free transaction of the same design, one at a time on its own SQLite file. */
async function ceiling(): Promise<void> {
  const raw = new RawTransactionCeiling(join(tempDir('ceiling'), 'ceiling.sqlite'));
  const close = onCleanup(() => raw.close());
  try {
    const [unitId, campaignId] = [randomUUID(), randomUUID()];
    const actors = actorsOf(unitId);
    const name = 'ceiling (sqlite)';
    const { result, walked, bytesWritten } = await walk(
      name,
      settings.ceilingProposals,
      async (index, timed) => {
        const id = await timed(async () => raw.create(actors.drafter, unitId, campaignId, index));
        let state = '';
        for (const { by, request } of PIPELINE_EVENTS) state = await timed(async () => raw.apply(id, actors[by], request));
        if (state !== 'awarded') throw new Error(`${name}: proposal ${id} ended in ${state}, not awarded`);
      },
      { concurrency: 1, checkpoint: () => raw.checkpoint() },
    );
    notes.push(
      `${name}: raw better-sqlite3 (SQLite ${raw.sqliteVersion()}, opened with the app's pragmas), one transaction per transition: ` +
        'BEGIN IMMEDIATE, SELECT the row, JSON.parse, restore/step/toStored of #workflows/proposal, eventHash of #audit, ' +
        'compare-and-set UPDATE, INSERT event, INSERT outbox, COMMIT; one at a time. No rules, document or access checks, ' +
        'idempotency, quota counters, deadlines or warnings; no Nest, TypeORM or write lock; primary keys only, no secondary index',
      bytesNote(name, bytesWritten, result.operations),
    );
    const { awarded, events, outbox } = raw.counts();
    expectRows(name, `${awarded} awarded, ${events} events, ${outbox} outbox`, walked);
    raw.checkpoint();
    const writtenBefore = bytesWrittenSoFar();
    const relayed = raw.relay(RELAY_BATCH);
    raw.checkpoint();
    const relayBytesPerMessage = (bytesWrittenSoFar() - writtenBefore) / Math.max(1, relayed);
    notes.push(`${name}: outbox drained with a bare SELECT + DELETE, ${RELAY_BATCH} a batch: ${relayed} messages, ${fmt(relayBytesPerMessage, 0)} bytes written per message`);
    if (relayed !== walked * STEPS) problem(`${name}: the outbox drain relayed ${relayed} messages, expected ${walked * STEPS}`);
    figures.ceiling = { ...figureOf(result), bytesPerTransition: perTransition(bytesWritten, result), relayBytesPerMessage };
  } finally {
    await close();
  }
}

/** The same five steps on bpmn-engine, persisted after every step. */
async function bpmn(): Promise<void> {
  const peer = new BpmnEnginePeer(join(tempDir('bpmn'), 'bpmn.sqlite'));
  const close = onCleanup(() => peer.close());
  try {
    await peer.compile();
    const [unitId, campaignId] = [randomUUID(), randomUUID()];
    const actors = actorsOf(unitId);
    const name = 'bpmn-engine (sqlite)';
    const { result, walked, bytesWritten } = await walk(
      name,
      settings.bpmnProposals,
      async (index, timed) => {
        const id = await timed(() => peer.create(actors.drafter, draftFor(unitId, campaignId, index)));
        let waiting = '';
        for (const [i, { by, request }] of PIPELINE_EVENTS.entries()) waiting = await timed(() => peer.signal(id, BPMN_TASKS[i], actors[by], request));
        if (waiting !== 'end') throw new Error(`bpmn-engine: instance ${id} waits at ${waiting}, not at its end`);
      },
      { concurrency: 1, checkpoint: () => peer.checkpoint() },
    );
    figures.bpmn = figureOf(result);
    const { ended, instances, stateBytes } = peer.counts();
    notes.push(
      `${name}: ${peer.engineVersion}, ${BPMN_TASKS.length} user tasks in one process; per step recover + resume + signal + getState, ` +
        'the state saved in one SQLite transaction (compiled source given as sourceContext, state saved without it, silent Logger); ' +
        `${fmt(stateBytes, 0)} bytes of state per instance at its end; ${fmt(perTransition(bytesWritten, result), 0)} bytes written per transition; ` +
        `${ended} of ${instances} instances ended (expected ${walked} of ${walked})`,
    );
    if (Number(ended) !== walked || Number(instances) !== walked) problem(`bpmn-engine: ${ended} of ${instances} instances ended, expected ${walked}`);
  } finally {
    await close();
  }
}

/** An HTTP walk with its clients in a child process (http-clients.driver.ts); the row's heap, RSS and CPU are the server's. */
async function walkOverHttp(name: string, total: number, target: Pick<ClientOrder, 'base' | 'target' | 'unitId' | 'campaignId' | 'tokens'>): Promise<Walked> {
  const { concurrency } = settings;
  log(`${name}: ${settings.warmup} proposals of warm-up, then ${total} walked, by clients in a child process`);
  const { warmup, result, pool, clientCpuPercent } = await walkClientsInChild({
    label: name,
    count: total,
    warmup: settings.warmup,
    concurrency,
    budgetMs: settings.walkMs,
    heapAt: HEAP_MARKS,
    ...target,
  });
  if (warmup) notes.push(...checkLoad(warmup));
  notes.push(...checkLoad(result));
  notes.push(
    `${name}: clients: node:http in a child process (${fmt(clientCpuPercent, 0)} % CPU over the walk), ` +
      (pool ? `keep-alive pool of ${concurrency} connections` : 'no fixed pool'),
  );
  addRow(name, result, concurrency);
  return { result, walked: result.completed + (warmup?.completed ?? 0), bytesWritten: Number.NaN };
}

async function postJson(url: string, token: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as { id: string };
}

/** The same walk through the real API app (createApiApp) on SQLite; then the floor. */
async function overHttp(): Promise<void> {
  const world = await scratch('http');
  const app = await createApiApp(world.config, { logger: false });
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const admin = tokensFor('none', world.config.jwtSecret).admin;
    const unit = await postJson(`${base}/api/units`, admin, { code: 'BENCH', name: 'Đơn vị đo hiệu năng' });
    const campaign = await postJson(`${base}/api/campaigns`, admin, BENCH_CAMPAIGN);
    const { admin: _admin, ...tokens } = tokensFor(unit.id, world.config.jwtSecret);
    const name = 'http (sqlite)';
    const { result, walked } = await walkOverHttp(name, settings.httpProposals, { base, target: 'api', unitId: unit.id, campaignId: campaign.id, tokens });
    figures.http = figureOf(result);
    notes.push(
      `${name}: Nest (Express) app from createApiApp on SQLite; heap, RSS and CPU % in the table are the server's process`,
    );
    await checkRows(name, app.get(DataSource), walked);
  } finally {
    await app.close();
    await world.close();
  }

  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"${ZERO}","state":"awarded"}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tokens = { drafter: 'token', unitHead: 'token', council: 'token', homeAffairs: 'token', chairman: 'token' };
    const { result } = await walkOverHttp('http floor', settings.httpProposals, { base, target: 'floor', unitId: ZERO, campaignId: ZERO, tokens });
    figures.floor = figureOf(result);
  } finally {
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

/* The summary: each figure of issue 14 next to its floor, ceiling or peer ------------------------------------ */

type Goal = { atLeast: number } | { below: number } | { atMost: number } | null;

function summaryRow(figure: string, ours: number | undefined, other: number | undefined, goal: Goal, digits = 0): string[] {
  const known = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);
  const show = (value: number | undefined) => (known(value) ? fmt(value, digits) : 'n/a');
  const ratio = known(ours) && known(other) && other > 0 ? ours / other : undefined;
  if (!goal) return [figure, show(ours), show(other), ratio === undefined ? 'n/a' : `${fmt(ratio, 2)}×`, 'information', ''];
  if ('below' in goal) return [figure, show(ours), '', '', `< ${goal.below}`, known(ours) ? (ours < goal.below ? 'yes' : 'NO') : 'n/a'];
  const [text, met] = 'atLeast' in goal ? [`≥ ${goal.atLeast}×`, ratio! >= goal.atLeast] : [`≤ ${goal.atMost}×`, ratio! <= goal.atMost];
  return [figure, show(ours), show(other), ratio === undefined ? 'n/a' : `${fmt(ratio, 2)}×`, text, ratio === undefined ? 'n/a' : met ? 'yes' : 'NO'];
}

function summary(): string {
  const { sqlite, ceiling, bpmn, postgres, http, floor } = figures;
  const withRelay = (figure?: Figure) =>
    figure?.bytesPerTransition === undefined || figure.relayBytesPerMessage === undefined ? undefined : figure.bytesPerTransition + figure.relayBytesPerMessage;
  return table(
    ['figure', 'ours', 'floor/peer', 'ratio', 'goal', 'met?'],
    [
      summaryRow('transitions/s in process (SQLite) / framework-free ceiling', sqlite?.perSecond, ceiling?.perSecond, { atLeast: 0.7 }),
      summaryRow('  CPU µs per transition, the same two', sqlite?.cpuUsPerTransition, ceiling?.cpuUsPerTransition, null),
      summaryRow('bytes written per transition (SQLite) / ceiling', sqlite?.bytesPerTransition, ceiling?.bytesPerTransition, { atMost: 1.5 }),
      summaryRow('  the same with the outbox relay (1 message a transition)', withRelay(sqlite), withRelay(ceiling), null),
      summaryRow('transitions/s in process (SQLite) / bpmn-engine', sqlite?.perSecond, bpmn?.perSecond, { atLeast: 20 }),
      summaryRow('transitions/s over HTTP / in process (SQLite)', http?.perSecond, sqlite?.perSecond, { atLeast: 0.4 }),
      summaryRow(`HTTP p99 ms, ${settings.concurrency} clients`, http?.p99, undefined, { below: 50 }, 2),
      summaryRow('HTTP transitions/s / bare node:http floor', http?.perSecond, floor?.perSecond, null),
      summaryRow('transitions/s in process, PostgreSQL / SQLite', postgres?.perSecond, sqlite?.perSecond, null),
    ],
  );
}

bench(
  'pipeline benchmark',
  `${settings.proposals} proposals in process, ${settings.ceilingProposals} on the ceiling, ${settings.bpmnProposals} on bpmn-engine, ` +
    `${settings.httpProposals} over HTTP, ${settings.concurrency} in flight, warm-up ${settings.warmup}, walk budget ${settings.walkMs / 1000} s, ` +
    `phases ${[...settings.only].join(',')}`,
  async () => {
    await phase('sqlite', () => inProcess('sqlite'));
    await phase('ceiling', ceiling);
    await phase('bpmn', bpmn);
    await phase('postgres', async () => {
      const server = await findPostgres(process.env.BENCH_PG_ADMIN_URL || undefined);
      if ('url' in server) return inProcess('postgres', server.url);
      rows.push(['postgres', 'skipped']);
      notes.push(`postgres: SKIPPED, nothing usable on 127.0.0.1:5432: ${server.skipped}`);
    });
    await phase('http', overHttp);
    say(
      table(
        ['phase', 'proposals', 'in flight', 'transitions', 'time s', 'transitions/s', 'p50 ms', 'p99 ms', 'heap MB 25%', '50%', '75%', '100%', 'RSS MB', 'node CPU %', 'CPU µs/tr.', 'failed'],
        rows,
      ),
      '',
      `transitions = 1 creation + ${PIPELINE_EVENTS.length} events per proposal: creations are counted as transitions; each one is committed.`,
      `time excludes the forced-GC pauses; a warm-up of ${settings.warmup} proposals ran first and is not counted.`,
      'p50/p99 = one use-case call (in process), one transaction (ceiling, bpmn-engine) or one HTTP request (http), queueing behind the others included.',
      'heap = heapUsed after a forced full GC at 25/50/75/100 % of the walk (no operation in flight); RSS at the end of the walk.',
      'node CPU % = CPU time of the process (all threads) over the wall time of the walk; 100 = one core busy; for http, the server process.',
      'CPU µs/tr. = that CPU time per transition: steadier than transitions/s when something else shares the machine.',
      "http floor = the same clients against a bare node:http server that answers at once: HTTP's own cost, both ends.",
      'bytes written = the growth of wchar in /proc/self/io over the walk: all this process handed to write(2) (the WAL, its copy into the ' +
        'database file at the checkpoints, a checkpoint after the walk to count the whole copy, and a few progress lines on stderr).',
      ...notes,
      '',
      summary(),
      '',
      'ratio = ours / floor or peer; the goals are those of issue 14. n/a: a side was not measured in this run (--only, a failure, a skip).',
    );
  },
  { heapFigures: true },
);
