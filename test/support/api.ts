import { randomBytes } from 'node:crypto';
import request, { type Response } from 'supertest';
import { addDays, localDateOf } from '#calendar';
import type { PersonRole } from '#kernel';
import { prepareDossierFor } from './documents.js';
import type { TestApp } from './test-app.js';

/** What the API answers for a proposal (docs/architecture.md, HTTP contract), as far as the tests read it. */
export interface ProposalBody {
  id: string;
  kind: string;
  unitId: string;
  campaignId: string | null;
  awardForm: string;
  nominee: Record<string, unknown>;
  achievement: Record<string, unknown>;
  state: string;
  version: number;
  machineVersion: number;
  deadline: unknown;
  late: boolean;
  escalation: string;
  warnings: { rule: string; message: string }[];
  allowedEvents: string[];
  lastReason?: string | null;
  vote?: unknown;
  decision?: unknown;
}

export interface HistoryEvent {
  seq: number;
  type: string;
  actor: { id: string; roles: string[]; unitId: string | null };
  at: string;
  payload: Record<string, unknown>;
  machineVersion: number;
  state: string;
  prevHash: string;
  hash: string;
}

export interface Caller {
  role: PersonRole | PersonRole[];
  unitId?: string | null;
  sub?: string;
}

export const bearer = (t: TestApp, caller: Caller) => `Bearer ${t.token(caller.role, caller.unitId ?? null, { sub: caller.sub })}`;

export const http = (t: TestApp) => request(t.server);

export const suffix = () => randomBytes(4).toString('hex');

// ---------------------------------------------------------------------------------------------- seeding

export interface UnitBody {
  id: string;
  code: string;
  name: string;
}

export async function createUnit(t: TestApp, code = `U-${suffix()}`): Promise<UnitBody> {
  const response = await http(t).post('/api/units').set('Authorization', bearer(t, { role: 'admin' })).send({ code, name: `Unit ${code}` });
  expectStatus(response, 201);
  return response.body as UnitBody;
}

export async function createCampaign(t: TestApp, overrides: Record<string, unknown> = {}): Promise<{ id: string } & Record<string, unknown>> {
  const response = await http(t)
    .post('/api/campaigns')
    .set('Authorization', bearer(t, { role: 'home_affairs' }))
    .send({ ...completeCampaign(), ...overrides });
  expectStatus(response, 201);
  return response.body;
}

/** A date counted in days from today in Vietnam, by the real clock (the one the test application runs on). */
export const daysFromToday = (days: number): string => addDays(localDateOf(new Date(), 7), days);

/**
 * A campaign that meets every TH-1 prerequisite (plan, launch, final review, full guidance), whose guidance
 * covers the achievement date the drafts use and offers both award forms with quotas no suite will exhaust.
 * Its ceremony is two months ahead of the real day: a ceremony in the past is refused (docs/validation.md).
 */
export function completeCampaign() {
  return {
    title: `Phong trào thi đua ${suffix()}`,
    round: 'campaign',
    plan: { ref: '45/KH-UBND', issuedAt: '2025-01-15' },
    launchedAt: '2025-02-01',
    finalReviewAt: '2026-05-20',
    guidance: {
      ref: '12/HD-SNV',
      issuedAt: '2026-05-25',
      scope: 'Toàn tỉnh',
      subjects: 'Tập thể, cá nhân có thành tích xuất sắc',
      criteria: 'Hoàn thành xuất sắc nhiệm vụ',
      achievementPeriod: { from: '2025-01-01', to: '2026-12-31' },
      awardForms: ['unit_certificate', 'chairman_certificate'],
      quota: { unit_certificate: 100_000, chairman_certificate: 100_000 },
    },
    ceremonyDate: daysFromToday(60),
  };
}

export interface Seed {
  unit: UnitBody;
  campaign: { id: string };
}

/** A unit (through the admin) and a campaign (through home affairs). */
export async function seed(t: TestApp): Promise<Seed> {
  const unit = await createUnit(t);
  const campaign = await createCampaign(t);
  return { unit, campaign };
}

// ---------------------------------------------------------------------------------------------- proposals

export function proposalDraft(unitId: string, campaignId: string | null, overrides: Record<string, unknown> = {}) {
  return {
    kind: campaignId ? 'thematic' : 'extraordinary',
    ...(campaignId ? { campaignId } : {}),
    unitId,
    awardForm: 'chairman_certificate',
    nominee: { type: 'individual', name: 'Nguyễn Văn An' },
    achievement: { summary: 'Cứu 3 người bị nạn trong lũ quét', date: '2026-04-22', basis: 'rescue' },
    ...overrides,
  };
}

export async function createProposal(
  t: TestApp,
  unitId: string,
  campaignId: string | null,
  overrides: Record<string, unknown> = {},
  caller: Caller = { role: 'drafter', unitId },
): Promise<ProposalBody> {
  const response = await http(t).post('/api/proposals').set('Authorization', bearer(t, caller)).send(proposalDraft(unitId, campaignId, overrides));
  expectStatus(response, 201);
  return response.body as ProposalBody;
}

export function postEvent(t: TestApp, proposalId: string, caller: Caller, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const call = http(t).post(`/api/proposals/${proposalId}/events`).set('Authorization', bearer(t, caller));
  for (const [name, value] of Object.entries(headers)) call.set(name, value);
  return call.send(body);
}

export async function getProposal(t: TestApp, proposalId: string, caller: Caller): Promise<ProposalBody> {
  const response = await http(t).get(`/api/proposals/${proposalId}`).set('Authorization', bearer(t, caller));
  expectStatus(response, 200);
  return response.body as ProposalBody;
}

export async function getHistory(t: TestApp, proposalId: string, caller: Caller = { role: 'auditor' }): Promise<HistoryEvent[]> {
  const response = await http(t).get(`/api/proposals/${proposalId}/history`).set('Authorization', bearer(t, caller));
  expectStatus(response, 200);
  return (response.body as { events: HistoryEvent[] }).events;
}

/** Every page of `GET /api/proposals` for this caller and query. */
export async function listAll(t: TestApp, caller: Caller, query: Record<string, string> = {}, limit = 200): Promise<ProposalBody[]> {
  const items: ProposalBody[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const response: Response = await http(t)
      .get('/api/proposals')
      .query({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) })
      .set('Authorization', bearer(t, caller));
    expectStatus(response, 200);
    items.push(...(response.body.items as ProposalBody[]));
    cursor = response.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('listAll: more than 1000 pages');
}

export const VOTE = { members: 9, for: 7, against: 2 };
export const DECISION = { number: '1234/QĐ-UBND', date: '2026-06-22', signedBy: 'Phó Chủ tịch UBND tỉnh' };

export type Step = { caller: (unitId: string) => Caller; body: Record<string, unknown>; to: string };

/** The one step each happy path takes from a stage, by who takes it. */
export const STEPS: Record<string, Step> = {
  SUBMIT: { caller: (unitId) => ({ role: 'drafter', unitId }), body: { type: 'SUBMIT' }, to: 'unitDecision' },
  FORWARD: { caller: (unitId) => ({ role: 'unit_head', unitId }), body: { type: 'FORWARD' }, to: 'councilScreening' },
  RECOMMEND: { caller: () => ({ role: 'council' }), body: { type: 'RECOMMEND', vote: VOTE }, to: 'homeAffairsAgreement' },
  AGREE: { caller: () => ({ role: 'home_affairs' }), body: { type: 'AGREE' }, to: 'chairmanDecision' },
  REQUEST_SUPPLEMENT: {
    caller: () => ({ role: 'home_affairs' }),
    body: { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao quyết định công nhận' },
    to: 'supplementRequested',
  },
  APPROVE: { caller: () => ({ role: 'vice_chairman' }), body: { type: 'APPROVE', decision: DECISION }, to: 'awarded' },
  AWARD_AT_UNIT: { caller: (unitId) => ({ role: 'unit_head', unitId }), body: { type: 'AWARD_AT_UNIT' }, to: 'awardedByUnit' },
  REJECT_AT_UNIT: { caller: (unitId) => ({ role: 'unit_head', unitId }), body: { type: 'REJECT', reason: 'Không đủ tiêu chuẩn' }, to: 'rejected' },
  WITHDRAW: { caller: (unitId) => ({ role: 'drafter', unitId }), body: { type: 'WITHDRAW' }, to: 'withdrawn' },
};

/** The steps that lead from `drafting` to each state. */
export const PATHS: Record<string, (keyof typeof STEPS)[]> = {
  drafting: [],
  unitDecision: ['SUBMIT'],
  councilScreening: ['SUBMIT', 'FORWARD'],
  homeAffairsAgreement: ['SUBMIT', 'FORWARD', 'RECOMMEND'],
  chairmanDecision: ['SUBMIT', 'FORWARD', 'RECOMMEND', 'AGREE'],
  supplementRequested: ['SUBMIT', 'FORWARD', 'RECOMMEND', 'REQUEST_SUPPLEMENT'],
  awarded: ['SUBMIT', 'FORWARD', 'RECOMMEND', 'AGREE', 'APPROVE'],
  awardedByUnit: ['SUBMIT', 'AWARD_AT_UNIT'],
  rejected: ['SUBMIT', 'REJECT_AT_UNIT'],
  withdrawn: ['WITHDRAW'],
};

/**
 * Moves a proposal from `drafting` to `state` through the HTTP API, checking every step. Where the app asks for
 * documents (HS-1 … HS-3), each step's documents are attached first, by whoever holds the proposal then.
 */
export async function walkTo(t: TestApp, proposal: ProposalBody, state: keyof typeof PATHS): Promise<ProposalBody> {
  const path = PATHS[state];
  if (!path) throw new Error(`walkTo: no path to ${state}`);
  let current = proposal;
  for (const name of path) {
    const step = STEPS[name];
    if (t.config.documents.required) await prepareDossierFor(t, current, name);
    const response = await postEvent(t, current.id, step.caller(current.unitId), step.body);
    expectStatus(response, 200);
    if (response.body.state !== step.to) throw new Error(`walkTo: ${name} went to ${response.body.state}, not ${step.to}`);
    current = response.body as ProposalBody;
  }
  return current;
}

/** Creates a proposal in `unitId` and walks it to `state`. */
export async function proposalIn(
  t: TestApp,
  state: keyof typeof PATHS,
  unitId: string,
  campaignId: string | null,
  overrides: Record<string, unknown> = {},
): Promise<ProposalBody> {
  return walkTo(t, await createProposal(t, unitId, campaignId, overrides), state);
}

/** A status check that says what came back when it fails. */
export function expectStatus(response: Response, status: number): void {
  if (response.status !== status) {
    throw new Error(
      `${response.request?.method ?? ''} ${response.request?.url ?? ''}: expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body) || response.text}`,
    );
  }
}

/** The field names a 400 VALIDATION_FAILED names. */
export const fieldsOf = (response: Response): string[] =>
  ((response.body?.errors ?? []) as { field: string }[]).map((error) => error.field);
