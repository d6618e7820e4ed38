import type { Response } from 'supertest';
import {
  bearer,
  createProposal,
  createUnit,
  getHistory,
  getProposal,
  http,
  listAll,
  postEvent,
  proposalIn,
  seed,
  type Caller,
  type Seed,
  type UnitBody,
} from '../support/api.js';
import {
  addDays,
  campaignWith,
  deadlineOn,
  getCalendar,
  officialSchedule2027,
  postCampaign,
  putCalendar,
  rulesOf,
  todayInVietnam,
  VIETNAMESE_LETTERS,
  type DeadlineBody,
  type Finding,
  type RuledProposal,
} from '../support/rules-fixtures.js';
import { describeEachDatabase, fixtureClock, FIXTURE_START, useTestApp, PAPER_DOSSIERS } from '../support/test-app.js';

/**
 * The rulebook (docs/rules.md) and the working-day calendar (docs/calendar.md) as a client meets them: refusals that list
 * every rule at once, warnings every reviewer sees, quotas under concurrent FORWARDs, deadlines on proposals and
 * campaigns, lateness judged with the application's clock, and official schedules loaded while the service runs.
 * The deadlines asserted here are fixed dates of the official 2026 calendar, so the application runs on the
 * day they were written for (26 May 2026), and on 15 March 2027 while a 2027 schedule is loaded.
 */

/** English prose, not a copy of the Vietnamese text. */
const ENGLISH_WORDS = /\b(the|an?|of|is|to|or)\b/i;

const expectFindingTexts = (findings: Finding[]) => {
  for (const finding of findings) {
    expect(finding).toEqual({ rule: expect.any(String), message: expect.stringMatching(VIETNAMESE_LETTERS), messageEn: expect.stringMatching(ENGLISH_WORDS) });
    expect(finding.messageEn).not.toBe(finding.message);
  }
};

const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

describeEachDatabase('rules and deadlines over HTTP', (database) => {
  const clock = fixtureClock();
  const t = useTestApp(database, { env: PAPER_DOSSIERS, clock });
  let home: Seed;

  beforeAll(async () => {
    home = await seed(t);
  });

  const drafter = (unitId = home.unit.id): Caller => ({ role: 'drafter', unitId });
  const unitHead = (unitId = home.unit.id): Caller => ({ role: 'unit_head', unitId });
  const council: Caller = { role: 'council' };
  const auditor: Caller = { role: 'auditor' };

  const create = (unitId: string, campaignId: string | null, overrides: Record<string, unknown> = {}) =>
    createProposal(t, unitId, campaignId, overrides) as unknown as Promise<RuledProposal>;
  const walk = (state: Parameters<typeof proposalIn>[1], unitId: string, campaignId: string | null, overrides: Record<string, unknown> = {}) =>
    proposalIn(t, state, unitId, campaignId, overrides) as unknown as Promise<RuledProposal>;
  const read = (id: string, caller: Caller = auditor) => getProposal(t, id, caller) as unknown as Promise<RuledProposal>;
  const forward = (proposal: { id: string; unitId: string }) => postEvent(t, proposal.id, unitHead(proposal.unitId), { type: 'FORWARD' });

  /** A 422 RULE_VIOLATION naming exactly these rules (in rulebook order), each with both texts. */
  const expectRefusal = (response: Response, rules: string[]) => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'RULE_VIOLATION' });
    expect(rulesOf(response.body.violations)).toEqual(rules);
    expectFindingTexts(response.body.violations);
  };

  // ------------------------------------------------------------------------------------------ 1. all at once

  describe('a refusal lists every violated rule at once', () => {
    it('SUBMIT of an extraordinary collective with no basis, 19 of 30 own participants and under discipline: one 422 naming DX-1, DX-2 and ND-1; nothing logged', async () => {
      const collective = { type: 'collective', name: 'Đội xung kích xã Tân Thành', ownParticipants: 19, totalParticipants: 30, underDiscipline: true };
      const proposal = await create(home.unit.id, null, {
        nominee: collective,
        achievement: { summary: 'Cứu 12 người mắc kẹt trong lũ quét', date: '2026-04-22' },
      });
      // While drafting, the rulebook only advises: the same three rules come back as warnings, nothing blocks.
      expect(proposal.state).toBe('drafting');
      expect(rulesOf(proposal.warnings)).toEqual(expect.arrayContaining(['DX-1', 'DX-2', 'ND-1']));

      const before = await t.rowCounts();
      const refused = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      expectRefusal(refused, ['DX-1', 'DX-2', 'ND-1']);
      const dx2 = (refused.body.violations as Finding[]).find((v) => v.rule === 'DX-2')!;
      expect(dx2.message).toContain('19/30');
      expect(dx2.messageEn).toContain('19/30');

      await expect(t.rowCounts()).resolves.toEqual(before);
      await expect(getHistory(t, proposal.id)).resolves.toHaveLength(1);
      await expect(read(proposal.id, drafter())).resolves.toMatchObject({ state: 'drafting', version: 1 });

      const fixed = await postEvent(t, proposal.id, drafter(), {
        type: 'UPDATE',
        changes: {
          nominee: { ...collective, ownParticipants: 20, underDiscipline: false },
          achievement: { summary: 'Cứu 12 người mắc kẹt trong lũ quét', date: '2026-04-22', basis: 'rescue' },
        },
      });
      expect(fixed.status).toBe(200);
      expect(fixed.body.version).toBe(2);
      // 20 of 30 is exactly two thirds: it qualifies; only the "individuals first" advice remains.
      expect(rulesOf(fixed.body.warnings)).toEqual(['DX-2']);

      const submitted = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ state: 'unitDecision', version: 3 });
      await expect(getHistory(t, proposal.id).then((events) => events.map((e) => e.type))).resolves.toEqual(['CREATED', 'UPDATE', 'SUBMIT']);
    });
  });

  // ------------------------------------------------------------------------------------------ 2. warnings

  describe('warnings are stored and shown', () => {
    it('a collective extraordinary proposal carries the DX-2 "individuals first" warning, from creation to the council', async () => {
      const proposal = await create(home.unit.id, null, {
        nominee: { type: 'collective', name: 'Đội cứu hộ cứu nạn', ownParticipants: 24, totalParticipants: 30 },
      });
      expect(rulesOf(proposal.warnings)).toEqual(['DX-2']);
      expectFindingTexts(proposal.warnings);
      await expect(read(proposal.id, drafter()).then((p) => rulesOf(p.warnings))).resolves.toEqual(['DX-2']);

      const forwarded = (await proposalIn(t, 'councilScreening', home.unit.id, null, {
        nominee: { type: 'collective', name: 'Đội cứu hộ cứu nạn', ownParticipants: 24, totalParticipants: 30 },
      })) as unknown as RuledProposal;
      expect(forwarded.state).toBe('councilScreening');
      const seen = await read(forwarded.id, council);
      expect(rulesOf(seen.warnings)).toEqual(['DX-2']);
      expect(seen.warnings[0]!.messageEn).toMatch(/individuals/i);
    });

    it('an individual extraordinary proposal carries no warning', async () => {
      const proposal = await create(home.unit.id, null);
      expect(proposal.warnings).toEqual([]);
    });

    describe('a steering-committee member in a programme summary (TH-3)', () => {
      let campaign: { id: string };
      const member = { type: 'individual', name: 'Hoàng Thị Mai', steeringCommitteeMember: true };
      beforeAll(async () => {
        campaign = await postCampaign(t, { ...campaignWith({}), round: 'programme_summary' });
      });

      it('is forwarded, and the council sees the TH-3 warning on GET', async () => {
        const proposal = await create(home.unit.id, campaign.id, { nominee: member });
        expect(rulesOf(proposal.warnings)).toEqual(['TH-3']);
        await walk('unitDecision', home.unit.id, campaign.id, { nominee: member }).then(async (p) => {
          const forwarded = await forward(p);
          expect(forwarded.status).toBe(200);
          expect(forwarded.body.state).toBe('councilScreening');
          const seen = await read(p.id, council);
          expect(rulesOf(seen.warnings)).toEqual(['TH-3']);
          expectFindingTexts(seen.warnings);
          expect(seen.warnings[0]!.message).toContain('Hoàng Thị Mai');
        });
      });

      it('the unit head deciding on it (unitDecision) sees the TH-3 warning too', async () => {
        const proposal = await walk('unitDecision', home.unit.id, campaign.id, { nominee: member });
        expect(proposal.state).toBe('unitDecision');
        await expect(read(proposal.id, unitHead()).then((p) => rulesOf(p.warnings))).resolves.toEqual(['TH-3']);
      });

      it('the steering committee itself is refused at FORWARD (TH-3); the refusal writes nothing', async () => {
        const proposal = await walk('unitDecision', home.unit.id, campaign.id, {
          nominee: { type: 'collective', name: 'Ban Chỉ đạo chương trình 135', steeringCommittee: true },
        });
        const before = await t.rowCounts();
        expectRefusal(await forward(proposal), ['TH-3']);
        await expect(t.rowCounts()).resolves.toEqual(before);
      });

      it('beyond the guidance cap on members: the first is forwarded, the second refused (TH-3 1 → 2/1)', async () => {
        const capped = await postCampaign(t, { ...campaignWith({ steeringMemberCap: 1 }), round: 'programme_summary' });
        const first = await walk('unitDecision', home.unit.id, capped.id, { nominee: member });
        const second = await walk('unitDecision', home.unit.id, capped.id, { nominee: { ...member, name: 'Lý Văn Sơn' } });
        expect((await forward(first)).status).toBe(200);
        const refused = await forward(second);
        expectRefusal(refused, ['TH-3']);
        expect(refused.body.violations[0].messageEn).toContain('2/1');
      });
    });

    it('create-time advice: an achievement outside the guidance period warns TH-1 at once, and SUBMIT is refused for TH-1', async () => {
      const campaign = await postCampaign(t, campaignWith({ achievementPeriod: { from: '2025-01-01', to: '2026-03-31' } }));
      const created = await http(t)
        .post('/api/proposals')
        .set('Authorization', bearer(t, drafter()))
        .send({
          kind: 'thematic',
          campaignId: campaign.id,
          unitId: home.unit.id,
          awardForm: 'chairman_certificate',
          nominee: { type: 'individual', name: 'Phạm Văn Đức' },
          achievement: { summary: 'Hoàn thành xuất sắc nhiệm vụ', date: '2026-04-01' },
        });
      expect(created.status).toBe(201);
      expect(rulesOf(created.body.warnings)).toEqual(['TH-1']);
      expect(created.body.warnings[0].messageEn).toContain('2026-04-01');
      await expect(read(created.body.id, drafter()).then((p) => p.warnings)).resolves.toEqual(created.body.warnings);

      const before = await t.rowCounts();
      const refused = await postEvent(t, created.body.id, drafter(), { type: 'SUBMIT' });
      expectRefusal(refused, ['TH-1']);
      expect(refused.body.violations[0].messageEn).toContain('outside');
      await expect(t.rowCounts()).resolves.toEqual(before);

      // The last day of the period is inside it.
      const onLastDay = await create(home.unit.id, campaign.id, { achievement: { summary: 'Hoàn thành xuất sắc nhiệm vụ', date: '2026-03-31' } });
      expect(onLastDay.warnings).toEqual([]);
      await expect(postEvent(t, onLastDay.id, drafter(), { type: 'SUBMIT' }).then((r) => r.status)).resolves.toBe(200);
    });
  });

  // ------------------------------------------------------------------------------------------ 3. TH-1 quota

  describe('TH-1: the number of awards in the guidance', () => {
    const quotaCampaign = (chairman: number) =>
      postCampaign(t, campaignWith({ quota: { unit_certificate: 100, chairman_certificate: chairman } }));
    const inScreening = (campaignId: string) => listAll(t, auditor, { campaignId, state: 'councilScreening' });

    it('quota 2: two FORWARDs fill it exactly, the third is refused (TH-1, 3/2) and writes nothing; a rejection frees a place', async () => {
      const campaign = await quotaCampaign(2);
      const [a, b, c] = [
        await walk('unitDecision', home.unit.id, campaign.id),
        await walk('unitDecision', home.unit.id, campaign.id),
        await walk('unitDecision', home.unit.id, campaign.id),
      ];
      expect((await forward(a)).status).toBe(200);
      expect((await forward(b)).status).toBe(200);
      const before = await t.rowCounts();
      const refused = await forward(c);
      expectRefusal(refused, ['TH-1']);
      expect(refused.body.violations[0].message).toContain('3/2');
      await expect(t.rowCounts()).resolves.toEqual(before);
      await expect(read(c.id)).resolves.toMatchObject({ state: 'unitDecision', version: 2 });
      await expect(inScreening(campaign.id).then(ids)).resolves.toEqual([a.id, b.id].sort());

      const rejected = await postEvent(t, a.id, council, { type: 'REJECT', reason: 'Không đủ tiêu chuẩn' });
      expect(rejected.status).toBe(200);
      const retried = await forward(c);
      expect(retried.status).toBe(200);
      await expect(inScreening(campaign.id).then(ids)).resolves.toEqual([b.id, c.id].sort());
    });

    it.each([1, 2, 3, 4, 5])('race %i: one place left, two FORWARDs at once → exactly one 200 and one 422 TH-1', async () => {
      const campaign = await quotaCampaign(2);
      const first = await walk('councilScreening', home.unit.id, campaign.id);
      const racers = [await walk('unitDecision', home.unit.id, campaign.id), await walk('unitDecision', home.unit.id, campaign.id)];

      const responses = await Promise.all(racers.map((p) => forward(p)));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 422]);
      const loser = responses.findIndex((r) => r.status === 422);
      expectRefusal(responses[loser]!, ['TH-1']);
      expect(responses[1 - loser]!.body.state).toBe('councilScreening');

      await expect(inScreening(campaign.id).then(ids)).resolves.toEqual([first.id, racers[1 - loser]!.id].sort());
      await expect(read(racers[loser]!.id)).resolves.toMatchObject({ state: 'unitDecision', version: 2 });
      await expect(getHistory(t, racers[loser]!.id)).resolves.toHaveLength(2);
    });

    it('a burst: one place left, five FORWARDs at once → one 200, four 422 TH-1, the quota exactly full', async () => {
      const campaign = await quotaCampaign(2);
      const first = await walk('councilScreening', home.unit.id, campaign.id);
      const racers: RuledProposal[] = [];
      for (let i = 0; i < 5; i++) racers.push(await walk('unitDecision', home.unit.id, campaign.id));

      const responses = await Promise.all(racers.map((p) => forward(p)));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 422, 422, 422, 422]);
      for (const refused of responses.filter((r) => r.status === 422)) expectRefusal(refused, ['TH-1']);
      const winner = racers[responses.findIndex((r) => r.status === 200)]!;
      await expect(inScreening(campaign.id).then(ids)).resolves.toEqual([first.id, winner.id].sort());
    });
  });

  // ------------------------------------------------------------------------------------------ 4. TH-2

  describe('TH-2: anniversary rounds', () => {
    let campaign: { id: string };
    let neighbour: UnitBody;
    let stranger: UnitBody;
    const outstanding = { achievement: { summary: 'Thành tích thực sự tiêu biểu, nổi bật', date: '2026-04-22', outstanding: true } };

    beforeAll(async () => {
      neighbour = await createUnit(t);
      stranger = await createUnit(t);
      campaign = await postCampaign(t, {
        ...campaignWith({
          unitQuota: { [home.unit.id]: { chairman_certificate: 1 }, [neighbour.id]: { chairman_certificate: 1 } },
        }),
        round: 'anniversary',
      });
    });

    it('a provincial proposal not marked outstanding is refused at FORWARD (TH-2) and writes nothing', async () => {
      const proposal = await walk('unitDecision', home.unit.id, campaign.id);
      const before = await t.rowCounts();
      const refused = await forward(proposal);
      expectRefusal(refused, ['TH-2']);
      expect(refused.body.violations[0].messageEn).toMatch(/outstanding/);
      await expect(t.rowCounts()).resolves.toEqual(before);
    });

    it('the quota agreed for the unit: the first outstanding nominee goes, the second is refused (TH-2, 2/1); another unit counts apart', async () => {
      const first = await walk('unitDecision', home.unit.id, campaign.id, outstanding);
      const second = await walk('unitDecision', home.unit.id, campaign.id, outstanding);
      expect((await forward(first)).status).toBe(200);
      const refused = await forward(second);
      expectRefusal(refused, ['TH-2']);
      expect(refused.body.violations[0].messageEn).toContain('2/1');
      await expect(read(second.id)).resolves.toMatchObject({ state: 'unitDecision', version: 2 });

      const theirs = await walk('unitDecision', neighbour.id, campaign.id, outstanding);
      expect((await forward(theirs)).status).toBe(200);
    });

    it('a unit that agreed no number with the home-affairs department is refused (TH-2)', async () => {
      const proposal = await walk('unitDecision', stranger.id, campaign.id, outstanding);
      const refused = await forward(proposal);
      expectRefusal(refused, ['TH-2']);
      expect(refused.body.violations[0].messageEn).toMatch(/agree/);
    });
  });

  // ------------------------------------------------------------------------------------------ 5. deadlines

  describe('deadlines on proposals and campaigns', () => {
    it('DX-4 from the achievement: 22 Apr 2026 → end of Mon 4 May 2026', async () => {
      const proposal = await create(home.unit.id, null);
      expect(proposal.deadline).toEqual({ rule: 'DX-4', dueDate: '2026-05-04', dueAt: '2026-05-04T17:00:00.000Z', provisional: false });
      await expect(read(proposal.id).then((p) => p.deadline)).resolves.toEqual(deadlineOn('DX-4', '2026-05-04'));
    });

    it('DX-4 from the recognition when there is one: recognized Wed 6 May → day 10 Sat 16 May → Mon 18 May', async () => {
      const proposal = await create(home.unit.id, null, {
        achievement: { summary: 'Bắt giữ đối tượng truy nã', date: '2026-04-22', recognizedAt: '2026-05-06', basis: 'outside_duty' },
      });
      expect(proposal.deadline).toEqual(deadlineOn('DX-4', '2026-05-18'));
    });

    it('UPDATE of the achievement date computes the deadline again (16 Apr → Hùng Kings Sun 26 Apr, compensatory Mon 27 → Tue 28 Apr)', async () => {
      const proposal = await create(home.unit.id, null);
      const updated = await postEvent(t, proposal.id, drafter(), {
        type: 'UPDATE',
        changes: { achievement: { summary: 'Cứu 3 người bị nạn trong lũ quét', date: '2026-04-16', basis: 'rescue' } },
      });
      expect(updated.status).toBe(200);
      expect(updated.body.deadline).toEqual(deadlineOn('DX-4', '2026-04-28'));
      await expect(read(proposal.id).then((p) => p.deadline)).resolves.toEqual(deadlineOn('DX-4', '2026-04-28'));
    });

    it('a campaign with its ceremony on Mon 22 Jun 2026: dossierDeadline end of Mon 1 Jun (TH-5), and its thematic proposals show the same', async () => {
      const campaign = await postCampaign(t, campaignWith({}, { ceremonyDate: '2026-06-22' }));
      expect(campaign.dossierDeadline).toEqual({ rule: 'TH-5', dueDate: '2026-06-01', dueAt: '2026-06-01T17:00:00.000Z', provisional: false });
      const got = await http(t).get(`/api/campaigns/${campaign.id}`).set('Authorization', bearer(t, drafter()));
      expect(got.status).toBe(200);
      expect(got.body.dossierDeadline).toEqual(deadlineOn('TH-5', '2026-06-01'));
      const proposal = await create(home.unit.id, campaign.id);
      expect(proposal.deadline).toEqual(deadlineOn('TH-5', '2026-06-01'));
    });

    describe('PATCH /api/campaigns/:id moves the ceremony (22 Jun → Mon 20 Jul 2026, so TH-5 → Mon 29 Jun)', () => {
      let campaign: { id: string };
      const open: Record<string, RuledProposal> = {};
      let forwarded: RuledProposal;
      let patched: Response;

      beforeAll(async () => {
        campaign = await postCampaign(t, campaignWith({}, { ceremonyDate: '2026-06-22' }));
        open.drafting = await walk('drafting', home.unit.id, campaign.id);
        open.unitDecision = await walk('unitDecision', home.unit.id, campaign.id);
        forwarded = await walk('councilScreening', home.unit.id, campaign.id);
        // Someone else's campaign, in drafting too: it must not move.
        await walk('drafting', home.unit.id, home.campaign.id);
        patched = await http(t)
          .patch(`/api/campaigns/${campaign.id}`)
          .set('Authorization', bearer(t, { role: 'home_affairs' }))
          .send({ ceremonyDate: '2026-07-20' });
      });

      it('the calendar agrees on the new TH-5 date', async () => {
        const response = await getCalendar(t, '/deadline', { rule: 'TH-5', ceremony: '2026-07-20' });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject(deadlineOn('TH-5', '2026-06-29'));
      });

      it('a drafter may not move it: 403, nothing changes', async () => {
        const refused = await http(t).patch(`/api/campaigns/${campaign.id}`).set('Authorization', bearer(t, drafter())).send({ ceremonyDate: '2026-08-03' });
        expect(refused.status).toBe(403);
        const got = await http(t).get(`/api/campaigns/${campaign.id}`).set('Authorization', bearer(t, drafter()));
        expect(got.body.ceremonyDate).toBe('2026-07-20');
      });

      it('home_affairs gets 200 with the new ceremony and dossierDeadline', async () => {
        expect(patched.status).toBe(200);
        expect(patched.body).toMatchObject({ id: campaign.id, ceremonyDate: '2026-07-20', dossierDeadline: deadlineOn('TH-5', '2026-06-29') });
      });

      it('the response says how many proposals moved: the two open ones (proposalsMoved: 2)', () => {
        expect(patched.status).toBe(200);
        expect(patched.body.proposalsMoved).toBe(2);
      });

      it('the open proposals (drafting, unitDecision) now show the new deadline', async () => {
        for (const [state, proposal] of Object.entries(open)) {
          const seen = await read(proposal.id);
          expect({ state: seen.state, deadline: seen.deadline }).toEqual({ state, deadline: deadlineOn('TH-5', '2026-06-29') });
        }
      });

      it('a proposal already forwarded keeps its old deadline', async () => {
        const seen = await read(forwarded.id);
        expect(seen.state).toBe('councilScreening');
        expect(seen.deadline).toEqual(deadlineOn('TH-5', '2026-06-01'));
        expect(seen.deadline).toEqual(forwarded.deadline);
      });
    });
  });

  // ------------------------------------------------------------------------------------------ 6. late

  describe("late, judged with the application's clock", () => {
    let unit: UnitBody;
    const today = todayInVietnam(clock.now().getTime());
    const fortyDaysAgo = addDays(today, -40);
    const yesterday = addDays(today, -1);
    const achievedOn = (date: string) => ({ achievement: { summary: 'Cứu người đuối nước', date, basis: 'rescue' } });
    let provincialLate: RuledProposal;
    let unitLate: RuledProposal;
    let onTime: RuledProposal;

    beforeAll(async () => {
      unit = await createUnit(t);
    });

    it('a provincial proposal 40 days after its achievement: SUBMIT is not late, FORWARD is accepted but marked late (DX-4)', async () => {
      const created = await create(unit.id, null, achievedOn(fortyDaysAgo));
      expect(created.deadline).not.toBeNull();
      expect(created.deadline!.rule).toBe('DX-4');
      expect(Date.parse(created.deadline!.dueAt)).toBeLessThan(clock.now().getTime());

      const submitted = await postEvent(t, created.id, drafter(unit.id), { type: 'SUBMIT' });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ state: 'unitDecision', late: false, lateRule: null });

      const forwarded = await forward({ id: created.id, unitId: unit.id });
      expect(forwarded.status).toBe(200);
      expect(forwarded.body).toMatchObject({ state: 'councilScreening', late: true, lateRule: 'DX-4' });
      provincialLate = await read(created.id, council);
      expect(provincialLate).toMatchObject({ late: true, lateRule: 'DX-4', deadline: created.deadline });

      const events = await getHistory(t, created.id);
      const forwardEvent = events.find((event) => event.type === 'FORWARD');
      expect(forwardEvent?.payload.deadline).toEqual({ rule: 'DX-4', dueAt: created.deadline!.dueAt });
    });

    it('a unit_certificate extraordinary proposal is judged at SUBMIT: late (DX-4)', async () => {
      const created = await create(unit.id, null, { ...achievedOn(fortyDaysAgo), awardForm: 'unit_certificate' });
      const submitted = await postEvent(t, created.id, drafter(unit.id), { type: 'SUBMIT' });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ state: 'unitDecision', late: true, lateRule: 'DX-4' });
      unitLate = submitted.body;
      const events = await getHistory(t, created.id);
      expect(events.at(-1)).toMatchObject({ type: 'SUBMIT', payload: { deadline: { rule: 'DX-4', dueAt: created.deadline!.dueAt } } });
    });

    it('a deadline still ahead (achievement yesterday): not late after FORWARD', async () => {
      onTime = await walk('unitDecision', unit.id, null, achievedOn(yesterday));
      expect(onTime.deadline!.rule).toBe('DX-4');
      expect(Date.parse(onTime.deadline!.dueAt)).toBeGreaterThan(clock.now().getTime());
      const forwarded = await forward(onTime);
      expect(forwarded.status).toBe(200);
      expect(forwarded.body).toMatchObject({ state: 'councilScreening', late: false, lateRule: null });
    });

    it('GET /api/proposals?late=true lists the late ones, ?late=false the others', async () => {
      expect([provincialLate, unitLate, onTime].every(Boolean)).toBe(true);
      const late = await listAll(t, unitHead(unit.id), { unitId: unit.id, late: 'true' });
      expect(ids(late)).toEqual([provincialLate.id, unitLate.id].sort());
      expect(late.every((p) => p.late)).toBe(true);
      const notLate = await listAll(t, council, { unitId: unit.id, late: 'false' });
      expect(ids(notLate)).toEqual([onTime.id]);
      expect(notLate.every((p) => !p.late)).toBe(true);
    });
  });

  // ------------------------------------------------------------------------------------------ 7. calendar

  describe('calendar endpoints', () => {
    it('DX-4 from 22 Apr 2026 → Mon 4 May 2026, with how it was computed', async () => {
      const response = await getCalendar(t, '/deadline', { rule: 'DX-4', from: '2026-04-22' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject(deadlineOn('DX-4', '2026-05-04'));
      const { computation } = response.body;
      expect(computation.start).toEqual({ date: '2026-04-22', basis: 'achievement' });
      expect(computation.countedDays).toHaveLength(10);
      expect(computation.countedDays[0]).toBe('2026-04-23');
      expect(computation.countedDays[9]).toBe('2026-05-02');
      expect(computation.skippedDays.map((d: { date: string; status: string }) => `${d.date} ${d.status}`)).toEqual(['2026-05-02 weekend', '2026-05-03 weekend']);
      expect(computation.years).toEqual([{ year: 2026, provisional: false }]);
      expect(computation.explanation.join(' ')).toMatch(/Art\. 148/);
    });

    it('DX-4 whose day 10 is a holiday names the holidays it skipped (from 20 Apr: 30 Apr, 1 May, the weekend → Mon 4 May)', async () => {
      const response = await getCalendar(t, '/deadline', { rule: 'DX-4', from: '2026-04-20' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject(deadlineOn('DX-4', '2026-05-04'));
      expect(response.body.computation.skippedDays).toEqual([
        expect.objectContaining({ date: '2026-04-30', status: 'holiday', name: 'Ngày Chiến thắng', nameEn: 'Reunification Day' }),
        expect.objectContaining({ date: '2026-05-01', status: 'holiday', name: 'Ngày Quốc tế Lao động' }),
        expect.objectContaining({ date: '2026-05-02', status: 'weekend' }),
        expect.objectContaining({ date: '2026-05-03', status: 'weekend' }),
      ]);
      expect(response.body.computation.explanation.join(' ')).toContain('Reunification Day');

      const hung = await getCalendar(t, '/deadline', { rule: 'DX-4', from: '2026-04-16' });
      expect(hung.body).toMatchObject(deadlineOn('DX-4', '2026-04-28'));
      expect(hung.body.computation.skippedDays.map((d: { date: string; status: string }) => `${d.date} ${d.status}`)).toEqual([
        '2026-04-26 holiday',
        '2026-04-27 compensatory',
      ]);
    });

    it('DX-4 with recognizedAt starts from the recognition', async () => {
      const response = await getCalendar(t, '/deadline', { rule: 'DX-4', from: '2026-04-22', recognizedAt: '2026-05-06' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject(deadlineOn('DX-4', '2026-05-18'));
      expect(response.body.computation.start).toEqual({ date: '2026-05-06', basis: 'recognition' });
    });

    it('TH-5 for a ceremony on 22 Jun 2026 → Mon 1 Jun 2026, 15 working days counted back', async () => {
      const response = await getCalendar(t, '/deadline', { rule: 'TH-5', ceremony: '2026-06-22' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject(deadlineOn('TH-5', '2026-06-01'));
      expect(response.body.computation.countedDays).toHaveLength(15);
      expect(response.body.computation.countedDays[0]).toBe('2026-06-19');
      expect(response.body.computation.countedDays[14]).toBe('2026-06-01');
    });

    it.each([
      ['an unknown rule', { rule: 'XX', from: '2026-04-22' }],
      ['no rule', { from: '2026-04-22' }],
      ['a day that does not exist', { rule: 'DX-4', from: '2026-02-30' }],
      ['a date in another format', { rule: 'DX-4', from: '22/04/2026' }],
      ['DX-4 without from', { rule: 'DX-4' }],
      ['TH-5 without ceremony', { rule: 'TH-5' }],
      ['TH-5 with a ceremony that does not exist', { rule: 'TH-5', ceremony: '2026-13-01' }],
      ['a recognition before the achievement', { rule: 'DX-4', from: '2026-04-22', recognizedAt: '2026-04-01' }],
    ])('%s: 400 VALIDATION_FAILED and no deadline', async (_label, query) => {
      const response = await getCalendar(t, '/deadline', query as Record<string, string>);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(typeof response.body.message).toBe('string');
      for (const field of ['rule', 'dueDate', 'dueAt', 'provisional', 'computation']) expect(response.body).not.toHaveProperty(field);
    });

    it('GET /api/calendar/2026: official, with 16 Feb off and Sat 10 Jan worked, each with its source', async () => {
      const response = await getCalendar(t, '/2026');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ year: 2026, provisional: false });
      expect(response.body.daysOff).toContainEqual(expect.objectContaining({ date: '2026-02-16', kind: 'holiday', source: expect.stringMatching(/\S/) }));
      expect(response.body.workingSaturdays).toContainEqual(expect.objectContaining({ date: '2026-01-10', source: expect.stringMatching(/\S/) }));
      for (const day of [...response.body.daysOff, ...response.body.workingSaturdays]) expect(day.source).toMatch(/\S/);
      expect(response.body.daysOff.map((d: { date: string }) => d.date)).not.toContain('2026-01-10');
    });

    it('GET /api/calendar/2027: computed and provisional (Tết: Sat 6 Feb 2027)', async () => {
      const response = await getCalendar(t, '/2027');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ year: 2027, provisional: true, workingSaturdays: [] });
      expect(response.body.daysOff).toContainEqual(expect.objectContaining({ date: '2027-02-06', source: expect.stringMatching(/\S/) }));
      expect(response.body.daysOff).toContainEqual(expect.objectContaining({ date: '2027-04-16' }));
    });

    it('GET /api/calendar/abc: 400 VALIDATION_FAILED', async () => {
      const response = await getCalendar(t, '/abc');
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });

    it('without a token: 401 UNAUTHENTICATED', async () => {
      const calls = [
        getCalendar(t, '/2026', {}, null),
        getCalendar(t, '/deadline', { rule: 'DX-4', from: '2026-04-22' }, null),
        http(t).put('/api/calendar/2027').send(officialSchedule2027()),
      ];
      for (const response of await Promise.all(calls)) {
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      }
    });
  });

  // ------------------------------------------------------------------------------------------ 8. PUT schedule

  // Runs last: it changes this app's calendar for 2027.
  describe('PUT /api/calendar/2027 loads an official schedule', () => {
    let unit: UnitBody;
    /** Day 10 is Fri 12 Feb: a working day when computed, a swapped day off in the official schedule → Mon 15 Feb. */
    let onSwappedFriday: RuledProposal;
    /** Day 10 is Sat 30 Jan: a weekend day when computed (→ Mon 1 Feb), a working Saturday in the official one. */
    let onWorkingSaturday: RuledProposal;
    /** Day 10 is Thu 11 Mar: the same date either way, only no longer provisional. */
    let sameDay: RuledProposal;
    /** Day 10 is Wed 30 Dec 2026: not in 2027 at all. */
    let notIn2027: RuledProposal;
    /** Forwarded already: its deadline was met (or missed) under the calendar of the day. */
    let forwarded: RuledProposal;
    const achievedOn = (date: string) => ({ achievement: { summary: 'Dập tắt đám cháy rừng', date, basis: 'rescue' } });

    // Achievements of early 2027 are drafted once they have happened.
    beforeAll(() => clock.set('2027-03-15T01:00:00Z'));
    afterAll(() => clock.set(FIXTURE_START));

    beforeAll(async () => {
      unit = await createUnit(t);
      onSwappedFriday = await create(unit.id, null, achievedOn('2027-02-02'));
      onWorkingSaturday = await walk('unitDecision', unit.id, null, achievedOn('2027-01-20'));
      sameDay = await create(unit.id, null, achievedOn('2027-03-01'));
      notIn2027 = await create(unit.id, null, achievedOn('2026-12-20'));
      forwarded = await walk('councilScreening', unit.id, null, achievedOn('2027-02-02'));
    });

    it('before: the 2027 deadlines are computed and provisional', () => {
      expect(onSwappedFriday.deadline).toEqual(deadlineOn('DX-4', '2027-02-12', true));
      expect(onWorkingSaturday.deadline).toEqual(deadlineOn('DX-4', '2027-02-01', true));
      expect(sameDay.deadline).toEqual(deadlineOn('DX-4', '2027-03-11', true));
      expect(forwarded.deadline).toEqual(deadlineOn('DX-4', '2027-02-12', true));
      expect(notIn2027.deadline).toEqual(deadlineOn('DX-4', '2026-12-30'));
    });

    it('only an admin may load one: 403 for home_affairs and a drafter, nothing stored', async () => {
      for (const caller of [{ role: 'home_affairs' }, { role: 'drafter', unitId: unit.id }] as Caller[]) {
        const response = await putCalendar(t, 2027, officialSchedule2027(), caller);
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      }
      await expect(getCalendar(t, '/2027').then((r) => r.body.provisional)).resolves.toBe(true);
    });

    it('an invalid schedule is refused with every problem listed, and nothing is stored', async () => {
      const schedule = officialSchedule2027();
      const bad = {
        ...schedule,
        entries: [
          ...schedule.entries.filter((entry) => entry.date !== '2027-01-30' && entry.date !== '2027-02-12'),
          { date: '2027-01-29', kind: 'working_saturday', name: 'Làm bù (thứ Sáu?)' },
          { date: '2028-01-03', kind: 'holiday', name: 'Ngày ngoài năm' },
        ],
      };
      const response = await putCalendar(t, 2027, bad);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const problems = response.body.problems as { path: string; message: string }[];
      const at = (date: string) => `entries[${bad.entries.findIndex((entry) => entry.date === date)}].date`;
      expect(problems).toEqual(
        expect.arrayContaining([
          { path: at('2027-01-29'), message: expect.stringMatching(/not a Saturday/) },
          { path: at('2028-01-03'), message: expect.stringMatching(/outside the year 2027/) },
        ]),
      );
      expect(problems).toHaveLength(2);

      const wrongYear = await putCalendar(t, 2027, { ...schedule, year: 2028, entries: [] });
      expect(wrongYear.status).toBe(400);
      const mismatched = await putCalendar(t, 2027, { ...schedule, year: 2026, entries: [{ date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' }] });
      expect(mismatched.status).toBe(400);
      expect(mismatched.body.code).toBe('VALIDATION_FAILED');

      await expect(getCalendar(t, '/2027').then((r) => r.body.provisional)).resolves.toBe(true);
      await expect(getCalendar(t, '/2026').then((r) => r.body.daysOff.map((d: { date: string }) => d.date))).resolves.toContain('2026-02-16');
      await expect(read(onSwappedFriday.id).then((p) => p.deadline)).resolves.toEqual(deadlineOn('DX-4', '2027-02-12', true));
    });

    it('a valid one: 200, the year is official, and every open deadline that depends on it is computed again', async () => {
      const openDeadlines = async () => {
        const open = [...(await listAll(t, auditor, { state: 'drafting' })), ...(await listAll(t, auditor, { state: 'unitDecision' }))];
        return new Map(open.map((p) => [p.id, p.deadline as DeadlineBody | null]));
      };
      const before = await openDeadlines();
      expect([...before.values()].filter((d) => d?.provisional).length).toBeGreaterThanOrEqual(3);

      const response = await putCalendar(t, 2027, officialSchedule2027());
      expect(response.status).toBe(200);
      expect(response.body.year).toMatchObject({ year: 2027, provisional: false });

      // The count it reports is the number of open proposals whose deadline a client now sees differently.
      const after = await openDeadlines();
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      const changed = [...before.keys()].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));
      expect(changed).toEqual(expect.arrayContaining([onSwappedFriday.id, onWorkingSaturday.id, sameDay.id]));
      expect(changed).not.toContain(notIn2027.id);
      expect(response.body.deadlinesChanged).toBeGreaterThanOrEqual(1);
      expect(response.body.deadlinesChanged).toBe(changed.length);
      // Nothing open is provisional any more: 2025, 2026 and now 2027 are all official.
      expect([...after.values()].filter((d) => d?.provisional)).toEqual([]);

      const year = await getCalendar(t, '/2027');
      expect(year.body.provisional).toBe(false);
      expect(year.body.workingSaturdays).toEqual([expect.objectContaining({ date: '2027-01-30', source: expect.stringMatching(/\S/) })]);
      expect(year.body.daysOff).toContainEqual(expect.objectContaining({ date: '2027-02-12', kind: 'swapped', swappedWith: '2027-01-30' }));

      await expect(read(onSwappedFriday.id).then((p) => p.deadline)).resolves.toEqual(deadlineOn('DX-4', '2027-02-15'));
      await expect(read(onWorkingSaturday.id).then((p) => p.deadline)).resolves.toEqual(deadlineOn('DX-4', '2027-01-30'));
      await expect(read(sameDay.id).then((p) => p.deadline)).resolves.toEqual(deadlineOn('DX-4', '2027-03-11'));
      await expect(read(notIn2027.id).then((p) => p.deadline)).resolves.toEqual(notIn2027.deadline);
      await expect(read(forwarded.id).then((p) => p.deadline)).resolves.toEqual(deadlineOn('DX-4', '2027-02-12', true));
      // Recomputing a deadline is not an event: the logs are untouched.
      await expect(getHistory(t, onSwappedFriday.id)).resolves.toHaveLength(1);

      const computed = await getCalendar(t, '/deadline', { rule: 'DX-4', from: '2027-02-02' });
      expect(computed.body).toMatchObject(deadlineOn('DX-4', '2027-02-15'));
      expect(computed.body.computation.skippedDays.map((d: { date: string; status: string }) => `${d.date} ${d.status}`)).toEqual([
        '2027-02-12 swapped',
        '2027-02-13 weekend',
        '2027-02-14 weekend',
      ]);
      // A proposal drafted now starts from the official year.
      await expect(create(unit.id, null, achievedOn('2027-01-20')).then((p) => p.deadline)).resolves.toEqual(deadlineOn('DX-4', '2027-01-30'));
    });

    it('loading the same schedule again changes no deadline', async () => {
      const response = await putCalendar(t, 2027, officialSchedule2027());
      expect(response.status).toBe(200);
      expect(response.body.deadlinesChanged).toBe(0);
      expect(response.body.deadlinesExamined).toBeGreaterThanOrEqual(4);
    });
  });
});
