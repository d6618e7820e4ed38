import { createSecretKey } from 'node:crypto';
import type { ArgumentMetadata } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { eventHash } from '#audit';
import { verifyAccessToken } from '#auth';
import type { SqlTransactionRunner } from '#persistence';
import {
  toProposalView,
  type ApplyProposalEventUseCase,
  type CreateProposalUseCase,
  type LoggedEvent,
  type ProposalRecord,
  type ProposalRepository,
} from '#proposals';
import { acceptedEventTypes, restore, startProposal, step, toStored, type ProposalEvent, type ProposalInput } from '#workflows/proposal';
import { CreateProposalDto } from '../../api/src/dto/create-proposal.dto.js';
import { ProposalEventDto } from '../../api/src/dto/proposal-event.dto.js';
import { strictValidationPipe } from '../../api/src/errors/validation.js';
import { now } from './bench-support.js';
import { draftFor, PIPELINE_EVENTS, pipelineActors, pipelineTokens } from './pipeline-fixtures.js';

/*
 * Where a transition's time goes. Every repository runs its SQL through the one SqlTransactionRunner of the
 * application, so timing that runner attributes the time without touching the application's code: for the
 * attribution pass only, its `transaction` and `read` methods are shadowed on the instance, then restored.
 */

export const BUCKETS = ['reads', 'lockBegin', 'sqlLoad', 'sqlWrite', 'txWork', 'commit'] as const;
export type Bucket = (typeof BUCKETS)[number] | 'wall';

/** Time per pipeline step (create, SUBMIT, …): in buckets, and per SQL statement. */
export class Probe {
  /** The step being measured; set by the driver before each operation. */
  step = 'create';
  readonly counts = new Map<string, number>();
  /** The slowest single statement seen, to ask the database for its plan. */
  slowest: { sql: string; params: unknown[]; ms: number; step: string } | null = null;
  private readonly buckets = new Map<string, Map<Bucket, number>>();
  private readonly statements = new Map<string, Map<string, { calls: number; ms: number }>>();

  add(bucket: Bucket, ms: number): void {
    const sums = this.buckets.get(this.step) ?? new Map<Bucket, number>();
    sums.set(bucket, (sums.get(bucket) ?? 0) + ms);
    this.buckets.set(this.step, sums);
  }

  statement(key: string, ms: number, sql?: string, params?: unknown[]): void {
    if (sql && (!this.slowest || ms > this.slowest.ms)) this.slowest = { sql, params: params ?? [], ms, step: this.step };
    const byKey = this.statements.get(this.step) ?? new Map<string, { calls: number; ms: number }>();
    const entry = byKey.get(key) ?? { calls: 0, ms: 0 };
    entry.calls++;
    entry.ms += ms;
    byKey.set(key, entry);
    this.statements.set(this.step, byKey);
  }

  count(): void {
    this.counts.set(this.step, (this.counts.get(this.step) ?? 0) + 1);
  }

  /** Mean µs per operation of `step` spent in `bucket`. */
  meanUs(step: string, bucket: Bucket): number {
    const n = this.counts.get(step) ?? 0;
    return n ? ((this.buckets.get(step)?.get(bucket) ?? 0) * 1000) / n : Number.NaN;
  }

  statementKeys(): string[] {
    const totals = new Map<string, number>();
    for (const byKey of this.statements.values()) for (const [key, { ms }] of byKey) totals.set(key, (totals.get(key) ?? 0) + ms);
    return [...totals].sort((a, b) => b[1] - a[1]).map(([key]) => key);
  }

  /** Per operation of `step`: how many times `key` ran and the µs it took in all. */
  statementPerOp(step: string, key: string): { calls: number; us: number } {
    const n = this.counts.get(step) ?? 0;
    const entry = this.statements.get(step)?.get(key);
    return n && entry ? { calls: entry.calls / n, us: (entry.ms * 1000) / n } : { calls: 0, us: 0 };
  }
}

type Work = (session: object, ...rest: unknown[]) => Promise<unknown>;
type RunnerMethod = (work: Work, ...rest: unknown[]) => Promise<unknown>;

/** `SELECT proposals`, `INSERT outbox`, `SELECT proposals (aggregate)`, `SELECT campaigns FOR UPDATE`, … */
export function statementKey(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const verb = (text.split(' ')[0] ?? '?').toUpperCase();
  const pattern = verb === 'INSERT' ? /\binto\s+("?[\w.]+"?)/i : verb === 'UPDATE' ? /^update\s+("?[\w.]+"?)/i : /\bfrom\s+("?[\w.]+"?)/i;
  const table = pattern.exec(text)?.[1]?.replace(/"/g, '') ?? '';
  const extra = /\bgroup by\b|\bcount\s*\(/i.test(text) ? ' (aggregate)' : /\bfor update\b/i.test(text) ? ' FOR UPDATE' : '';
  return `${verb} ${table}${extra}`.trim();
}

/** A session whose statements are timed and keyed; in a transaction SELECTs count as reads, the rest as writes. */
function timedSession(session: object, probe: Probe, inTransaction: boolean): object {
  return new Proxy(session, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const sql = typeof args[0] === 'string' ? args[0] : '';
        const t = now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          const ms = now() - t;
          const params = Array.isArray(args[1]) ? (args[1] as unknown[]) : [];
          probe.statement(`${inTransaction ? '' : 'outside tx: '}${statementKey(sql)}`, ms, sql, params);
          if (inTransaction) probe.add(/^\s*(select|with)\b/i.test(sql) ? 'sqlLoad' : 'sqlWrite', ms);
        }
      };
    },
  });
}

/**
 * Shadows `transaction` and `read` on this runner instance; returns what restores it.
 * transaction: lockBegin = from the call until the work starts (lock or pool wait, BEGIN); txWork = the work
 * (its statements also counted in sqlLoad / sqlWrite); commit = from the end of the work until it settles.
 * read: a read outside any transaction (the unit and campaign lookups), counted whole in `reads`.
 */
export function instrumentRunner(runner: SqlTransactionRunner, probe: Probe): () => void {
  const target = runner as unknown as Record<'transaction' | 'read', RunnerMethod>;
  const original = { transaction: target.transaction, read: target.read };
  target.transaction = async (work, ...rest) => {
    const entered = now();
    let started = Number.NaN;
    let ended = Number.NaN;
    try {
      return await original.transaction.call(
        runner,
        async (session, ...more) => {
          started = now();
          try {
            return await work(timedSession(session, probe, true), ...more);
          } finally {
            ended = now();
          }
        },
        ...rest,
      );
    } finally {
      if (!Number.isNaN(ended)) {
        probe.add('lockBegin', started - entered);
        probe.add('txWork', ended - started);
        probe.add('commit', now() - ended);
      }
    }
  };
  target.read = async (work, ...rest) => {
    const t = now();
    try {
      return await original.read.call(runner, (session: object, ...more: unknown[]) => work(timedSession(session, probe, false), ...more), ...rest);
    } finally {
      probe.add('reads', now() - t);
    }
  };
  return () => {
    delete (target as Partial<typeof target>).transaction;
    delete (target as Partial<typeof target>).read;
  };
}

/**
 * The database's own account of a statement: EXPLAIN ANALYZE on PostgreSQL (a SELECT only: ANALYZE runs it),
 * EXPLAIN QUERY PLAN on SQLite. Run through the application's runner, so placeholders are rewritten as usual.
 */
export async function explainStatement(runner: SqlTransactionRunner, sql: string, params: unknown[]): Promise<string[]> {
  const isSelect = /^\s*(select|with)\b/i.test(sql);
  const postgres = runner.dialect.kind === 'postgres';
  const prefix = postgres ? (isSelect ? 'EXPLAIN (ANALYZE, BUFFERS) ' : 'EXPLAIN ') : 'EXPLAIN QUERY PLAN ';
  const rows = await runner.read((db) => db.rows<Record<string, unknown>>(prefix + sql, params));
  return rows.map((row) => String(row['QUERY PLAN'] ?? row.detail ?? JSON.stringify(row)));
}

export interface AttributionResult {
  proposals: number;
  probe: Probe;
  /** Operations per second with one in flight. */
  serialRate: number;
}

/** Walks `count` proposals one operation at a time with the runner timed, so that no wait is someone else's work. */
export async function attributionPass(options: {
  create: CreateProposalUseCase;
  apply: ApplyProposalEventUseCase;
  runner: SqlTransactionRunner;
  unitId: string;
  campaignId: string;
  count: number;
  deadlineAt: number;
}): Promise<AttributionResult> {
  const probe = new Probe();
  const actors = pipelineActors(options.unitId);
  let done = 0;
  let busyMs = 0;
  const restoreRunner = instrumentRunner(options.runner, probe);
  try {
    for (let i = 0; i < options.count && now() < options.deadlineAt; i++) {
      probe.step = 'create';
      let t = now();
      const { body } = await options.create.execute(actors.drafter, draftFor(options.unitId, options.campaignId, i));
      probe.add('wall', now() - t);
      busyMs += now() - t;
      probe.count();
      for (const { by, request } of PIPELINE_EVENTS) {
        probe.step = request.type;
        t = now();
        await options.apply.execute(body.id, actors[by], request);
        probe.add('wall', now() - t);
        busyMs += now() - t;
        probe.count();
      }
      done++;
    }
  } finally {
    restoreRunner();
  }
  return { proposals: done, probe, serialRate: (done * (PIPELINE_EVENTS.length + 1) * 1000) / busyMs };
}

export interface MicroResult {
  name: string;
  calls: number;
  totalMs: number;
  usPerCall: number;
}

let sink = 0;

function measureSync(name: string, calls: number, fn: (i: number) => unknown): MicroResult {
  for (let i = 0; i < Math.min(1000, calls); i++) sink += fn(i) ? 1 : 0;
  const t = now();
  for (let i = 0; i < calls; i++) sink += fn(i) ? 1 : 0;
  const totalMs = now() - t;
  return { name, calls, totalMs, usPerCall: (totalMs * 1000) / calls };
}

async function measureAsync(name: string, calls: number, fn: (i: number) => Promise<unknown>): Promise<MicroResult> {
  for (let i = 0; i < Math.min(1000, calls); i++) sink += (await fn(i)) ? 1 : 0;
  const t = now();
  for (let i = 0; i < calls; i++) sink += (await fn(i)) ? 1 : 0;
  const totalMs = now() - t;
  return { name, calls, totalMs, usPerCall: (totalMs * 1000) / calls };
}

export interface MicroSuite {
  results: MicroResult[];
  /** µs of pure CPU the use case spends per creation / per event, summed from the pieces it calls. */
  predicted: { create: number; event: number };
}

/** One proposal walked through the real use cases, read back from the database at every stage. */
export interface PipelineSample {
  unitId: string;
  campaignId: string;
  /** The stored proposal before each of the five events. */
  records: ProposalRecord[];
  /** Its sealed log: CREATED, then the five events. */
  logged: LoggedEvent[];
}

export async function samplePipeline(options: {
  create: CreateProposalUseCase;
  apply: ApplyProposalEventUseCase;
  proposals: ProposalRepository;
  unitId: string;
  campaignId: string;
}): Promise<PipelineSample> {
  const actors = pipelineActors(options.unitId);
  const { body } = await options.create.execute(actors.drafter, draftFor(options.unitId, options.campaignId, 0));
  const records: ProposalRecord[] = [];
  for (const { by, request } of PIPELINE_EVENTS) {
    const record = await options.proposals.findById(body.id);
    if (!record) throw new Error(`proposal ${body.id} vanished`);
    records.push(record);
    await options.apply.execute(body.id, actors[by], request);
  }
  return { unitId: options.unitId, campaignId: options.campaignId, records, logged: await options.proposals.history(body.id) };
}

/**
 * Pure CPU pieces of a transition, each `calls` times, cycling through the five stages of the pipeline. The
 * records, snapshots and log entries are the application's own, read back from the database, so this follows
 * the domain model as it changes.
 */
export async function microBenchmarks(calls: number, sample: PipelineSample): Promise<MicroSuite> {
  const { unitId, campaignId } = sample;
  const actors = pipelineActors(unitId);
  const stages = PIPELINE_EVENTS.map(({ by, request }, k) => {
    const record = sample.records[k];
    const event = { ...request, actor: actors[by], at: sample.logged[k + 1].at } as ProposalEvent;
    return { record, stored: record.snapshot, version: record.machineVersion, event };
  });
  const input = sample.logged[0].payload as unknown as ProposalInput;
  const machineVersion = sample.records[0].machineVersion;
  const restored = stages.map((stage) => restore(stage.version, stage.stored));
  const stage = (i: number) => stages[i % stages.length];
  const logged = (i: number) => sample.logged[i % sample.logged.length];
  const viewers = PIPELINE_EVENTS.map(({ by }) => actors[by]);

  const pipe = strictValidationPipe();
  const bodyMeta = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype, data: undefined });
  const createBody = JSON.parse(JSON.stringify(draftFor(unitId, campaignId, 0)));
  const eventBodies = PIPELINE_EVENTS.map(({ request }) => JSON.parse(JSON.stringify(request)));
  const secret = 'x'.repeat(64);
  const secretKey = createSecretKey(Buffer.from(secret));
  const token = pipelineTokens(unitId, secret).council;

  const results: MicroResult[] = [
    measureSync('XState restore + step  (asked for)', calls, (i) =>
      step(stage(i).version, restore(stage(i).version, stage(i).stored), stage(i).event).next),
    measureSync('eventHash  (asked for)', calls, (i) => eventHash(logged(i).prevHash, logged(i))),
    measureSync('  restore alone (resolveState)', calls, (i) => restore(stage(i).version, stage(i).stored)),
    measureSync('  step alone (transition)', calls, (i) => step(stage(i).version, restored[i % 5], stage(i).event).next),
    measureSync('  snapshot.can(event)', calls, (i) => restored[i % 5].can(stage(i).event)),
    measureSync('  acceptedEventTypes', calls, (i) => acceptedEventTypes(restored[i % 5]).length),
    measureSync('decide (restore+accepted+can+step+toStored)', calls, (i) => {
      const snapshot = restore(stage(i).version, stage(i).stored);
      acceptedEventTypes(snapshot).includes(stage(i).event.type);
      snapshot.can(stage(i).event);
      return toStored(step(stage(i).version, snapshot, stage(i).event).next);
    }),
    measureSync('toProposalView (restore + allowedEventTypes)', calls, (i) => toProposalView(stage(i).record, viewers[i % 5])),
    measureSync('startProposal (initialTransition)', calls, () => startProposal(machineVersion, input)),
    measureSync('snapshot JSON.stringify + JSON.parse', calls, (i) => JSON.parse(JSON.stringify(stage(i).stored))),
    measureSync('HTTP: verifyAccessToken (HS256)', calls, () => verifyAccessToken(token, secret)),
    // jsonwebtoken tries createPublicKey() on a string secret first and falls back after it throws.
    measureSync('HTTP:   jwt.verify, same token, KeyObject secret', calls, () => jwt.verify(token, secretKey, { algorithms: ['HS256'] })),
    await measureAsync('HTTP: ValidationPipe CreateProposalDto', calls, () => pipe.transform(createBody, bodyMeta(CreateProposalDto))),
    await measureAsync('HTTP: ValidationPipe ProposalEventDto', calls, (i) =>
      pipe.transform(eventBodies[i % eventBodies.length], bodyMeta(ProposalEventDto))),
  ];
  const us = (prefix: string) => results.find((r) => r.name.startsWith(prefix))?.usPerCall ?? Number.NaN;
  return {
    results,
    predicted: {
      create: us('startProposal') + us('eventHash') + us('toProposalView'),
      event: us('decide') + us('eventHash') + us('toProposalView'),
    },
  };
}

export const microSink = () => sink;
