import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import {
  bearer,
  completeCampaign,
  DECISION,
  fieldsOf,
  getHistory,
  http,
  listAll,
  proposalDraft,
  proposalIn,
  seed,
  VOTE,
  type Caller,
  type ProposalBody,
  type Seed,
} from '../support/api.js';
import { describeEachDatabase, useTestApp, PAPER_DOSSIERS} from '../support/test-app.js';

type Stage = 'drafting' | 'councilScreening' | 'chairmanDecision';

interface EventCase {
  name: string;
  at: Stage;
  /** An object is sent as JSON; a string is sent as-is with Content-Type: application/json. */
  body: Record<string, unknown> | string;
  headers?: Record<string, string>;
  /** The fields the 400 must name: exactly these, no others. */
  fields: string[];
}

const EVENT_CASES: EventCase[] = [
  { name: 'malformed JSON', at: 'drafting', body: '{"type": "SUBMIT",', fields: ['body'] },
  { name: 'JSON that is not an object (null)', at: 'drafting', body: 'null', fields: ['body'] },
  { name: 'no type at all', at: 'drafting', body: {}, fields: ['type'] },
  { name: 'an unknown field', at: 'drafting', body: { type: 'SUBMIT', urgent: true }, fields: ['urgent'] },
  { name: 'an unknown event type', at: 'drafting', body: { type: 'DANCE' }, fields: ['type'] },
  { name: 'a timer event sent by a person', at: 'drafting', body: { type: 'DEADLINE_MISSED' }, fields: ['type'] },
  { name: 'vote with SUBMIT', at: 'drafting', body: { type: 'SUBMIT', vote: VOTE }, fields: ['vote'] },
  { name: 'changes with SUBMIT', at: 'drafting', body: { type: 'SUBMIT', changes: { awardForm: 'unit_certificate' } }, fields: ['changes'] },
  { name: 'UPDATE without changes', at: 'drafting', body: { type: 'UPDATE' }, fields: ['changes'] },
  { name: 'UPDATE with empty changes', at: 'drafting', body: { type: 'UPDATE', changes: {} }, fields: ['changes'] },
  { name: 'UPDATE changing a field that cannot change', at: 'drafting', body: { type: 'UPDATE', changes: { kind: 'extraordinary' } }, fields: ['changes.kind'] },
  { name: 'UPDATE with a wrong award form', at: 'drafting', body: { type: 'UPDATE', changes: { awardForm: 'gold' } }, fields: ['changes.awardForm'] },
  {
    name: 'UPDATE with an impossible date',
    at: 'drafting',
    body: { type: 'UPDATE', changes: { achievement: { summary: 'x', date: '2026-02-30' } } },
    fields: ['changes.achievement.date'],
  },
  { name: 'a reason that is not a string (WITHDRAW)', at: 'drafting', body: { type: 'WITHDRAW', reason: 42 }, fields: ['reason'] },
  { name: 'RETURN without a reason', at: 'councilScreening', body: { type: 'RETURN' }, fields: ['reason'] },
  { name: 'REJECT without a reason', at: 'councilScreening', body: { type: 'REJECT' }, fields: ['reason'] },
  { name: 'REJECT with an empty reason', at: 'councilScreening', body: { type: 'REJECT', reason: '' }, fields: ['reason'] },
  { name: 'RECOMMEND without a vote', at: 'councilScreening', body: { type: 'RECOMMEND' }, fields: ['vote'] },
  { name: 'RECOMMEND with members as a string', at: 'councilScreening', body: { type: 'RECOMMEND', vote: { ...VOTE, members: '9' } }, fields: ['vote.members'] },
  { name: 'RECOMMEND with more votes than members', at: 'councilScreening', body: { type: 'RECOMMEND', vote: { members: 5, for: 4, against: 2 } }, fields: ['vote'] },
  { name: 'RECOMMEND without a majority for', at: 'councilScreening', body: { type: 'RECOMMEND', vote: { members: 9, for: 4, against: 4 } }, fields: ['vote.for'] },
  { name: 'a vote with an unknown field', at: 'councilScreening', body: { type: 'RECOMMEND', vote: { ...VOTE, abstain: 0 } }, fields: ['vote.abstain'] },
  { name: 'reason with AGREE', at: 'councilScreening', body: { type: 'AGREE', reason: 'ok' }, fields: ['reason'] },
  { name: 'APPROVE without a decision', at: 'chairmanDecision', body: { type: 'APPROVE' }, fields: ['decision'] },
  { name: 'APPROVE with a decision date that is not a date', at: 'chairmanDecision', body: { type: 'APPROVE', decision: { ...DECISION, date: '2026-02-30' } }, fields: ['decision.date'] },
  { name: 'APPROVE with a decision missing its signer', at: 'chairmanDecision', body: { type: 'APPROVE', decision: { number: '1/QĐ', date: '2026-06-22' } }, fields: ['decision.signedBy'] },
  { name: 'decision with FORWARD', at: 'chairmanDecision', body: { type: 'FORWARD', decision: DECISION }, fields: ['decision'] },
  { name: 'If-Match that is not a version', at: 'drafting', body: { type: 'SUBMIT' }, headers: { 'If-Match': 'yesterday' }, fields: ['If-Match'] },
  { name: 'an Idempotency-Key that is too long', at: 'drafting', body: { type: 'SUBMIT' }, headers: { 'Idempotency-Key': 'k'.repeat(201) }, fields: ['Idempotency-Key'] },
];

interface CreateCase {
  name: string;
  overrides: Record<string, unknown>;
  /** Fields removed from the draft. */
  omit?: string[];
  fields: string[];
}

const CREATE_CASES: CreateCase[] = [
  { name: 'an unknown field', overrides: { priority: 'high' }, fields: ['priority'] },
  { name: 'an unknown field inside nominee', overrides: { nominee: { type: 'individual', name: 'An', rank: 'major' } }, fields: ['nominee.rank'] },
  { name: 'nominee as a string', overrides: { nominee: 'Nguyễn Văn An' }, fields: ['nominee'] },
  { name: 'nominee missing', overrides: {}, omit: ['nominee'], fields: ['nominee'] },
  { name: 'ownParticipants as a string', overrides: { nominee: { type: 'collective', name: 'Đội', ownParticipants: '12' } }, fields: ['nominee.ownParticipants'] },
  { name: 'underDiscipline as a string', overrides: { nominee: { type: 'individual', name: 'An', underDiscipline: 'no' } }, fields: ['nominee.underDiscipline'] },
  { name: "kind 'other'", overrides: { kind: 'other' }, fields: ['kind'] },
  { name: "awardForm 'gold'", overrides: { awardForm: 'gold' }, fields: ['awardForm'] },
  { name: "nominee.type 'robot'", overrides: { nominee: { type: 'robot', name: 'R2' } }, fields: ['nominee.type'] },
  { name: "achievement.basis 'bravery'", overrides: { achievement: { summary: 'x', date: '2026-04-22', basis: 'bravery' } }, fields: ['achievement.basis'] },
  { name: "achievement.date '2026-02-30'", overrides: { achievement: { summary: 'x', date: '2026-02-30' } }, fields: ['achievement.date'] },
  { name: "achievement.date '22/04/2026'", overrides: { achievement: { summary: 'x', date: '22/04/2026' } }, fields: ['achievement.date'] },
  { name: "achievement.date '2026-4-22'", overrides: { achievement: { summary: 'x', date: '2026-4-22' } }, fields: ['achievement.date'] },
  { name: 'achievement.date with a time', overrides: { achievement: { summary: 'x', date: '2026-04-22T08:00:00Z' } }, fields: ['achievement.date'] },
  { name: "achievement.recognizedAt '2026-13-01'", overrides: { achievement: { summary: 'x', date: '2026-04-22', recognizedAt: '2026-13-01' } }, fields: ['achievement.recognizedAt'] },
  { name: 'an empty summary', overrides: { achievement: { summary: '', date: '2026-04-22' } }, fields: ['achievement.summary'] },
  { name: 'unitId that is not a UUID', overrides: { unitId: 'SO-GDDT' }, fields: ['unitId'] },
  { name: 'a thematic proposal without a campaign', overrides: { kind: 'thematic' }, omit: ['campaignId'], fields: ['campaignId'] },
];

describeEachDatabase('bad input is refused and writes nothing', (database) => {
  const t = useTestApp(database, { env: PAPER_DOSSIERS });
  let home: Seed;
  const at = {} as Record<Stage, ProposalBody>;
  const callers = (): Record<Stage, Caller> => ({
    drafting: { role: 'drafter', unitId: home.unit.id },
    councilScreening: { role: 'council' },
    chairmanDecision: { role: 'chairman' },
  });
  const drafter = (): Caller => ({ role: 'drafter', unitId: home.unit.id });

  beforeAll(async () => {
    home = await seed(t);
    for (const stage of ['drafting', 'councilScreening', 'chairmanDecision'] as const) {
      at[stage] = await proposalIn(t, stage, home.unit.id, home.campaign.id);
    }
  });

  /** Runs `act` and checks that no table changed and that the proposal's history and the unit's list did not grow. */
  async function refusedWithoutWriting(act: () => Promise<Response>, proposalId?: string): Promise<Response> {
    const before = await t.rowCounts();
    const historyBefore = proposalId ? (await getHistory(t, proposalId)).length : 0;
    const listBefore = (await listAll(t, drafter())).length;
    const response = await act();
    await expect(t.rowCounts()).resolves.toEqual(before);
    if (proposalId) await expect(getHistory(t, proposalId).then((events) => events.length)).resolves.toBe(historyBefore);
    await expect(listAll(t, drafter()).then((items) => items.length)).resolves.toBe(listBefore);
    return response;
  }

  const expectValidationFailed = (response: Response, fields: string[]) => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect([...new Set(fieldsOf(response))].sort()).toEqual([...fields].sort());
    for (const error of response.body.errors as { message: string }[]) expect(error.message).toEqual(expect.any(String));
    expect(typeof response.body.message).toBe('string');
  };

  describe('POST /api/proposals/:id/events', () => {
    it.each(EVENT_CASES)('$name → 400 naming $fields', async ({ at: stage, body, headers, fields }) => {
      const proposal = at[stage];
      const response = await refusedWithoutWriting(() => {
        const call = http(t)
          .post(`/api/proposals/${proposal.id}/events`)
          .set('Authorization', bearer(t, callers()[stage]));
        for (const [name, value] of Object.entries(headers ?? {})) call.set(name, value);
        return typeof body === 'string' ? call.set('Content-Type', 'application/json').send(body) : call.send(body);
      }, proposal.id);
      expectValidationFailed(response, fields);
    });

    it('a body too large for the server: 413, nothing written', async () => {
      const response = await refusedWithoutWriting(
        () => http(t).post(`/api/proposals/${at.drafting.id}/events`).set('Authorization', bearer(t, drafter())).send({ type: 'WITHDRAW', reason: 'x'.repeat(300_000) }),
        at.drafting.id,
      );
      expect(response.status).toBe(413);
    });

    it('an unknown proposal id: 404 on GET, history and events', async () => {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        const response = await refusedWithoutWriting(() => http(t).post(`/api/proposals/${id}/events`).set('Authorization', bearer(t, drafter())).send({ type: 'SUBMIT' }));
        expect({ id, status: response.status, code: response.body.code }).toEqual({ id, status: 404, code: 'NOT_FOUND' });
        const get = await http(t).get(`/api/proposals/${id}`).set('Authorization', bearer(t, { role: 'auditor' }));
        expect([get.status, get.body.code]).toEqual([404, 'NOT_FOUND']);
        const history = await http(t).get(`/api/proposals/${id}/history`).set('Authorization', bearer(t, { role: 'auditor' }));
        expect([history.status, history.body.code]).toEqual([404, 'NOT_FOUND']);
      }
    });

    it('the proposals used above are untouched', async () => {
      for (const stage of ['drafting', 'councilScreening', 'chairmanDecision'] as const) {
        const response = await http(t).get(`/api/proposals/${at[stage].id}`).set('Authorization', bearer(t, { role: 'auditor' }));
        expect(response.body).toMatchObject({ state: stage, version: at[stage].version });
      }
    });
  });

  describe('POST /api/proposals', () => {
    it.each(CREATE_CASES)('$name → 400 naming $fields', async ({ overrides, omit, fields }) => {
      const draft: Record<string, unknown> = proposalDraft(home.unit.id, home.campaign.id, overrides);
      for (const field of omit ?? []) delete draft[field];
      const response = await refusedWithoutWriting(() => http(t).post('/api/proposals').set('Authorization', bearer(t, drafter())).send(draft));
      expectValidationFailed(response, fields);
    });

    it('malformed JSON → 400 VALIDATION_FAILED', async () => {
      const response = await refusedWithoutWriting(() =>
        http(t).post('/api/proposals').set('Authorization', bearer(t, drafter())).set('Content-Type', 'application/json').send('{"kind": "thematic", unitId: }'),
      );
      expectValidationFailed(response, ['body']);
    });

    it('an unknown unit → 404, nothing written', async () => {
      const ghost = randomUUID();
      const response = await refusedWithoutWriting(() =>
        http(t).post('/api/proposals').set('Authorization', bearer(t, { role: 'drafter', unitId: ghost })).send(proposalDraft(ghost, home.campaign.id)),
      );
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect(response.body.message).toContain(ghost);
    });

    it('an unknown campaign → 404, nothing written', async () => {
      const ghost = randomUUID();
      const response = await refusedWithoutWriting(() =>
        http(t).post('/api/proposals').set('Authorization', bearer(t, drafter())).send(proposalDraft(home.unit.id, ghost)),
      );
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    });
  });

  describe('GET /api/proposals query', () => {
    it.each([
      ['limit', '0'],
      ['limit', '201'],
      ['limit', 'ten'],
      ['state', 'pending'],
      ['inbox', 'maybe'],
      ['late', 'sometimes'],
      ['unitId', 'not-a-uuid'],
      ['cursor', 'garbage'],
      ['colour', 'red'],
    ])('%s=%s → 400 naming it', async (name, value) => {
      const response = await http(t).get('/api/proposals').query({ [name]: value }).set('Authorization', bearer(t, { role: 'council' }));
      expectValidationFailed(response, [name]);
    });
  });

  describe('units and campaigns', () => {
    it('a unit code with spaces → 400 naming code; a duplicate code → 409 DUPLICATE; nothing written', async () => {
      const admin = bearer(t, { role: 'admin' });
      const bad = await refusedWithoutWriting(() => http(t).post('/api/units').set('Authorization', admin).send({ code: 'SO GD', name: 'Sở' }));
      expectValidationFailed(bad, ['code']);
      const duplicate = await refusedWithoutWriting(() => http(t).post('/api/units').set('Authorization', admin).send({ code: home.unit.code, name: 'again' }));
      expect({ status: duplicate.status, code: duplicate.body.code }).toEqual({ status: 409, code: 'DUPLICATE' });
    });

    it.each([
      ['round weekly', 'round', { round: 'weekly' }],
      ['ceremonyDate 2026-02-30', 'ceremonyDate', { ceremonyDate: '2026-02-30' }],
      ['plan issued 15/01/2026', 'plan.issuedAt', { plan: { ref: '45/KH', issuedAt: '15/01/2026' } }],
      ['an unknown field budget', 'budget', { budget: 1000 }],
      // TH-1 reads a number that is not a whole one as "no number": 2.5 or -1 would lift the quota.
      ['a quota of 2.5', 'guidance.quota', { guidance: { ...completeCampaign().guidance, quota: { chairman_certificate: 2.5 } } }],
      ['a quota of -1', 'guidance.quota', { guidance: { ...completeCampaign().guidance, quota: { chairman_certificate: -1 } } }],
      ['a quota for an unknown award form', 'guidance.quota', { guidance: { ...completeCampaign().guidance, quota: { gold_medal: 3 } } }],
      ['a unit quota written as text', 'guidance.unitQuota', { guidance: { ...completeCampaign().guidance, unitQuota: { [randomUUID()]: { unit_certificate: '3' } } } }],
    ])('a campaign with %s → 400 naming %s, nothing written', async (_label, field, overrides) => {
      const response = await refusedWithoutWriting(() =>
        http(t)
          .post('/api/campaigns')
          .set('Authorization', bearer(t, { role: 'home_affairs' }))
          .send({ ...completeCampaign(), ...overrides }),
      );
      expectValidationFailed(response, [field]);
    });
  });

  describe('what used to reach the server as a 500 or a bare status', () => {
    it.each(['-1', '99999', '1e3', '2026.5', '0x7e9', '1899', '2200'])('GET /api/calendar/%s → 400 naming year', async (year) => {
      const response = await http(t).get(`/api/calendar/${year}`).set('Authorization', bearer(t, { role: 'drafter', unitId: home.unit.id }));
      expectValidationFailed(response, ['year']);
    });

    it.each(['1800-01-01', '9999-12-31'])('a campaign whose ceremony is %s → 400 naming ceremonyDate; nothing written, and the list still answers', async (ceremonyDate) => {
      const created = await refusedWithoutWriting(() =>
        http(t).post('/api/campaigns').set('Authorization', bearer(t, { role: 'home_affairs' })).send({ ...completeCampaign(), ceremonyDate }),
      );
      expectValidationFailed(created, ['ceremonyDate']);
      const moved = await refusedWithoutWriting(() =>
        http(t).patch(`/api/campaigns/${home.campaign.id}`).set('Authorization', bearer(t, { role: 'home_affairs' })).send({ ceremonyDate }),
      );
      expectValidationFailed(moved, ['ceremonyDate']);
      const listed = await http(t).get('/api/campaigns').set('Authorization', bearer(t, { role: 'home_affairs' }));
      expect(listed.status).toBe(200);
    });

    it('a calendar year inside the range still answers', async () => {
      const response = await http(t).get('/api/calendar/2199').set('Authorization', bearer(t, { role: 'drafter', unitId: home.unit.id }));
      expect(response.status).toBe(200);
    });

    it.each([
      ['arrays', '['.repeat(5000) + ']'.repeat(5000)],
      ['objects', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
    ])('JSON nested 5,000 deep (%s) → 400 naming body, nothing written', async (_shape, body) => {
      const response = await refusedWithoutWriting(() =>
        http(t).post('/api/proposals').set('Authorization', bearer(t, { role: 'drafter', unitId: home.unit.id })).set('Content-Type', 'application/json').send(body),
      );
      expectValidationFailed(response, ['body']);
    });

    it('brackets inside strings do not count as nesting', async () => {
      const name = '[{'.repeat(100);
      const response = await http(t)
        .post('/api/units')
        .set('Authorization', bearer(t, { role: 'admin' }))
        .send({ code: `U-${randomUUID().slice(0, 8)}`, name });
      expect(response.status).toBe(201);
      expect(response.body.name).toBe(name);
    });

    it('headers over the limit → 431 with a JSON body carrying its code', async () => {
      const response = await http(t).get('/api/units').set('Authorization', bearer(t, { role: 'admin' })).set('X-Padding', 'x'.repeat(20_000));
      expect(response.status).toBe(431);
      expect(response.body).toMatchObject({ code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' });
    });
  });
});
