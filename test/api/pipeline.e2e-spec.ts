import jwt from 'jsonwebtoken';
import type { Response } from 'supertest';
import { eventHash, GENESIS_HASH } from '#audit';
import {
  bearer,
  completeCampaign,
  createCampaign,
  createProposal,
  createUnit,
  DECISION,
  getHistory,
  getProposal,
  http,
  listAll,
  postEvent,
  proposalDraft,
  proposalIn,
  seed,
  STEPS,
  VOTE,
  type Caller,
  type ProposalBody,
  type Seed,
  type UnitBody,
} from '../support/api.js';
import {
  ALL_STATES,
  allowedFor,
  callerFor,
  EVENT_BODIES,
  EVENT_TYPES,
  expectedOutcome,
  FINAL_STATES,
  MACHINE_TABLE,
  OPEN_STATES,
  ROSTER,
  type EventType,
  type State,
} from '../support/machine-table.js';
import { describeEachDatabase, signTestToken, useTestApp, PAPER_DOSSIERS} from '../support/test-app.js';

const sorted = (values: readonly string[]) => [...values].sort();

describeEachDatabase('proposal pipeline over HTTP', (database) => {
  const t = useTestApp(database, { env: PAPER_DOSSIERS });
  let home: Seed;
  let other: UnitBody;

  beforeAll(async () => {
    home = await seed(t);
    other = await createUnit(t);
  });

  const drafter = (): Caller => ({ role: 'drafter', unitId: home.unit.id });
  const unitHead = (): Caller => ({ role: 'unit_head', unitId: home.unit.id });

  // ------------------------------------------------------------------------------------------ the walk

  describe('the whole walk', () => {
    it('goes drafting → awarded, one version per step, the right allowedEvents for every caller, a sound hash chain', async () => {
      const created = await http(t).post('/api/proposals').set('Authorization', bearer(t, drafter())).send(proposalDraft(home.unit.id, home.campaign.id));
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.body).toMatchObject({
        kind: 'thematic',
        unitId: home.unit.id,
        campaignId: home.campaign.id,
        awardForm: 'chairman_certificate',
        nominee: { type: 'individual', name: 'Nguyễn Văn An' },
        state: 'drafting',
        version: 1,
        machineVersion: 2,
        late: false,
        escalation: 'none',
      });
      // Deadlines and rule warnings are filled in by the calendar and the rulebook; here only their shape.
      expect(created.body).toHaveProperty('deadline');
      expect(Array.isArray(created.body.warnings)).toBe(true);
      expect(sorted(created.body.allowedEvents)).toEqual(['SUBMIT', 'UPDATE', 'WITHDRAW']);
      const id: string = created.body.id;

      const checkEveryCaller = async (state: State) => {
        for (const who of ROSTER) {
          const caller = callerFor(who, home.unit.id, other.id);
          const response = await http(t).get(`/api/proposals/${id}`).set('Authorization', bearer(t, caller));
          if (who.ownUnit === false) {
            expect({ who: who.label, status: response.status, code: response.body.code }).toEqual({ who: who.label, status: 403, code: 'FORBIDDEN' });
          } else {
            expect({ who: who.label, state: response.body.state, allowed: sorted(response.body.allowedEvents) }).toEqual({
              who: who.label,
              state,
              allowed: allowedFor(state, who),
            });
          }
        }
      };
      await checkEveryCaller('drafting');

      const walk: { step: keyof typeof STEPS; caller: Caller; to: State }[] = [
        { step: 'SUBMIT', caller: drafter(), to: 'unitDecision' },
        { step: 'FORWARD', caller: unitHead(), to: 'councilScreening' },
        { step: 'RECOMMEND', caller: { role: 'council' }, to: 'homeAffairsAgreement' },
        { step: 'AGREE', caller: { role: 'home_affairs' }, to: 'chairmanDecision' },
        { step: 'APPROVE', caller: { role: 'vice_chairman' }, to: 'awarded' },
      ];
      let version = 1;
      for (const { step, caller, to } of walk) {
        const response = await postEvent(t, id, caller, STEPS[step].body);
        expect({ step, status: response.status, state: response.body.state, version: response.body.version }).toEqual({
          step,
          status: 200,
          state: to,
          version: version + 1,
        });
        version += 1;
        expect(response.headers.etag).toBe(`"${version}"`);
        // The answer is written for its caller: what they may do next.
        const who = ROSTER.find((entry) => entry.role === (caller.role as string) && entry.ownUnit !== false)!;
        expect(sorted(response.body.allowedEvents)).toEqual(allowedFor(to, who));
        await checkEveryCaller(to);
      }

      const final = await getProposal(t, id, { role: 'auditor' });
      expect(final).toMatchObject({ state: 'awarded', version: 6, vote: VOTE, decision: DECISION });

      const events = await getHistory(t, id);
      expect(events).toHaveLength(6);
      expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(events.map((event) => event.type)).toEqual(['CREATED', 'SUBMIT', 'FORWARD', 'RECOMMEND', 'AGREE', 'APPROVE']);
      expect(events.map((event) => event.state)).toEqual(['drafting', 'unitDecision', 'councilScreening', 'homeAffairsAgreement', 'chairmanDecision', 'awarded']);
      expect(events.map((event) => event.actor.roles)).toEqual([['drafter'], ['drafter'], ['unit_head'], ['council'], ['home_affairs'], ['vice_chairman']]);
      expect(events[0].prevHash).toBe('0'.repeat(64));
      expect(events[0].prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
      expect(new Set(events.map((event) => event.hash)).size).toBe(6);
      for (const event of events) {
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(event.machineVersion).toBe(2);
        // Each hash seals exactly what the log returns (byte-for-byte after the database round trip).
        const { prevHash, hash, ...body } = event;
        expect(eventHash(prevHash, { ...body, proposalId: id })).toBe(hash);
      }
      expect(events[3].payload).toEqual({ vote: VOTE });
      expect(events[5].payload).toEqual({ decision: DECISION });
    });

    it('AWARD_AT_UNIT by the unit head ends in awardedByUnit, where nothing more is accepted', async () => {
      const proposal = await proposalIn(t, 'unitDecision', home.unit.id, null, { awardForm: 'unit_certificate' });
      const awarded = await postEvent(t, proposal.id, unitHead(), EVENT_BODIES.AWARD_AT_UNIT);
      expect(awarded.status).toBe(200);
      expect(awarded.body).toMatchObject({ state: 'awardedByUnit', version: 3, allowedEvents: [] });
      const again = await postEvent(t, proposal.id, unitHead(), { type: 'FORWARD' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'INVALID_TRANSITION', allowed: [] });
      await expect(getHistory(t, proposal.id).then((events) => events.map((event) => event.type))).resolves.toEqual([
        'CREATED',
        'SUBMIT',
        'AWARD_AT_UNIT',
      ]);
    });

    it('RETURN from chairmanDecision goes back to homeAffairsAgreement with the reason kept', async () => {
      const proposal = await proposalIn(t, 'chairmanDecision', home.unit.id, home.campaign.id);
      const returned = await postEvent(t, proposal.id, { role: 'chairman' }, { type: 'RETURN', reason: 'Xem lại số phiếu' });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ state: 'homeAffairsAgreement', lastReason: 'Xem lại số phiếu' });
      const history = await getHistory(t, proposal.id);
      expect(history.at(-1)).toMatchObject({ type: 'RETURN', state: 'homeAffairsAgreement', payload: { reason: 'Xem lại số phiếu' } });
      // and home affairs can act on it again
      await expect(getProposal(t, proposal.id, { role: 'home_affairs' }).then((p) => sorted(p.allowedEvents))).resolves.toEqual([
        'AGREE',
        'REJECT',
        'REQUEST_SUPPLEMENT',
        'RETURN',
      ]);
    });
  });

  // ------------------------------------------------------------------------------------------ rights

  describe("each role's rights", () => {
    // One proposal per state, shared by the refusal tests below: a refusal writes nothing (each test checks
    // that), so they cannot disturb one another.
    const byState = {} as Record<State, ProposalBody>;
    beforeAll(async () => {
      for (const state of ALL_STATES) {
        byState[state] = await proposalIn(t, state, home.unit.id, home.campaign.id, state === 'awardedByUnit' ? { awardForm: 'unit_certificate' } : {});
      }
    });

    it('a council member cannot FORWARD: 403 FORBIDDEN, nothing logged', async () => {
      const proposal = byState.unitDecision;
      const before = await t.rowCounts();
      const response = await postEvent(t, proposal.id, { role: 'council' }, { type: 'FORWARD' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      await expect(t.rowCounts()).resolves.toEqual(before);
      await expect(getProposal(t, proposal.id, { role: 'council' })).resolves.toMatchObject({ state: 'unitDecision', version: 2 });
    });

    it('a drafter cannot FORWARD: 403 FORBIDDEN', async () => {
      const proposal = byState.unitDecision;
      const response = await postEvent(t, proposal.id, drafter(), { type: 'FORWARD' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      await expect(getHistory(t, proposal.id)).resolves.toHaveLength(2);
    });

    it('an auditor cannot send anything, in any state, and is offered nothing', async () => {
      const before = await t.rowCounts();
      const answers: string[] = [];
      for (const state of ALL_STATES) {
        const proposal = byState[state];
        const view = await getProposal(t, proposal.id, { role: 'auditor' });
        expect({ state, allowed: view.allowedEvents }).toEqual({ state, allowed: [] });
        const responses = await Promise.all(EVENT_TYPES.map((type) => postEvent(t, proposal.id, { role: 'auditor' }, EVENT_BODIES[type])));
        responses.forEach((response, i) => {
          // Refused as a write before the machine is asked, whether or not the stage accepts the event.
          const expected = '403 FORBIDDEN';
          const actual = response.status === 409 ? `409 ${response.body.code} ${JSON.stringify(response.body.allowed)}` : `${response.status} ${response.body.code}`;
          if (actual !== expected) answers.push(`${state}/${EVENT_TYPES[i]}: ${actual} (expected ${expected})`);
        });
      }
      expect(answers).toEqual([]);
      await expect(t.rowCounts()).resolves.toEqual(before);
    });

    it('an event the current state does not accept: 409 INVALID_TRANSITION with what the caller may send', async () => {
      const proposal = byState.drafting;
      const response = await postEvent(t, proposal.id, drafter(), EVENT_BODIES.APPROVE);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('INVALID_TRANSITION');
      expect(sorted(response.body.allowed)).toEqual(['SUBMIT', 'UPDATE', 'WITHDRAW']);
      await expect(getHistory(t, proposal.id)).resolves.toHaveLength(1);
    });

    describe('every refused (caller, event) pair, state by state', () => {
      it.each(ALL_STATES)('in %s: 403 when the state accepts the event but not from this caller, 409 otherwise; nothing written', async (state) => {
        const proposal = byState[state];
        const before = await t.rowCounts();
        // A final state refuses everything from everyone alike, so a few callers stand for all of them there.
        const roster = (FINAL_STATES as readonly string[]).includes(state)
          ? ROSTER.filter((who) => ['drafter of the unit', 'unit_head of another unit', 'council', 'vice_chairman'].includes(who.label))
          : ROSTER;
        const cases = roster.flatMap((who) => EVENT_TYPES.map((type) => ({ who, type, expected: expectedOutcome(state, type, who) }))).filter(
          (entry) => entry.expected.status !== 200,
        );
        expect(cases.length).toBeGreaterThanOrEqual(40);
        const answers = await Promise.all(
          cases.map(async ({ who, type, expected }) => {
            const response = await postEvent(t, proposal.id, callerFor(who, home.unit.id, other.id), EVENT_BODIES[type]);
            const actual =
              response.status === 409
                ? { status: 409, code: response.body.code, allowed: sorted(response.body.allowed ?? []) }
                : response.status === 200
                  ? { status: 200, to: response.body.state }
                  : { status: response.status, code: response.body.code };
            return { who: who.label, type, actual, expected };
          }),
        );
        const wrong = answers.filter((answer) => JSON.stringify(answer.actual) !== JSON.stringify(answer.expected));
        expect(wrong).toEqual([]);
        await expect(t.rowCounts()).resolves.toEqual(before);
        await expect(getProposal(t, proposal.id, { role: 'auditor' })).resolves.toMatchObject({ state, version: proposal.version });
      });
    });

    const accepted = OPEN_STATES.flatMap((state) =>
      EVENT_TYPES.flatMap((type) => {
        const row = MACHINE_TABLE[state][type];
        return row ? row.by.map((role) => ({ state, type, role, to: row.to })) : [];
      }),
    );

    it.each(accepted)('$state: $type by $role goes to $to', async ({ state, type, role, to }) => {
      const proposal = await proposalIn(t, state, home.unit.id, home.campaign.id);
      const caller: Caller = role === 'drafter' || role === 'unit_head' ? { role, unitId: home.unit.id } : { role };
      const response = await postEvent(t, proposal.id, caller, EVENT_BODIES[type as EventType]);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ state: to, version: proposal.version + 1 });
      const last = (await getHistory(t, proposal.id)).at(-1)!;
      expect(last).toMatchObject({ seq: proposal.version + 1, type, state: to, actor: { roles: [role] } });
      if (type === 'RETURN' || type === 'REJECT') expect(response.body.lastReason).toBe(EVENT_BODIES[type].reason);
    });
  });

  // ------------------------------------------------------------------------------------------ scoping

  describe('unit scoping', () => {
    let unitA: UnitBody;
    let unitB: UnitBody;
    const inA: Record<string, ProposalBody> = {};
    const inB: Record<string, ProposalBody> = {};

    beforeAll(async () => {
      unitA = await createUnit(t);
      unitB = await createUnit(t);
      for (const state of ['drafting', 'unitDecision', 'councilScreening', 'homeAffairsAgreement', 'chairmanDecision', 'rejected'] as const) {
        inA[state] = await proposalIn(t, state, unitA.id, home.campaign.id);
      }
      for (const state of ['drafting', 'unitDecision', 'councilScreening', 'withdrawn'] as const) {
        inB[state] = await proposalIn(t, state, unitB.id, home.campaign.id);
      }
    });

    const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

    it.each(['drafter', 'unit_head'] as const)("a %s of unit B gets 403 on unit A's proposal: GET, history, events", async (role) => {
      const target = inA.unitDecision;
      const caller: Caller = { role, unitId: unitB.id };
      const before = await t.rowCounts();
      const get = await http(t).get(`/api/proposals/${target.id}`).set('Authorization', bearer(t, caller));
      const history = await http(t).get(`/api/proposals/${target.id}/history`).set('Authorization', bearer(t, caller));
      const forward = await postEvent(t, target.id, caller, { type: 'FORWARD' });
      const submit = await postEvent(t, inA.drafting.id, caller, { type: 'SUBMIT' });
      expect([get.status, history.status, forward.status, submit.status]).toEqual([403, 403, 403, 403]);
      expect([get.body.code, history.body.code, forward.body.code, submit.body.code]).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      expect(get.body).not.toHaveProperty('nominee');
      await expect(t.rowCounts()).resolves.toEqual(before);
    });

    it.each(['drafter', 'unit_head'] as const)('a %s of unit B cannot create a proposal for unit A (403, nothing written)', async (role) => {
      const before = await t.rowCounts();
      const response = await http(t)
        .post('/api/proposals')
        .set('Authorization', bearer(t, { role, unitId: unitB.id }))
        .send(proposalDraft(unitA.id, home.campaign.id));
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      await expect(t.rowCounts()).resolves.toEqual(before);
    });

    it('a provincial role cannot create a proposal (403)', async () => {
      const response = await http(t).post('/api/proposals').set('Authorization', bearer(t, { role: 'council' })).send(proposalDraft(unitA.id, home.campaign.id));
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });

    it.each(['drafter', 'unit_head'] as const)('GET /api/proposals lists only their own unit for a %s', async (role) => {
      const ofB = await listAll(t, { role, unitId: unitB.id });
      expect(ids(ofB)).toEqual(ids(Object.values(inB)));
      const ofA = await listAll(t, { role, unitId: unitA.id });
      expect(ids(ofA)).toEqual(ids(Object.values(inA)));
    });

    it("a unit role asking for another unit's list by unitId gets 403", async () => {
      const response = await http(t).get('/api/proposals').query({ unitId: unitA.id }).set('Authorization', bearer(t, { role: 'drafter', unitId: unitB.id }));
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });

    it('a unit role with no unitId claim sees nothing (and gets no error)', async () => {
      const response = await http(t).get('/api/proposals').set('Authorization', bearer(t, { role: 'drafter', unitId: null }));
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([]);
    });

    it('a council member lists every unit, and can filter by unitId', async () => {
      const all = ids(await listAll(t, { role: 'council' }));
      for (const proposal of [...Object.values(inA), ...Object.values(inB)]) expect(all).toContain(proposal.id);
      await expect(listAll(t, { role: 'council' }, { unitId: unitB.id }).then(ids)).resolves.toEqual(ids(Object.values(inB)));
    });

    it('inbox=true for council lists only councilScreening proposals, of every unit', async () => {
      const inbox = await listAll(t, { role: 'council' }, { inbox: 'true' });
      expect(inbox.length).toBeGreaterThanOrEqual(2);
      expect(new Set(inbox.map((item) => item.state))).toEqual(new Set(['councilScreening']));
      const got = ids(inbox);
      expect(got).toContain(inA.councilScreening.id);
      expect(got).toContain(inB.councilScreening.id);
      for (const item of inbox) expect(item.allowedEvents.length).toBeGreaterThan(0);
    });

    it('inbox=true for home_affairs and vice_chairman lists only their stage', async () => {
      const homeAffairs = await listAll(t, { role: 'home_affairs' }, { inbox: 'true' });
      expect(new Set(homeAffairs.map((item) => item.state))).toEqual(new Set(['homeAffairsAgreement']));
      expect(ids(homeAffairs)).toContain(inA.homeAffairsAgreement.id);
      const signer = await listAll(t, { role: 'vice_chairman' }, { inbox: 'true' });
      expect(new Set(signer.map((item) => item.state))).toEqual(new Set(['chairmanDecision']));
      expect(ids(signer)).toContain(inA.chairmanDecision.id);
    });

    it('inbox=true for a unit_head lists drafting and unitDecision of their own unit only', async () => {
      const inbox = await listAll(t, { role: 'unit_head', unitId: unitA.id }, { inbox: 'true' });
      expect(ids(inbox)).toEqual(ids([inA.drafting, inA.unitDecision]));
      const ofB = await listAll(t, { role: 'unit_head', unitId: unitB.id }, { inbox: 'true' });
      expect(ids(ofB)).toEqual(ids([inB.drafting, inB.unitDecision]));
    });

    it('inbox=true for a drafter lists drafting of their own unit only; for an auditor, nothing', async () => {
      await expect(listAll(t, { role: 'drafter', unitId: unitA.id }, { inbox: 'true' }).then(ids)).resolves.toEqual([inA.drafting.id]);
      await expect(listAll(t, { role: 'auditor' }, { inbox: 'true' })).resolves.toEqual([]);
    });

    it('the state filter narrows the list', async () => {
      const rejected = await listAll(t, { role: 'auditor' }, { state: 'rejected', unitId: unitA.id });
      expect(ids(rejected)).toEqual([inA.rejected.id]);
    });

    it('cursor paging with limit=2 returns every proposal exactly once, in order', async () => {
      const unitC = await createUnit(t);
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await createProposal(t, unitC.id, home.campaign.id)).id);
      const caller: Caller = { role: 'drafter', unitId: unitC.id };
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const response: Response = await http(t)
          .get('/api/proposals')
          .query({ limit: '2', ...(cursor ? { cursor } : {}) })
          .set('Authorization', bearer(t, caller));
        expect(response.status).toBe(200);
        pages.push(response.body.items.map((item: ProposalBody) => item.id));
        cursor = response.body.nextCursor;
        expect(pages.length).toBeLessThan(10);
      } while (cursor);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual(created);
    });

    it('paging the whole database with limit=2 (council) gives the same set as one big page, no duplicates', async () => {
      const big = ids(await listAll(t, { role: 'council' }, {}, 200));
      const small = (await listAll(t, { role: 'council' }, {}, 2)).map((item) => item.id);
      expect(new Set(small).size).toBe(small.length);
      expect([...small].sort()).toEqual(big);
      expect(big.length).toBeGreaterThan(10);
    });
  });

  // ------------------------------------------------------------------------------------------ concurrency

  describe('concurrency', () => {
    it('10 concurrent SUBMITs on one drafting proposal: exactly one 200, nine 409s, two events in the log', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const before = await t.rowCounts();
      const responses = await Promise.all(Array.from({ length: 10 }, () => postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' })));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      for (const response of responses.filter((r) => r.status === 409)) {
        expect(['INVALID_TRANSITION', 'VERSION_CONFLICT']).toContain(response.body.code);
      }
      const events = await getHistory(t, proposal.id);
      expect(events.map((event) => event.type)).toEqual(['CREATED', 'SUBMIT']);
      expect(events[1].prevHash).toBe(events[0].hash);
      await expect(getProposal(t, proposal.id, drafter())).resolves.toMatchObject({ state: 'unitDecision', version: 2 });
      const after = await t.rowCounts();
      expect(after.proposal_events - before.proposal_events).toBe(1);
      expect(after.outbox - before.outbox).toBe(1);
    });

    it('10 concurrent, different events with the same If-Match: one 200, the rest 409 VERSION_CONFLICT or INVALID_TRANSITION', async () => {
      const proposal = await proposalIn(t, 'unitDecision', home.unit.id, home.campaign.id);
      const types: EventType[] = ['FORWARD', 'RETURN', 'REJECT', 'AWARD_AT_UNIT', 'WITHDRAW'];
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => postEvent(t, proposal.id, unitHead(), EVENT_BODIES[types[i % types.length]], { 'If-Match': `"${proposal.version}"` })),
      );
      const winners = responses.filter((response) => response.status === 200);
      expect(winners).toHaveLength(1);
      for (const response of responses.filter((r) => r.status !== 200)) {
        expect(response.status).toBe(409);
        expect(['VERSION_CONFLICT', 'INVALID_TRANSITION']).toContain(response.body.code);
      }
      const events = await getHistory(t, proposal.id);
      expect(events).toHaveLength(3);
      expect(events[2].state).toBe(winners[0].body.state);
      await expect(getProposal(t, proposal.id, unitHead())).resolves.toMatchObject({ state: winners[0].body.state, version: 3 });
    });

    it('concurrent events on different proposals do not conflict with each other', async () => {
      const proposals = await Promise.all(Array.from({ length: 6 }, () => createProposal(t, home.unit.id, home.campaign.id)));
      const responses = await Promise.all(proposals.map((proposal) => postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' })));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
      for (const proposal of proposals) await expect(getHistory(t, proposal.id)).resolves.toHaveLength(2);
    });

    it('concurrent retries with one Idempotency-Key: one event; each answer is the first answer or a 409; a later retry replays', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const key = `retry-${proposal.id}`;
      const responses = await Promise.all(Array.from({ length: 5 }, () => postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': key })));
      const ok = responses.filter((response) => response.status === 200);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      for (const response of responses.filter((r) => r.status !== 200)) expect(response.status).toBe(409);
      for (const response of ok) expect(response.body).toEqual(ok[0].body);
      await expect(getHistory(t, proposal.id)).resolves.toHaveLength(2);
      const later = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': key });
      expect(later.status).toBe(200);
      expect(later.headers['idempotent-replayed']).toBe('true');
      expect(later.body).toEqual(ok[0].body);
    });

    it('5 concurrent POST /api/proposals with one Idempotency-Key: one proposal, every answer the same 201', async () => {
      const unit = await createUnit(t);
      const caller: Caller = { role: 'drafter', unitId: unit.id };
      const draft = proposalDraft(unit.id, home.campaign.id);
      const before = await t.rowCounts();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => http(t).post('/api/proposals').set('Authorization', bearer(t, caller)).set('Idempotency-Key', 'create-race').send(draft)),
      );
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
      const after = await t.rowCounts();
      expect(after.proposals - before.proposals).toBe(1);
      expect(after.proposal_events - before.proposal_events).toBe(1);
      await expect(listAll(t, caller)).resolves.toHaveLength(1);
    });
  });

  // ------------------------------------------------------------------------------------------ UPDATE

  describe('UPDATE', () => {
    it('changes what the proposal says, keeps it in drafting, and logs the changes', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const changes = { awardForm: 'unit_certificate', nominee: { type: 'collective', name: 'Tổ cứu hộ xã Hòa Bình', ownParticipants: 20, totalParticipants: 30 } };
      const response = await postEvent(t, proposal.id, unitHead(), { type: 'UPDATE', changes });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ state: 'drafting', version: 2, awardForm: 'unit_certificate', nominee: changes.nominee });
      expect(response.body.achievement).toEqual(proposal.achievement);
      await expect(getProposal(t, proposal.id, drafter())).resolves.toMatchObject({ awardForm: 'unit_certificate', nominee: changes.nominee });
      const last = (await getHistory(t, proposal.id)).at(-1)!;
      expect(last).toMatchObject({ type: 'UPDATE', state: 'drafting', payload: { changes } });
      // the award_form column follows, so filtering and listing see the new form
      const listed = (await listAll(t, drafter())).find((item) => item.id === proposal.id);
      expect(listed?.awardForm).toBe('unit_certificate');
    });

    it('a RETURN to drafting and a second SUBMIT keep one unbroken chain', async () => {
      const proposal = await proposalIn(t, 'councilScreening', home.unit.id, home.campaign.id);
      expect((await postEvent(t, proposal.id, { role: 'council' }, EVENT_BODIES.RETURN)).status).toBe(200);
      expect((await postEvent(t, proposal.id, drafter(), EVENT_BODIES.UPDATE)).status).toBe(200);
      const again = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      expect(again.body).toMatchObject({ state: 'unitDecision', version: 6 });
      const events = await getHistory(t, proposal.id);
      expect(events.map((event) => event.type)).toEqual(['CREATED', 'SUBMIT', 'FORWARD', 'RETURN', 'UPDATE', 'SUBMIT']);
      expect(events[0].prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
    });
  });

  // ------------------------------------------------------------------------------------------ rulebook

  describe('the rulebook at the HTTP edge', () => {
    it('a campaign without plan or launch: the draft warns TH-1, SUBMIT is 422 RULE_VIOLATION naming TH-1, nothing written', async () => {
      const bare = await createCampaign(t, { plan: undefined, launchedAt: undefined });
      const proposal = await createProposal(t, home.unit.id, bare.id);
      expect(proposal.warnings.map((warning) => warning.rule)).toContain('TH-1');
      const before = await t.rowCounts();
      const response = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('RULE_VIOLATION');
      expect(response.body.violations.length).toBeGreaterThan(0);
      for (const violation of response.body.violations) {
        expect(violation).toEqual(expect.objectContaining({ rule: 'TH-1', message: expect.any(String) }));
      }
      await expect(t.rowCounts()).resolves.toEqual(before);
      await expect(getProposal(t, proposal.id, drafter())).resolves.toMatchObject({ state: 'drafting', version: 1 });
    });

    it('a nominee under discipline cannot leave drafting (ND-1) until UPDATE clears the flag', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id, { nominee: { type: 'individual', name: 'Trần Văn B', underDiscipline: true } });
      const refused = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      expect(refused.status).toBe(422);
      expect(refused.body.violations.map((violation: { rule: string }) => violation.rule)).toEqual(['ND-1']);
      await expect(getHistory(t, proposal.id)).resolves.toHaveLength(1);
      const cleared = await postEvent(t, proposal.id, drafter(), { type: 'UPDATE', changes: { nominee: { type: 'individual', name: 'Trần Văn B', underDiscipline: false } } });
      expect(cleared.status).toBe(200);
      const submitted = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      expect(submitted.status).toBe(200);
      expect(submitted.body.state).toBe('unitDecision');
    });
  });

  // ------------------------------------------------------------------------------------------ If-Match

  describe('If-Match', () => {
    it('a stale If-Match is 409 VERSION_CONFLICT and nothing is logged', async () => {
      const proposal = await proposalIn(t, 'unitDecision', home.unit.id, home.campaign.id);
      const before = await t.rowCounts();
      const response = await postEvent(t, proposal.id, unitHead(), { type: 'FORWARD' }, { 'If-Match': '"1"' });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
      await expect(t.rowCounts()).resolves.toEqual(before);
      await expect(getHistory(t, proposal.id)).resolves.toHaveLength(2);
      await expect(getProposal(t, proposal.id, unitHead())).resolves.toMatchObject({ state: 'unitDecision', version: 2 });
    });

    it('an If-Match from the future is a conflict too', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const response = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'If-Match': '99' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('VERSION_CONFLICT');
      await expect(getHistory(t, proposal.id)).resolves.toHaveLength(1);
    });

    it('the ETag of a GET works as If-Match, in the forms 2, "2" and W/"2"', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const got = await http(t).get(`/api/proposals/${proposal.id}`).set('Authorization', bearer(t, drafter()));
      expect(got.headers.etag).toBe('"1"');
      const update = await postEvent(t, proposal.id, drafter(), EVENT_BODIES.UPDATE, { 'If-Match': got.headers.etag });
      expect(update.status).toBe(200);
      const submit = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'If-Match': '2' });
      expect(submit.status).toBe(200);
      const forward = await postEvent(t, proposal.id, unitHead(), { type: 'FORWARD' }, { 'If-Match': 'W/"3"' });
      expect(forward.status).toBe(200);
      expect(forward.body).toMatchObject({ state: 'councilScreening', version: 4 });
    });
  });

  // ------------------------------------------------------------------------------------------ Idempotency-Key

  describe('Idempotency-Key', () => {
    it('the same request twice: the same body, Idempotent-Replayed on the second, one new event only', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const before = await t.rowCounts();
      const first = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'submit-once' });
      const second = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'submit-once' });
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);
      await expect(getHistory(t, proposal.id)).resolves.toHaveLength(2);
      const after = await t.rowCounts();
      expect(after.proposal_events - before.proposal_events).toBe(1);
      expect(after.outbox - before.outbox).toBe(1);
      expect(after.idempotency_keys - before.idempotency_keys).toBe(1);
    });

    it('a replay after the proposal moved on still gives the first answer and writes nothing', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const first = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'then-forward' });
      expect(first.status).toBe(200);
      await expect(postEvent(t, proposal.id, unitHead(), { type: 'FORWARD' }).then((r) => r.status)).resolves.toBe(200);
      const before = await t.rowCounts();
      const replay = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'then-forward' });
      expect(replay.status).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect(replay.body.state).toBe('unitDecision');
      await expect(t.rowCounts()).resolves.toEqual(before);
    });

    it('the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const first = await postEvent(t, proposal.id, drafter(), EVENT_BODIES.UPDATE, { 'Idempotency-Key': 'k-reused' });
      expect(first.status).toBe(200);
      const before = await t.rowCounts();
      const response = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'k-reused' });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      await expect(t.rowCounts()).resolves.toEqual(before);
      await expect(getProposal(t, proposal.id, drafter())).resolves.toMatchObject({ state: 'drafting', version: 2 });
    });

    it('the same key and body on another proposal is a different request: 422', async () => {
      const one = await createProposal(t, home.unit.id, home.campaign.id);
      const two = await createProposal(t, home.unit.id, home.campaign.id);
      expect((await postEvent(t, one.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'k-path' })).status).toBe(200);
      const response = await postEvent(t, two.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'k-path' });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      await expect(getHistory(t, two.id)).resolves.toHaveLength(1);
    });

    it('keys belong to the person: another caller may use the same key for their own request', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const submit = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'shared-key' });
      const forward = await postEvent(t, proposal.id, unitHead(), { type: 'FORWARD' }, { 'Idempotency-Key': 'shared-key' });
      expect([submit.status, forward.status]).toEqual([200, 200]);
      expect(forward.headers['idempotent-replayed']).toBeUndefined();
      expect(forward.body.state).toBe('councilScreening');
    });

    it('a refused request does not use up its key', async () => {
      const proposal = await createProposal(t, home.unit.id, home.campaign.id);
      const refused = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'k-refused', 'If-Match': '7' });
      expect(refused.status).toBe(409);
      const retried = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' }, { 'Idempotency-Key': 'k-refused' });
      expect(retried.status).toBe(200);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      expect(retried.body.state).toBe('unitDecision');
    });

    it('POST /api/proposals with a key creates one proposal however often it is retried', async () => {
      const unit = await createUnit(t);
      const caller: Caller = { role: 'drafter', unitId: unit.id };
      const draft = proposalDraft(unit.id, home.campaign.id);
      const first = await http(t).post('/api/proposals').set('Authorization', bearer(t, caller)).set('Idempotency-Key', 'create-1').send(draft);
      const second = await http(t).post('/api/proposals').set('Authorization', bearer(t, caller)).set('Idempotency-Key', 'create-1').send(draft);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      await expect(listAll(t, caller).then((items) => items.map((item) => item.id))).resolves.toEqual([first.body.id]);
      const changed = await http(t)
        .post('/api/proposals')
        .set('Authorization', bearer(t, caller))
        .set('Idempotency-Key', 'create-1')
        .send({ ...draft, awardForm: 'unit_certificate' });
      expect(changed.status).toBe(422);
      expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      await expect(listAll(t, caller)).resolves.toHaveLength(1);
    });
  });

  // ------------------------------------------------------------------------------------------ auth

  describe('authentication and roles', () => {
    it('no token: 401 UNAUTHENTICATED', async () => {
      for (const call of [http(t).get('/api/proposals'), http(t).post('/api/units').send({ code: 'X', name: 'X' }), http(t).get('/api/units')]) {
        const response = await call;
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('UNAUTHENTICATED');
      }
    });

    it('bad tokens: 401 (wrong secret, garbage, expired, alg none, unknown role, no subject, no expiry, a year long, Basic scheme)', async () => {
      const claims = { name: 'x', roles: ['admin'], unitId: null };
      const tokens = {
        wrongSecret: signTestToken('another-secret-that-is-long-enough-32', 'admin'),
        garbage: 'not.a.jwt',
        expired: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, t.config.jwtSecret, { algorithm: 'HS256', subject: 'admin' }),
        algNone: jwt.sign(claims, '', { algorithm: 'none', subject: 'admin' }),
        unknownRole: jwt.sign({ ...claims, roles: ['emperor'] }, t.config.jwtSecret, { algorithm: 'HS256', subject: 'admin' }),
        noSubject: jwt.sign(claims, t.config.jwtSecret, { algorithm: 'HS256' }),
        neverEnds: jwt.sign(claims, t.config.jwtSecret, { algorithm: 'HS256', subject: 'admin' }),
        goodForAYear: jwt.sign(claims, t.config.jwtSecret, { algorithm: 'HS256', subject: 'admin', expiresIn: '365d' }),
      };
      for (const [label, token] of Object.entries(tokens)) {
        const response = await http(t).get('/api/units').set('Authorization', `Bearer ${token}`);
        expect({ label, status: response.status, code: response.body.code }).toEqual({ label, status: 401, code: 'UNAUTHENTICATED' });
      }
      const basic = await http(t).get('/api/units').set('Authorization', `Basic ${Buffer.from('admin:admin').toString('base64')}`);
      expect(basic.status).toBe(401);
      // and a good one passes, so the refusals above are about the token
      await expect(http(t).get('/api/units').set('Authorization', bearer(t, { role: 'admin' })).then((r) => r.status)).resolves.toBe(200);
    });

    it('the auth scheme is case-insensitive (RFC 7235 §2.1): "bearer <token>" is accepted', async () => {
      const response = await http(t).get('/api/units').set('Authorization', `bearer ${t.token('admin')}`);
      expect(response.status).toBe(200);
    });

    it('a wrong role on POST /api/units is 403 FORBIDDEN and creates nothing; admin gets 201', async () => {
      const before = await t.rowCounts();
      for (const role of ['drafter', 'unit_head', 'council', 'home_affairs', 'chairman', 'auditor'] as const) {
        const response = await http(t).post('/api/units').set('Authorization', bearer(t, { role, unitId: home.unit.id })).send({ code: `NOPE-${role}`, name: 'x' });
        expect({ role, status: response.status, code: response.body.code }).toEqual({ role, status: 403, code: 'FORBIDDEN' });
      }
      await expect(t.rowCounts()).resolves.toEqual(before);
      const ok = await http(t).post('/api/units').set('Authorization', bearer(t, { role: 'admin' })).send({ code: `OK-${Date.now()}`, name: 'Sở Y tế' });
      expect(ok.status).toBe(201);
      expect(ok.body).toEqual({
        id: expect.any(String),
        code: expect.stringMatching(/^OK-/),
        name: 'Sở Y tế',
        type: 'so_ban_nganh',
        clusterId: null,
        dissolvedOn: null,
        successorId: null,
        current: { id: ok.body.id, name: 'Sở Y tế' },
        history: [],
        createdAt: expect.any(String),
      });
    });

    it('POST /api/campaigns: 403 for a drafter, 201 with dossierDeadline for home_affairs', async () => {
      const body = { ...completeCampaign(), title: 'Thi đua 2026' };
      const refused = await http(t).post('/api/campaigns').set('Authorization', bearer(t, drafter())).send(body);
      expect(refused.status).toBe(403);
      const created = await http(t).post('/api/campaigns').set('Authorization', bearer(t, { role: 'home_affairs' })).send(body);
      expect(created.status).toBe(201);
      expect(created.body).toHaveProperty('dossierDeadline');
    });

    it('/health answers 200 without a token', async () => {
      const response = await http(t).get('/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
    });
  });

  it('runs on the database it says it does', () => {
    expect(t.database).toBe(database);
    expect(t.config.database.kind).toBe(database);
  });
});
