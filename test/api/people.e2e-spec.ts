import { bearer, createProposal, createUnit, daysFromToday, expectStatus, fieldsOf, getHistory, http, postEvent, proposalIn, seed, suffix, walkTo, type Caller, type ProposalBody } from '../support/api.js';
import { describeEachDatabase, PAPER_DOSSIERS, useTestApp, type TestApp } from '../support/test-app.js';

/**
 * The registry of nominees (docs/architecture.md, "People and their awards"): every proposal names a registered
 * person, the person's award history is read from the proposals, and the matters of Decree 152/2025/NĐ-CP Art. 4
 * recorded against them stop the award at every step up to the chairman's decision (ND-1); the same person
 * proposed twice for one achievement carries an ND-3 warning (docs/rules.md).
 */

const post = (t: TestApp, path: string, body: object, caller: Caller) => http(t).post(path).set('Authorization', bearer(t, caller)).send(body);
const get = (t: TestApp, path: string, caller: Caller) => http(t).get(path).set('Authorization', bearer(t, caller));

const MATTER_DOC = { type: 'Công văn', number: `123/CV-UBND`, date: daysFromToday(-10), issuer: 'UBND xã Hòa Bình' };
const matter = (overrides: object = {}) => ({ kind: 'discipline_considered', from: daysFromToday(-10), document: MATTER_DOC, ...overrides });

const named = (name: string, extra: object = {}) => ({
  nominee: { type: 'individual', name, birthYear: 1985, gender: 'female', title: 'Phó Trưởng phòng', workplace: 'Phòng Văn hóa xã', ...extra },
});

describeEachDatabase('people and their awards', (database) => {
  const t = useTestApp(database, { env: PAPER_DOSSIERS });

  it('registers the nominee of a new proposal, stamps personId into the sealed CREATED line, and finds it without tone marks', async () => {
    const { unit, campaign } = await seed(t);
    const name = `Nguyễn Thị Đào ${suffix()}`;
    const proposal = await createProposal(t, unit.id, campaign.id, named(name));
    const personId = (proposal.nominee as { personId?: string }).personId;
    expect(personId).toMatch(/^[0-9a-f-]{36}$/);
    expect(proposal.nominee).toMatchObject({ birthYear: 1985, gender: 'female', title: 'Phó Trưởng phòng' });

    const [created] = await getHistory(t, proposal.id);
    expect((created!.payload as { nominee: { personId: string } }).nominee.personId).toBe(personId);

    const folded = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const found = await get(t, '/api/people', { role: 'drafter', unitId: unit.id }).query({ q: folded });
    expectStatus(found, 200);
    expect(found.body.items).toEqual([
      expect.objectContaining({ id: personId, name, type: 'individual', birthYear: 1985, gender: 'female', unitId: unit.id }),
    ]);

    const other = await createUnit(t);
    const hidden = await get(t, '/api/people', { role: 'drafter', unitId: other.id }).query({ q: folded });
    expect(hidden.body.items).toEqual([]);
    expectStatus(await get(t, `/api/people/${personId}`, { role: 'drafter', unitId: other.id }), 403);
    expectStatus(await get(t, `/api/people/${personId}`, { role: 'home_affairs' }), 200);
  });

  it('a named personId must exist and be of the nominee type (404 / 400, nothing written)', async () => {
    const { unit, campaign } = await seed(t);
    const drafter = { role: 'drafter' as const, unitId: unit.id };
    const ghost = await post(t, '/api/proposals', { kind: 'thematic', campaignId: campaign.id, unitId: unit.id, awardForm: 'chairman_certificate', ...named('Ai đó', { personId: '0b7c2a4e-9d1f-4c3b-8a6e-5f2d1c0b9a87' }), achievement: { summary: 'Dẫn đầu', date: '2026-04-22' } }, drafter);
    expectStatus(ghost, 404);
    expect(ghost.body).toMatchObject({ code: 'NOT_FOUND', field: 'nominee.personId' });

    const collective = await post(t, '/api/people', { type: 'collective', name: `Tổ cứu hộ ${suffix()}` }, drafter);
    expectStatus(collective, 201);
    expect(collective.body).toMatchObject({ type: 'collective', birthYear: null, gender: null, unitId: unit.id });
    const mismatch = await post(t, '/api/proposals', { kind: 'thematic', campaignId: campaign.id, unitId: unit.id, awardForm: 'chairman_certificate', nominee: { type: 'individual', name: 'Tổ cứu hộ', personId: collective.body.id }, achievement: { summary: 'Dẫn đầu', date: '2026-04-22' } }, drafter);
    expectStatus(mismatch, 400);
    expect(fieldsOf(mismatch)).toEqual(['nominee.personId']);

    const badYear = await post(t, '/api/people', { type: 'individual', name: 'Trần Văn B', birthYear: 1850, gender: 'other' }, drafter);
    expectStatus(badYear, 400);
    expect(fieldsOf(badYear).sort()).toEqual(['birthYear', 'gender']);
    const collectiveWithGender = await post(t, '/api/people', { type: 'collective', name: 'Phòng Y tế', gender: 'male' }, drafter);
    expectStatus(collectiveWithGender, 400);
    expect(fieldsOf(collectiveWithGender)).toEqual(['gender']);
  });

  it('another unit cannot name a person it may not see: create and UPDATE are refused 403 on nominee.personId, and nothing is written', async () => {
    const { unit, campaign } = await seed(t);
    const theirs = await createProposal(t, unit.id, campaign.id, named(`Vũ Thị Hạnh ${suffix()}`));
    const personId = (theirs.nominee as { personId: string }).personId;
    const other = await createUnit(t);
    const outsider = { role: 'drafter' as const, unitId: other.id };

    const created = await post(t, '/api/proposals', { kind: 'extraordinary', unitId: other.id, awardForm: 'unit_certificate', nominee: { type: 'individual', name: 'Vũ Thị Hạnh', personId }, achievement: { summary: 'Cứu người', date: daysFromToday(-3), basis: 'rescue' } }, outsider);
    expectStatus(created, 403);
    expect(created.body).toMatchObject({ code: 'FORBIDDEN', field: 'nominee.personId' });

    const own = await createProposal(t, other.id, null, { kind: 'extraordinary', achievement: { summary: 'Cứu người', date: daysFromToday(-3), basis: 'rescue' } });
    const renamed = await postEvent(t, own.id, outsider, { type: 'UPDATE', changes: { nominee: { type: 'individual', name: 'Vũ Thị Hạnh', personId } } });
    expectStatus(renamed, 403);
    expect(renamed.body).toMatchObject({ code: 'FORBIDDEN', field: 'nominee.personId' });

    // Nothing written: the other unit still may not see the person, whose only proposal is the first unit's; the
    // other unit lists only its own draft, still at version 1.
    expectStatus(await get(t, `/api/people/${personId}`, outsider), 403);
    const detail = await get(t, `/api/people/${personId}`, { role: 'home_affairs' });
    expect(detail.body.proposals.map((p: { proposalId: string }) => p.proposalId)).toEqual([theirs.id]);
    const listed = await get(t, '/api/proposals', outsider);
    expectStatus(listed, 200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: own.id, version: 1 })]);

    // A person of the unit's own, or one its proposals already name, it may name.
    const mine = await post(t, '/api/people', { type: 'individual', name: `Lò Văn Sáng ${suffix()}` }, outsider);
    expectStatus(mine, 201);
    const fine = await postEvent(t, own.id, outsider, { type: 'UPDATE', changes: { nominee: { type: 'individual', name: mine.body.name, personId: mine.body.id } } });
    expectStatus(fine, 200);
  });

  it('award history: the proposals that named the person, with the decision of an award', async () => {
    const { unit, campaign } = await seed(t);
    const first = await proposalIn(t, 'awarded', unit.id, campaign.id, named(`Lê Văn Cường ${suffix()}`));
    const personId = (first.nominee as { personId: string }).personId;
    const second = await createProposal(t, unit.id, null, {
      kind: 'extraordinary',
      nominee: { ...first.nominee, personId },
      achievement: { summary: 'Cứu 2 người đuối nước', date: daysFromToday(-3), basis: 'rescue' },
    });
    const detail = await get(t, `/api/people/${personId}`, { role: 'unit_head', unitId: unit.id });
    expectStatus(detail, 200);
    expect(detail.body.awards).toEqual([
      expect.objectContaining({ proposalId: first.id, outcome: 'awarded', awardForm: 'chairman_certificate', kind: 'thematic', campaignId: campaign.id, decision: expect.objectContaining({ number: '1234/QĐ-UBND' }) }),
    ]);
    expect(detail.body.proposals.map((p: { proposalId: string }) => p.proposalId)).toEqual([first.id, second.id]);
    expect(detail.body.restrictions).toEqual([]);
    expect(detail.body.canRecordRestrictions).toBe(true);
  });

  it('ND-1: a matter recorded after FORWARD refuses RECOMMEND, naming the matter and its document; closed, the proposal goes on', async () => {
    const { unit, campaign } = await seed(t);
    const atCouncil = await proposalIn(t, 'councilScreening', unit.id, campaign.id, named(`Phạm Văn Dũng ${suffix()}`));
    const personId = (atCouncil.nominee as { personId: string }).personId;

    expectStatus(await post(t, `/api/people/${personId}/restrictions`, matter(), { role: 'drafter', unitId: unit.id }), 403);
    const other = await createUnit(t);
    expectStatus(await post(t, `/api/people/${personId}/restrictions`, matter(), { role: 'unit_head', unitId: other.id }), 403);
    const recorded = await post(t, `/api/people/${personId}/restrictions`, matter(), { role: 'council' });
    expectStatus(recorded, 201);
    expect(recorded.body).toMatchObject({ kind: 'discipline_considered', open: true, closedOn: null, recordedBy: expect.objectContaining({ roles: ['council'] }) });

    const refused = await postEvent(t, atCouncil.id, { role: 'council' }, { type: 'RECOMMEND', vote: { members: 9, for: 7, against: 2 } });
    expectStatus(refused, 422);
    expect(refused.body.code).toBe('RULE_VIOLATION');
    expect(refused.body.violations).toEqual([
      expect.objectContaining({ rule: 'ND-1', message: expect.stringContaining('đang bị xem xét kỷ luật theo Công văn số 123/CV-UBND ngày') }),
    ]);

    const closed = await post(t, `/api/people/${personId}/restrictions/${recorded.body.id}/close`, { closedOn: daysFromToday(0), document: { type: 'Thông báo', number: '45/TB-UBND', date: daysFromToday(0), issuer: 'UBND xã Hòa Bình' } }, { role: 'council' });
    expectStatus(closed, 200);
    // Closed by today's concluding document: from today on it no longer stands in the way.
    expect(closed.body).toMatchObject({ open: false, closedOn: daysFromToday(0), closingDocument: expect.objectContaining({ number: '45/TB-UBND' }) });
    const recommended = await postEvent(t, atCouncil.id, { role: 'council' }, { type: 'RECOMMEND', vote: { members: 9, for: 7, against: 2 } });
    expectStatus(recommended, 200);
    const again = await post(t, `/api/people/${personId}/restrictions/${recorded.body.id}/close`, { closedOn: daysFromToday(0), document: MATTER_DOC }, { role: 'council' });
    expectStatus(again, 409);
  });

  it('ND-1: an open matter refuses SUBMIT and APPROVE; once closed the proposal goes through', async () => {
    const { unit, campaign } = await seed(t);
    const atChairman = await proposalIn(t, 'chairmanDecision', unit.id, campaign.id, named(`Hoàng Thị Én ${suffix()}`));
    const personId = (atChairman.nominee as { personId: string }).personId;
    const recorded = await post(t, `/api/people/${personId}/restrictions`, matter({ kind: 'complaint' }), { role: 'unit_head', unitId: unit.id });
    expectStatus(recorded, 201);
    const approve = await postEvent(t, atChairman.id, { role: 'chairman' }, { type: 'APPROVE', decision: { number: '99/QĐ-UBND', date: daysFromToday(0), signedBy: 'Chủ tịch UBND tỉnh' } });
    expectStatus(approve, 422);
    expect(approve.body.violations[0].message).toContain('có đơn thư khiếu nại, tố cáo đang được xác minh theo Công văn số 123/CV-UBND');

    const drafting = await createProposal(t, unit.id, campaign.id, { nominee: { ...atChairman.nominee, personId }, achievement: { summary: 'Khác', date: '2026-04-20' } });
    expect(drafting.warnings.map((w) => w.rule)).toContain('ND-1');
    const submit = await postEvent(t, drafting.id, { role: 'drafter', unitId: unit.id }, { type: 'SUBMIT' });
    expectStatus(submit, 422);
    expect(submit.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['ND-1']);

    const close = await post(t, `/api/people/${personId}/restrictions/${recorded.body.id}/close`, { closedOn: daysFromToday(-1), document: { number: '7/KL-TTr', date: daysFromToday(-1), issuer: 'Thanh tra tỉnh' } }, { role: 'home_affairs' });
    expectStatus(close, 200);
    expect(close.body.open).toBe(false);
    const approved = await postEvent(t, atChairman.id, { role: 'chairman' }, { type: 'APPROVE', decision: { number: '99/QĐ-UBND', date: daysFromToday(0), signedBy: 'Chủ tịch UBND tỉnh' } });
    expectStatus(approved, 200);
    expect(approved.body.state).toBe('awarded');
  });

  it('ND-1: a discipline being served refuses an achievement dated before its end', async () => {
    const { unit, campaign } = await seed(t);
    const person = await post(t, '/api/people', { type: 'individual', name: `Vũ Văn Giang ${suffix()}` }, { role: 'drafter', unitId: unit.id });
    expectStatus(person, 201);
    const noEnd = await post(t, `/api/people/${person.body.id}/restrictions`, matter({ kind: 'discipline_served' }), { role: 'admin' });
    expectStatus(noEnd, 400);
    expect(fieldsOf(noEnd)).toEqual(['endsOn']);
    expectStatus(await post(t, `/api/people/${person.body.id}/restrictions`, matter({ kind: 'discipline_served', from: '2025-10-01', endsOn: '2026-04-21', document: { ...MATTER_DOC, type: 'Quyết định', date: '2025-10-01' } }), { role: 'admin' }), 201);

    const before = await createProposal(t, unit.id, campaign.id, { nominee: { type: 'individual', name: person.body.name, personId: person.body.id }, achievement: { summary: 'Dẫn đầu', date: '2026-04-20' } });
    expect(before.warnings.map((w) => w.rule)).toContain('ND-1');
    const submit = await postEvent(t, before.id, { role: 'drafter', unitId: unit.id }, { type: 'SUBMIT' });
    expectStatus(submit, 422);
    expect(submit.body.violations[0].message).toContain('thời gian thi hành kỷ luật đến ngày 21/04/2026');

    const after = await createProposal(t, unit.id, campaign.id, { nominee: { type: 'individual', name: person.body.name, personId: person.body.id }, achievement: { summary: 'Dẫn đầu quý', date: '2026-04-22' } });
    await walkTo(t, after, 'unitDecision');
  });

  it('ND-3: the same person for the same achievement, or in the same campaign, is a warning at create and at SUBMIT, never a refusal', async () => {
    const { unit, campaign } = await seed(t);
    const first = await createProposal(t, unit.id, campaign.id, named(`Đặng Văn Hải ${suffix()}`));
    const personId = (first.nominee as { personId: string }).personId;
    const again: ProposalBody = await createProposal(t, unit.id, campaign.id, { nominee: { ...first.nominee }, awardForm: 'unit_certificate' });
    expect(again.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'ND-3', message: expect.stringContaining('không tặng thưởng nhiều hình thức cho một thành tích') })]));
    const submitted = await walkTo(t, again, 'unitDecision');
    expect(submitted.warnings.map((w) => w.rule)).toContain('ND-3');

    // A withdrawn proposal no longer counts.
    await walkTo(t, first, 'withdrawn');
    const third = await createProposal(t, unit.id, null, { kind: 'extraordinary', nominee: { type: 'individual', name: first.nominee.name, personId }, achievement: { summary: 'Cứu người', date: daysFromToday(-2), basis: 'rescue' } });
    expect(third.warnings.map((w) => w.rule)).not.toContain('ND-3');
  });
});
