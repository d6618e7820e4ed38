import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Stream } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Response } from 'supertest';
import { eventHash, GENESIS_HASH } from '#audit';
import { eventParameters, INSERT_EVENT_SQL, toLoggedEvent, type ProposalEventRow } from '#persistence';
import { startProposal, type ProposalInput } from '#workflows/proposal';
import { bearer, createProposal, DECISION, expectStatus, http, postEvent, VOTE, type Caller, type ProposalBody } from './api.js';
import { TEST_JWT_SECRET, type TestApp } from './test-app.js';

/**
 * Helpers for the audit suites (ISSUE: tamper-evident log, replay, checkpoints). They read and write the tables
 * directly, through the suite's own DataSource, because that is what an attacker with the database file does.
 */

// ---------------------------------------------------------------------------------------------- raw SQL

/** `?` placeholders on both databases (PostgreSQL wants `$1, $2 …`). */
export function sql<T = Record<string, unknown>>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  let n = 0;
  const query = t.database === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
  return t.dataSource.query(query, params) as Promise<T[]>;
}

/** One stored event, decoded the way the application decodes it. */
export interface StoredEvent {
  proposalId: string;
  seq: number;
  type: string;
  actor: { id: string; roles: string[]; unitId: string | null } & Record<string, unknown>;
  at: string;
  payload: Record<string, unknown>;
  machineVersion: number;
  state: string;
  prevHash: string;
  hash: string;
}

export interface StoredSnapshot {
  value: string;
  context: Record<string, unknown>;
}

export interface StoredRow {
  id: string;
  state: string;
  snapshot: StoredSnapshot;
  version: number;
  machineVersion: number;
  lastSeq: number;
  lastHash: string;
}

export async function storedEvents(t: TestApp, proposalId: string): Promise<StoredEvent[]> {
  const rows = await sql<ProposalEventRow>(
    t,
    'SELECT proposal_id, seq, type, actor, at, payload, machine_version, state, prev_hash, hash FROM proposal_events WHERE proposal_id = ? ORDER BY seq',
    [proposalId],
  );
  // Decoded by the application's own mapper, so that the suites see what the verifier sees.
  return rows.map((row) => toLoggedEvent(row) as StoredEvent);
}

export async function storedRow(t: TestApp, proposalId: string): Promise<StoredRow> {
  const [row] = await sql<Record<string, string | number>>(
    t,
    'SELECT id, state, snapshot, version, machine_version, last_seq, last_hash FROM proposals WHERE id = ?',
    [proposalId],
  );
  if (!row) throw new Error(`no proposal row ${proposalId}`);
  return {
    id: String(row.id),
    state: String(row.state),
    snapshot: JSON.parse(String(row.snapshot)),
    version: Number(row.version),
    machineVersion: Number(row.machine_version),
    lastSeq: Number(row.last_seq),
    lastHash: String(row.last_hash),
  };
}

export async function countRows(t: TestApp, table: string, where = '', params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: number | string }>(t, `SELECT COUNT(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`, params);
  return Number(row.n);
}

/** Every table the migrations made (whatever other suites add), with its row count: to prove a refusal wrote nothing. */
export async function allTableCounts(t: TestApp): Promise<Record<string, number>> {
  const tables =
    t.database === 'postgres'
      ? (await sql<{ name: string }>(t, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).map((r) => r.name)
      : (await sql<{ name: string }>(t, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).map(
          (r) => r.name,
        );
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(t, `"${table}"`);
  return counts;
}

/** The hash an event's fields seal, computed from scratch. */
export const sealOf = (event: Omit<StoredEvent, 'hash'>) => eventHash(event.prevHash, event);

/** Writes every column of `event` into the row that has seq `whereSeq` (its own seq unless said otherwise). */
export async function overwriteEvent(t: TestApp, event: StoredEvent, whereSeq = event.seq): Promise<void> {
  await sql(
    t,
    'UPDATE proposal_events SET seq = ?, type = ?, actor = ?, at = ?, payload = ?, machine_version = ?, state = ?, prev_hash = ?, hash = ? WHERE proposal_id = ? AND seq = ?',
    [
      event.seq,
      event.type,
      JSON.stringify(event.actor),
      event.at,
      JSON.stringify(event.payload),
      event.machineVersion,
      event.state,
      event.prevHash,
      event.hash,
      event.proposalId,
      whereSeq,
    ],
  );
}

export async function insertEvent(t: TestApp, event: StoredEvent): Promise<void> {
  await sql(t, INSERT_EVENT_SQL, eventParameters(event));
}

/**
 * A forger's rewrite: change the events from `fromSeq` on with `edit`, then re-link and re-seal every one of them
 * and point the row at the new last hash, so that the chain is self-consistent again.
 */
export async function rewriteChain(
  t: TestApp,
  proposalId: string,
  fromSeq: number,
  edit: (event: StoredEvent) => StoredEvent,
): Promise<StoredEvent[]> {
  const events = await storedEvents(t, proposalId);
  let prevHash = fromSeq > 1 ? events[fromSeq - 2].hash : GENESIS_HASH;
  const rewritten: StoredEvent[] = [];
  for (const original of events.slice(fromSeq - 1)) {
    const edited = { ...edit(structuredClone(original)), prevHash };
    const sealed = { ...edited, hash: sealOf(edited) };
    await overwriteEvent(t, sealed);
    rewritten.push(sealed);
    prevHash = sealed.hash;
  }
  await sql(t, 'UPDATE proposals SET last_hash = ? WHERE id = ?', [prevHash, proposalId]);
  return rewritten;
}

/**
 * A forger's cut: the events after `keepSeq` deleted, and the row set back to what it held after that event
 * (`snapshotAfter`, as recorded by walkRecording), so that the shortened chain and the row agree again.
 */
export async function truncateChain(t: TestApp, proposalId: string, keepSeq: number, snapshotAfter: StoredSnapshot): Promise<StoredEvent> {
  await sql(t, 'DELETE FROM proposal_events WHERE proposal_id = ? AND seq > ?', [proposalId, keepSeq]);
  const last = (await storedEvents(t, proposalId)).at(-1)!;
  if (last.seq !== keepSeq) throw new Error(`truncateChain: ${proposalId} ends at seq ${last.seq}, not ${keepSeq}`);
  await sql(t, 'UPDATE proposals SET last_seq = ?, last_hash = ?, state = ?, snapshot = ? WHERE id = ?', [
    keepSeq,
    last.hash,
    snapshotAfter.value,
    JSON.stringify(snapshotAfter),
    proposalId,
  ]);
  return last;
}

/**
 * A proposal made to vanish: its documents, its events and its row. Suites without a worker have no notices
 * pointing at it; with one, delete those first.
 */
export async function deleteProposal(t: TestApp, proposalId: string): Promise<void> {
  await sql(t, 'DELETE FROM proposal_documents WHERE proposal_id = ?', [proposalId]);
  await sql(t, 'DELETE FROM proposal_events WHERE proposal_id = ?', [proposalId]);
  await sql(t, 'DELETE FROM proposals WHERE id = ?', [proposalId]);
}

/**
 * Turns a proposal that has only its CREATED event into one that was created under machine v1: the event is
 * re-sealed under v1 and the row holds v1's initial snapshot, as if an old release had written them. What happens
 * next goes through the API, which applies events with the row's machine version.
 */
export async function makeMachineV1(t: TestApp, proposalId: string): Promise<void> {
  const events = await storedEvents(t, proposalId);
  if (events.length !== 1 || events[0].type !== 'CREATED') throw new Error('makeMachineV1: only a freshly created proposal');
  const created = { ...events[0], machineVersion: 1 };
  const sealed = { ...created, hash: sealOf(created) };
  await overwriteEvent(t, sealed);
  const snapshot = startProposal(1, created.payload as unknown as ProposalInput);
  await sql(t, 'UPDATE proposals SET machine_version = 1, snapshot = ?, last_hash = ? WHERE id = ?', [JSON.stringify(snapshot), sealed.hash, proposalId]);
}

// ---------------------------------------------------------------------------------------------- walks

export interface WalkStep {
  name: string;
  caller: (unitId: string) => Caller;
  body: Record<string, unknown>;
  to: string;
}

const unitMember =
  (role: 'drafter' | 'unit_head') =>
  (unitId: string): Caller => ({ role, unitId });
const provincial =
  (role: 'council' | 'home_affairs' | 'chairman' | 'vice_chairman') =>
  (): Caller => ({ role });

/** A long road to `awarded` that passes every stage, turns back twice and (on v2) asks for missing documents. */
export function longWalk(options: { supplement: boolean } = { supplement: true }): WalkStep[] {
  const steps: WalkStep[] = [
    {
      name: 'UPDATE nominee',
      caller: unitMember('drafter'),
      body: { type: 'UPDATE', changes: { nominee: { type: 'individual', name: 'Trần Thị Bình' } } },
      to: 'drafting',
    },
    {
      name: 'UPDATE achievement',
      caller: unitMember('unit_head'),
      body: { type: 'UPDATE', changes: { achievement: { summary: 'Cứu 5 người trong lũ', date: '2026-04-20', basis: 'rescue' } } },
      to: 'drafting',
    },
    { name: 'SUBMIT', caller: unitMember('drafter'), body: { type: 'SUBMIT' }, to: 'unitDecision' },
    { name: 'RETURN by the unit head', caller: unitMember('unit_head'), body: { type: 'RETURN', reason: 'Bổ sung minh chứng' }, to: 'drafting' },
    {
      name: 'UPDATE nominee again',
      caller: unitMember('drafter'),
      body: { type: 'UPDATE', changes: { nominee: { type: 'collective', name: 'Tổ cứu hộ xã Hòa Bình' } } },
      to: 'drafting',
    },
    { name: 'SUBMIT again', caller: unitMember('unit_head'), body: { type: 'SUBMIT' }, to: 'unitDecision' },
    { name: 'FORWARD', caller: unitMember('unit_head'), body: { type: 'FORWARD' }, to: 'councilScreening' },
    { name: 'RECOMMEND', caller: provincial('council'), body: { type: 'RECOMMEND', vote: VOTE }, to: 'homeAffairsAgreement' },
  ];
  if (options.supplement) {
    steps.push(
      {
        name: 'REQUEST_SUPPLEMENT',
        caller: provincial('home_affairs'),
        body: { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao quyết định công nhận' },
        to: 'supplementRequested',
      },
      { name: 'SUPPLEMENT', caller: unitMember('drafter'), body: { type: 'SUPPLEMENT', note: 'Đã bổ sung bản sao' }, to: 'homeAffairsAgreement' },
    );
  }
  steps.push(
    { name: 'AGREE', caller: provincial('home_affairs'), body: { type: 'AGREE' }, to: 'chairmanDecision' },
    { name: 'RETURN by the chairman', caller: provincial('chairman'), body: { type: 'RETURN', reason: 'Làm rõ thành tích' }, to: 'homeAffairsAgreement' },
    { name: 'AGREE again', caller: provincial('home_affairs'), body: { type: 'AGREE' }, to: 'chairmanDecision' },
    { name: 'APPROVE', caller: provincial('vice_chairman'), body: { type: 'APPROVE', decision: DECISION }, to: 'awarded' },
  );
  return steps;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `steps` one by one and, after each, reads the row's stored snapshot straight from the table: what the
 * live system held at that seq. `snapshots[k - 1]` is the snapshot after seq k (the CREATED line is seq 1, so it
 * is read first). A pause of a few ms between calls keeps every event's `at` distinct.
 */
export async function walkRecording(
  t: TestApp,
  proposal: ProposalBody,
  steps: readonly WalkStep[],
  snapshots: StoredSnapshot[] = [],
): Promise<{ proposal: ProposalBody; snapshots: StoredSnapshot[] }> {
  if (snapshots.length === 0) snapshots.push((await storedRow(t, proposal.id)).snapshot);
  let current = proposal;
  for (const step of steps) {
    await pause(3);
    const response = await postEvent(t, current.id, step.caller(current.unitId), step.body);
    expectStatus(response, 200);
    if (response.body.state !== step.to) throw new Error(`${step.name} went to ${response.body.state}, not ${step.to}`);
    current = response.body as ProposalBody;
    snapshots.push((await storedRow(t, current.id)).snapshot);
  }
  return { proposal: current, snapshots };
}

/** A new proposal (seq 1) walked through `steps`, with the snapshot after every seq. */
export async function recordedProposal(
  t: TestApp,
  unitId: string,
  campaignId: string | null,
  steps: readonly WalkStep[],
  options: { machineV1?: boolean } = {},
): Promise<{ proposal: ProposalBody; snapshots: StoredSnapshot[] }> {
  const created = await createProposal(t, unitId, campaignId);
  if (options.machineV1) await makeMachineV1(t, created.id);
  return walkRecording(t, created, steps);
}

// ---------------------------------------------------------------------------------------------- audit calls

/** One proposal's head as a checkpoint records it (and as its exported heads file lists it). */
export interface CheckpointHead {
  proposalId: string;
  seq: number;
  hash: string;
}

export interface BrokenEntry {
  proposalId: string | null;
  seq: number | null;
  reason: string;
  detail?: string;
  /** A difference from the checkpoint: the head it recorded, and what the log holds now. */
  recorded?: { seq: number; hash: string } | null;
  now?: { seq: number; hash: string; events: number } | null;
}

export interface CheckpointVerificationBody {
  id: string;
  upTo: string;
  createdAt: string;
  recorded: { proposals: number; events: number };
  ok: boolean;
  signatureValid: boolean;
  keyPinned: boolean;
  merkleRootMatches: boolean;
  headsMatchCheckpoint: boolean | null;
  proposals: number;
  events: number;
  broken: BrokenEntry[];
  truncated: boolean;
}

export interface VerifyBody {
  proposals: number;
  events: number;
  ok: boolean;
  broken: BrokenEntry[];
  truncated: boolean;
  /** null: no checkpoint stored yet; absent: ?checkpoint=none. */
  checkpoint?: CheckpointVerificationBody | null;
}

export async function verify(t: TestApp, query: Record<string, string> = {}, caller: Caller = { role: 'auditor' }): Promise<VerifyBody> {
  const response = await http(t).get('/api/audit/verify').query(query).set('Authorization', bearer(t, caller));
  expectStatus(response, 200);
  return response.body as VerifyBody;
}

/** Without the words meant for people: what the contract classifies. */
export const classified = (broken: readonly BrokenEntry[]) => broken.map(({ proposalId, seq, reason }) => ({ proposalId, seq, reason }));

export function replay(t: TestApp, proposalId: string, query: Record<string, string | number>, caller: Caller = { role: 'auditor' }) {
  return http(t).get(`/api/proposals/${proposalId}/replay`).query(query).set('Authorization', bearer(t, caller));
}

/** supertest's parser for any body as raw bytes. */
export function rawBody(response: Stream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
  response.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}

export function exportLog(t: TestApp, query: Record<string, string>, caller: Caller = { role: 'auditor' }): Promise<Response> {
  return http(t).get('/api/audit/export').query(query).set('Authorization', bearer(t, caller)).buffer(true).parse(rawBody);
}

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; records end with CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || record.length > 0) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(text.slice(-80))}`);
  return records;
}

// ---------------------------------------------------------------------------------------------- the CLI

export const AUDIT_CLI = fileURLToPath(new URL('../../dist/apps/cli/src/audit.command.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/apps/cli/src/audit.command.js …` on the suite's database (build first: npx tsc -p tsconfig.build.json). */
export function runAuditCli(args: string[], databaseUrl: string, env: Record<string, string> = {}): Promise<CliRun> {
  if (!existsSync(AUDIT_CLI)) throw new Error(`${AUDIT_CLI} is missing: run npx tsc -p tsconfig.build.json first`);
  const { NODE_OPTIONS: _jestFlags, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AUDIT_CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...inherited, NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, MIGRATIONS_RUN: 'false', DATABASE_URL: databaseUrl, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The DATABASE_URL of a SQLite test app, for the CLI to open the same file. */
export function sqliteUrl(t: TestApp): string {
  const database = t.config.database;
  if (database.kind !== 'sqlite') throw new Error('the CLI suites run on SQLite');
  return `sqlite:${database.path}`;
}
