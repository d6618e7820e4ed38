import { bearer, createProposal, daysFromToday, expectStatus, http, postEvent, proposalIn, seed, suffix, walkTo, type Caller } from '../support/api.js';
import { describeEachDatabase, PAPER_DOSSIERS, useTestApp, type TestApp } from '../support/test-app.js';

/**
 * GET /api/proposals/:id `blockers` (docs/architecture.md, "HTTP contract"; docs/rules.md ND-1): what Decree
 * 152/2025/NĐ-CP Art. 4 would refuse at the proposal's next step today, asked live against the nominee's
 * recorded matters, so the council, Sở Nội vụ and the chairman know before they press the button.
 */

const post = (t: TestApp, path: string, body: object, caller: Caller) => http(t).post(path).set('Authorization', bearer(t, caller)).send(body);
const get = (t: TestApp, path: string, caller: Caller) => http(t).get(path).set('Authorization', bearer(t, caller));

const MATTER_DOC = { type: 'Công văn', number: '88/CV-UBND', date: daysFromToday(-5), issuer: 'UBND xã Hòa Bình' };
const CHAIRMAN: Caller = { role: 'chairman' };
const DECISION = { number: '77/QĐ-UBND', date: daysFromToday(0), signedBy: 'Chủ tịch UBND tỉnh' };

const named = (name: string) => ({ nominee: { type: 'individual', name, birthYear: 1980, gender: 'male' } });

describeEachDatabase('proposal blockers (ND-1 at the next step, today)', (database) => {
  const t = useTestApp(database, { env: PAPER_DOSSIERS });

  it('an open matter shows as a blocker on the proposal before the chairman approves; closed, none; awarded, none', async () => {
    const { unit, campaign } = await seed(t);
    const atChairman = await proposalIn(t, 'chairmanDecision', unit.id, campaign.id, named(`Trịnh Văn Khánh ${suffix()}`));
    const personId = (atChairman.nominee as { personId: string }).personId;

    // Given nothing recorded, nothing stands in the way.
    const clear = await get(t, `/api/proposals/${atChairman.id}`, CHAIRMAN);
    expectStatus(clear, 200);
    expect(clear.body.blockers).toEqual([]);

    // When the council records a complaint being verified, every official who opens the proposal reads it.
    const recorded = await post(t, `/api/people/${personId}/restrictions`, { kind: 'complaint', from: daysFromToday(-5), document: MATTER_DOC }, { role: 'council' });
    expectStatus(recorded, 201);
    for (const caller of [CHAIRMAN, { role: 'drafter', unitId: unit.id } as Caller]) {
      const blocked = await get(t, `/api/proposals/${atChairman.id}`, caller);
      expectStatus(blocked, 200);
      expect(blocked.body.blockers).toEqual([
        {
          rule: 'ND-1',
          message: expect.stringContaining('có đơn thư khiếu nại, tố cáo đang được xác minh theo Công văn số 88/CV-UBND'),
          messageEn: expect.stringContaining('complaint'),
        },
      ]);
    }
    // Then the step itself says exactly the same.
    const refused = await postEvent(t, atChairman.id, CHAIRMAN, { type: 'APPROVE', decision: DECISION });
    expectStatus(refused, 422);
    const shown = (await get(t, `/api/proposals/${atChairman.id}`, CHAIRMAN)).body.blockers;
    expect(refused.body.violations).toEqual(shown);
    // Lists leave it out (it is read per proposal).
    const list = await get(t, '/api/proposals', CHAIRMAN).query({ limit: 200 });
    expectStatus(list, 200);
    const listed = (list.body.items as { id: string }[]).find((item) => item.id === atChairman.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('blockers');

    // When it is closed by today's concluding document, nothing stands in the way any more.
    const closed = await post(t, `/api/people/${personId}/restrictions/${recorded.body.id}/close`, { closedOn: daysFromToday(0), document: { type: 'Kết luận', number: '9/KL-TTr', date: daysFromToday(0), issuer: 'Thanh tra tỉnh' } }, { role: 'home_affairs' });
    expectStatus(closed, 200);
    expect((await get(t, `/api/proposals/${atChairman.id}`, CHAIRMAN)).body.blockers).toEqual([]);

    // Awarded, a proposal has no next step: a matter recorded afterwards blocks nothing on it.
    expectStatus(await postEvent(t, atChairman.id, CHAIRMAN, { type: 'APPROVE', decision: DECISION }), 200);
    expectStatus(await post(t, `/api/people/${personId}/restrictions`, { kind: 'investigation', from: daysFromToday(0), document: MATTER_DOC }, { role: 'council' }), 201);
    const awarded = await get(t, `/api/proposals/${atChairman.id}`, CHAIRMAN);
    expect(awarded.body.state).toBe('awarded');
    expect(awarded.body.blockers).toEqual([]);
  });

  it('in drafting the blocker names what SUBMIT would be refused for, though the stored warnings predate the matter; withdrawn, none', async () => {
    const { unit, campaign } = await seed(t);
    const drafter: Caller = { role: 'drafter', unitId: unit.id };
    const drafting = await createProposal(t, unit.id, campaign.id, named(`Lý Thị Lan ${suffix()}`));
    const personId = (drafting.nominee as { personId: string }).personId;
    expect(drafting.warnings.map((w) => w.rule)).not.toContain('ND-1');

    expectStatus(await post(t, `/api/people/${personId}/restrictions`, { kind: 'discipline_considered', from: daysFromToday(-2), document: MATTER_DOC }, { role: 'unit_head', unitId: unit.id }), 201);
    const blocked = await get(t, `/api/proposals/${drafting.id}`, drafter);
    expectStatus(blocked, 200);
    expect(blocked.body.warnings.map((w: { rule: string }) => w.rule)).not.toContain('ND-1');
    expect(blocked.body.blockers).toEqual([expect.objectContaining({ rule: 'ND-1', message: expect.stringContaining('đang bị xem xét kỷ luật theo Công văn số 88/CV-UBND') })]);
    const submit = await postEvent(t, drafting.id, drafter, { type: 'SUBMIT' });
    expectStatus(submit, 422);
    expect(submit.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['ND-1']);

    await walkTo(t, blocked.body, 'withdrawn');
    const withdrawn = await get(t, `/api/proposals/${drafting.id}`, drafter);
    expect(withdrawn.body.state).toBe('withdrawn');
    expect(withdrawn.body.blockers).toEqual([]);
  });
});
