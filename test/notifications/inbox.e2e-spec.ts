import type { INestApplicationContext } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { bearer, createUnit, http, postEvent, expectStatus, type ProposalBody, type UnitBody } from '../support/api.js';
import {
  futureCampaign,
  inbox,
  inboxWith,
  localEndOfDay,
  obliterateQueues,
  proposalWithDeadline,
  rowsWhere,
  sendTimerEvent,
} from '../support/notices.js';
import { describeEachDatabase, REDIS_URL, startTestApp, startTestWorker, uniqueQueuePrefix, type TestApp, PAPER_DOSSIERS} from '../support/test-app.js';
import { waitFor } from '../support/wait.js';

const NOMINEE = 'Trần Thị Bình';

describeEachDatabase('notices: the in-app inbox after timer events', (database) => {
  const prefix = uniqueQueuePrefix('kt-inbox');
  let api: TestApp | undefined;
  let worker: INestApplicationContext | undefined;
  let domainEvents: Queue | undefined;
  let unit: UnitBody;
  let otherUnit: UnitBody;
  let proposal: ProposalBody;
  const seqs: Record<string, number> = {};

  beforeAll(async () => {
    api = await startTestApp({ database, queuePrefix: prefix, env: PAPER_DOSSIERS });
    worker = await startTestWorker(api.config);
    domainEvents = new Queue('domain-events', { connection: { url: REDIS_URL }, prefix });
    unit = await createUnit(api);
    otherUnit = await createUnit(api);
    const campaign = await futureCampaign(api);
    proposal = await proposalWithDeadline(api, unit.id, campaign.id, NOMINEE);
  }, 30_000);

  afterAll(async () => {
    try {
      await worker?.close();
      await domainEvents?.close();
      await expect(obliterateQueues(prefix)).resolves.toEqual([]);
    } finally {
      await api?.close();
    }
  }, 30_000);

  const t = () => api!;
  const drafter = () => ({ role: 'drafter' as const, unitId: unit.id, sub: 'drafter-1' });
  const secondDrafter = () => ({ role: 'drafter' as const, unitId: unit.id, sub: 'drafter-2' });
  const head = () => ({ role: 'unit_head' as const, unitId: unit.id, sub: 'head-1' });
  const otherDrafter = () => ({ role: 'drafter' as const, unitId: otherUnit.id, sub: 'drafter-other' });
  const homeAffairs = { role: 'home_affairs' as const, sub: 'snv-1' };
  const chairman = { role: 'chairman' as const, sub: 'ct' };
  const viceChairman = { role: 'vice_chairman' as const, sub: 'pct' };
  const council = { role: 'council' as const, sub: 'hd' };
  const countNotices = async () =>
    Number((await rowsWhere<{ n: number | string }>(t(), 'SELECT COUNT(*) AS n FROM notices WHERE proposal_id = ?', [proposal.id]))[0].n);

  it('the proposal has a deadline whose timers lie months ahead (so only this suite’s events make notices)', () => {
    expect(proposal.deadline).toMatchObject({ rule: 'TH-5', dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(Date.parse((proposal.deadline as { dueAt: string }).dueAt) - Date.now()).toBeGreaterThan(60 * 86_400_000);
  });

  it('a reminder reaches the unit’s drafters and unit head, in Vietnamese naming proposal, nominee, rule and local deadline; no one else', async () => {
    seqs.reminder = (await sendTimerEvent(t(), proposal.id, 'DEADLINE_REMINDER')).seq;
    const mine = await inboxWith(t(), drafter(), 1);
    const deadline = proposal.deadline as { dueDate: string; dueAt: string };
    const [notice] = mine.items;
    expect(notice).toMatchObject({
      proposalId: proposal.id,
      seq: seqs.reminder,
      event: 'DEADLINE_REMINDER',
      unitId: unit.id,
      nominee: NOMINEE,
      rule: 'TH-5',
      dueDate: deadline.dueDate,
      dueAt: deadline.dueAt,
      read: false,
      readAt: null,
    });
    expect(notice.title).toBe(`Nhắc hạn TH-5: hồ sơ đề nghị khen thưởng ${NOMINEE}`);
    // The notice names the nominee, the award's kind and who must act; the id stays in its fields.
    expect(notice.body).not.toContain(proposal.id);
    expect(notice.bodyEn).not.toContain(proposal.id);
    expect(notice.body).toMatch(new RegExp(`hồ sơ đề nghị khen thưởng theo chuyên đề \\((Giấy khen|Bằng khen của Chủ tịch UBND tỉnh)\\): ${NOMINEE} — đang soạn tại đơn vị`));
    expect(notice.body).toContain(`hạn cuối ${localEndOfDay(deadline.dueDate)} (TH-5)`);
    expect(notice.bodyEn).toMatch(/^Deadline approaching: thematic commendation proposal /);
    expect(notice.bodyEn).toContain(NOMINEE);
    expect(mine.unread).toBe(1);

    await expect(inbox(t(), head()).then((b) => b.items.map((i) => i.id))).resolves.toEqual([notice.id]);
    await expect(inbox(t(), secondDrafter()).then((b) => b.items.map((i) => i.id))).resolves.toEqual([notice.id]);
    for (const caller of [homeAffairs, chairman, viceChairman, council, otherDrafter(), { role: 'drafter' as const, sub: 'no-unit' }]) {
      await expect(inbox(t(), caller)).resolves.toEqual({ items: [], unread: 0, nextCursor: null });
    }
  });

  it('a missed deadline reaches the home-affairs department too; newest first', async () => {
    seqs.missed = (await sendTimerEvent(t(), proposal.id, 'DEADLINE_MISSED')).seq;
    const ha = await inboxWith(t(), homeAffairs, 1);
    expect(ha.items[0]).toMatchObject({ event: 'DEADLINE_MISSED', seq: seqs.missed, proposalId: proposal.id });
    expect(ha.items[0].title).toBe(`Quá hạn TH-5: hồ sơ đề nghị khen thưởng ${NOMINEE}`);
    expect(ha.items[0].body).toContain(localEndOfDay((proposal.deadline as { dueDate: string }).dueDate));
    const mine = await inbox(t(), drafter());
    expect(mine.items.map((i) => i.event)).toEqual(['DEADLINE_MISSED', 'DEADLINE_REMINDER']);
    expect(mine.unread).toBe(2);
    for (const caller of [chairman, viceChairman, otherDrafter()]) await expect(inbox(t(), caller).then((b) => b.items)).resolves.toEqual([]);
  });

  it('an escalation reaches the chairman and the vice-chairman too', async () => {
    seqs.escalate = (await sendTimerEvent(t(), proposal.id, 'ESCALATE')).seq;
    const ct = await inboxWith(t(), chairman, 1);
    expect(ct.items[0]).toMatchObject({ event: 'ESCALATE', seq: seqs.escalate, nominee: NOMINEE, rule: 'TH-5' });
    expect(ct.items[0].title).toContain('Báo cáo lãnh đạo UBND tỉnh');
    await expect(inbox(t(), viceChairman).then((b) => b.items.map((i) => i.id))).resolves.toEqual([ct.items[0].id]);
    await expect(inbox(t(), homeAffairs).then((b) => b.items.map((i) => i.event))).resolves.toEqual(['ESCALATE', 'DEADLINE_MISSED']);
    await expect(inbox(t(), head()).then((b) => b.items.map((i) => i.event))).resolves.toEqual(['ESCALATE', 'DEADLINE_MISSED', 'DEADLINE_REMINDER']);
    await expect(inbox(t(), otherDrafter()).then((b) => b.items)).resolves.toEqual([]);
    await expect(inbox(t(), council).then((b) => b.items)).resolves.toEqual([]);
    // Pages: one at a time, by cursor, newest first.
    const first = await inbox(t(), head(), { limit: '2' });
    expect(first.items.map((i) => i.event)).toEqual(['ESCALATE', 'DEADLINE_MISSED']);
    const second = await inbox(t(), head(), { limit: '2', cursor: first.nextCursor! });
    expect(second.items.map((i) => i.event)).toEqual(['DEADLINE_REMINDER']);
    expect(second.nextCursor).toBeNull();
  });

  it('marking read lowers the unread count for that person only, and only once', async () => {
    const unread = async (caller: Parameters<typeof bearer>[1]) => {
      const response = await http(t()).get('/api/notifications/unread-count').set('Authorization', bearer(t(), caller));
      expectStatus(response, 200);
      return response.body.unread as number;
    };
    expect(await unread(drafter())).toBe(3);
    const reminder = (await inbox(t(), drafter())).items.find((i) => i.event === 'DEADLINE_REMINDER')!;

    const marked = await http(t()).post(`/api/notifications/${reminder.id}/read`).set('Authorization', bearer(t(), drafter()));
    expectStatus(marked, 200);
    expect(marked.body).toMatchObject({ id: reminder.id, read: true, readAt: expect.stringMatching(/Z$/) });
    const again = await http(t()).post(`/api/notifications/${reminder.id}/read`).set('Authorization', bearer(t(), drafter()));
    expectStatus(again, 200);
    expect(again.body.readAt).toBe(marked.body.readAt);

    expect(await unread(drafter())).toBe(2);
    expect(await unread(secondDrafter())).toBe(3);
    expect(await unread(head())).toBe(3);
    const mine = await inbox(t(), drafter());
    expect(mine.unread).toBe(2);
    expect(mine.items.map((i) => [i.event, i.read])).toEqual([
      ['ESCALATE', false],
      ['DEADLINE_MISSED', false],
      ['DEADLINE_REMINDER', true],
    ]);
    expect((await inbox(t(), secondDrafter())).items.every((i) => !i.read)).toBe(true);
  });

  it('"mark all read" marks every notice of that person read, once, and no one else\'s', async () => {
    const unread = async (caller: Parameters<typeof bearer>[1]) =>
      (await http(t()).get('/api/notifications/unread-count').set('Authorization', bearer(t(), caller))).body.unread as number;
    // Given the second clerk has not read any of the three notices of the unit
    expect(await unread(secondDrafter())).toBe(3);
    // When they mark all read
    const all = await http(t()).post('/api/notifications/read-all').set('Authorization', bearer(t(), secondDrafter()));
    expectStatus(all, 200);
    // Then the three are read for them, the count is zero, and a second call marks nothing more
    expect(all.body).toEqual({ marked: 3, unread: 0 });
    expect((await inbox(t(), secondDrafter())).items.every((i) => i.read && typeof i.readAt === 'string')).toBe(true);
    const again = await http(t()).post('/api/notifications/read-all').set('Authorization', bearer(t(), secondDrafter()));
    expect(again.body).toEqual({ marked: 0, unread: 0 });
    // And the others holding the same role keep their own read state
    expect(await unread(head())).toBe(3);
    expect(await unread(drafter())).toBe(2);
    // Someone with no notices marks nothing
    const none = await http(t()).post('/api/notifications/read-all').set('Authorization', bearer(t(), otherDrafter()));
    expect(none.body).toEqual({ marked: 0, unread: 0 });
  });

  it('a notice is invisible, and cannot be marked, outside its audience', async () => {
    const reminder = (await inbox(t(), drafter())).items.find((i) => i.event === 'DEADLINE_REMINDER')!;
    for (const caller of [chairman, otherDrafter()]) {
      const response = await http(t()).post(`/api/notifications/${reminder.id}/read`).set('Authorization', bearer(t(), caller));
      expectStatus(response, 404);
    }
    expectStatus(await http(t()).get('/api/notifications'), 401);
    expectStatus(await http(t()).get('/api/notifications').query({ limit: '0' }).set('Authorization', bearer(t(), drafter())), 400);
  });

  it('relaying the same outbox rows again, or running the job again, makes no second notice', async () => {
    expect(await countNotices()).toBe(3);
    const audiences = async () =>
      Number(
        (
          await rowsWhere<{ n: number | string }>(
            t(),
            'SELECT COUNT(*) AS n FROM notice_audiences a JOIN notices n ON n.id = a.notice_id WHERE n.proposal_id = ?',
            [proposal.id],
          )
        )[0].n,
      );
    expect(await audiences()).toBe(2 + 3 + 5);

    // As if the relay had died between adding the jobs and deleting the rows: the proposal's rows back as the
    // transactions wrote them (a relayed row is deleted), to be relayed a second time.
    const published = (await domainEvents!.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed'], 0, -1)).filter(
      (job) => (job.data as { proposalId?: string }).proposalId === proposal.id,
    );
    expect(published.length).toBeGreaterThanOrEqual(4);
    for (const job of published) {
      const { seq, at } = job.data as { seq: number; at: string };
      await rowsWhere(t(), 'INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)', [
        job.name,
        `${proposal.id}:${seq}`,
        JSON.stringify(job.data),
        at,
      ]);
    }
    await waitFor('the rows relayed again', async () =>
      (await rowsWhere(t(), 'SELECT id FROM outbox WHERE message_key LIKE ?', [`${proposal.id}:%`])).length === 0,
    );

    // And as if BullMQ had lost the completed job and it came again under another ID.
    for (const seq of [seqs.reminder, seqs.missed, seqs.escalate]) {
      const original = (await domainEvents!.getJob(`proposal.transitioned.${proposal.id}.${seq}`)) as Job;
      expect(original.data.type).toMatch(/^(DEADLINE_REMINDER|DEADLINE_MISSED|ESCALATE)$/);
      const replay = await domainEvents!.add('proposal.transitioned', original.data, { jobId: `replay-${proposal.id}-${seq}` });
      await waitFor(`replay ${seq} completed`, async () => (await domainEvents!.getJobState(replay.id!)) === 'completed');
    }
    expect(await countNotices()).toBe(3);
    expect(await audiences()).toBe(10);
    expect((await inbox(t(), head())).items).toHaveLength(3);
  });

  it('a person’s event makes no notice', async () => {
    const before = await countNotices();
    expect((await postEvent(t(), proposal.id, drafter(), { type: 'SUBMIT' })).status).toBe(200);
    await waitFor('the SUBMIT job completed', async () => {
      const jobs = await domainEvents!.getJobs(['completed'], 0, -1);
      return jobs.some((job) => job.data.proposalId === proposal.id && job.data.type === 'SUBMIT');
    });
    expect(await countNotices()).toBe(before);
  });
});
