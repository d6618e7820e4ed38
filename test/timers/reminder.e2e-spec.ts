import { createWorkingCalendar } from '#calendar';
import { createProposal, createUnit, expectStatus, getProposal, http, bearer, type ProposalBody } from '../support/api.js';
import {
  dueTimeOf,
  finishedJob,
  reconcileThroughQueue,
  sleep,
  startTimerRig,
  timerHistory,
  typesOf,
  vnDate,
  type TimerRig,
} from '../support/timers-rig.js';
import { waitFor } from '../support/wait.js';

/**
 * ISSUE 4, "a deadline due tomorrow gets its reminder and nothing more". The DX-4 reminder comes 3 days before
 * dueAt, so a deadline that ends tomorrow (24:00 Vietnam time) has its reminder due already and its missed and
 * escalation timers still ahead: the reminder fires at once, the other two wait as delayed jobs under their
 * deterministic IDs.
 */

const DAY_MS = 86_400_000;
const calendar = createWorkingCalendar();
const endOfLocalDay = (date: string) => Date.parse(`${date}T17:00:00.000Z`);

/**
 * Tomorrow in Vietnam when it is a working day (DX-4 can then end on it); otherwise the next working day. The
 * DX-4 achievement date that ends on it is that day minus 10 calendar days (day 10 is then a working day).
 */
function dueTomorrow(): { dueDate: string; achievementDate: string } {
  let dueDate = vnDate(1);
  while (!calendar.isWorkingDay(dueDate)) dueDate = calendar.nextWorkingDay(dueDate);
  const achievementDate = new Date(Date.parse(`${dueDate}T00:00:00Z`) - 10 * DAY_MS).toISOString().slice(0, 10);
  return { dueDate, achievementDate };
}

describe('deadline timers: a deadline due tomorrow', () => {
  let rig: TimerRig;
  let proposal: ProposalBody;
  let dueDate: string;
  let dueAt: string;
  /** The configured DX-4 reminder offset, in days: 3, unless tomorrow is a day off (then enough to cover the gap). */
  let reminderDays = 3;
  const t = () => rig.api;
  const ids = () => ({
    reminder: `deadline.fire.reminder.${proposal.id}.${dueAt.replace(/\D/g, '')}`,
    missed: `deadline.fire.missed.${proposal.id}.${dueAt.replace(/\D/g, '')}`,
    escalation: `deadline.fire.escalation.${proposal.id}.${dueAt.replace(/\D/g, '')}`,
  });

  beforeAll(async () => {
    rig = await startTimerRig('sqlite', 'kt-timers-reminder');
    const unit = await createUnit(t());
    const target = dueTomorrow();
    dueDate = target.dueDate;

    // The server agrees on the deadline of that achievement date.
    const computed = await http(t())
      .get('/api/calendar/deadline')
      .query({ rule: 'DX-4', from: target.achievementDate })
      .set('Authorization', bearer(t(), { role: 'drafter', unitId: unit.id }));
    expectStatus(computed, 200);
    expect(computed.body).toMatchObject({ rule: 'DX-4', dueDate });

    proposal = await createProposal(t(), unit.id, null, {
      achievement: { summary: 'Bắt giữ đối tượng trộm cắp', date: target.achievementDate, basis: 'rescue' },
    });
    dueAt = (proposal.deadline as { dueAt: string }).dueAt;
    const untilDue = Date.parse(dueAt) - Date.now();
    if (untilDue > 3 * DAY_MS - 60_000) reminderDays = Math.ceil(untilDue / DAY_MS) + 1;
    await rig.startWorker({ timers: { ...rig.api.config.timers, dx4ReminderDays: reminderDays } });
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  it('the proposal is due at 24:00 Vietnam time of tomorrow (or of the next working day)', () => {
    expect(proposal.deadline).toEqual({ rule: 'DX-4', dueDate, dueAt: `${dueDate}T17:00:00.000Z`, provisional: false });
    if (calendar.isWorkingDay(vnDate(1))) expect(dueDate).toBe(vnDate(1));
    expect(Date.parse(dueAt)).toBeGreaterThan(Date.now() + 60_000);
    expect(Date.parse(dueAt) - reminderDays * DAY_MS).toBeLessThan(Date.now());
  });

  it('gets DEADLINE_REMINDER once, from the system actor, and is left in its stage', async () => {
    const reminded = await waitFor(
      'the reminder',
      async () => {
        const found = await getProposal(t(), proposal.id, { role: 'auditor' });
        return found.escalation === 'reminded' ? found : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    expect(reminded.state).toBe('drafting');
    expect(reminded.version).toBe(2);
    const timers = await timerHistory(t(), proposal.id);
    expect(typesOf(timers)).toEqual(['DEADLINE_REMINDER']);
    expect(timers[0].actor).toEqual({ id: 'system', name: 'system', roles: ['system'], unitId: null });

    const job = await finishedJob(rig.timers, ids().reminder);
    expect(await job.getState()).toBe('completed');
    expect(job.returnvalue).toEqual({ sent: ['DEADLINE_REMINDER'], swept: { proposals: 0, events: 0 } });
  });

  it("its 'missed' and 'escalation' timers are delayed jobs with deterministic IDs, due at dueAt and at the end of the 2nd working day after", async () => {
    const expected = {
      missed: Date.parse(dueAt),
      escalation: endOfLocalDay(calendar.addWorkingDays(dueDate, 2)),
    };
    for (const kind of ['missed', 'escalation'] as const) {
      const job = await waitFor(`job ${ids()[kind]}`, () => rig.timers.getJob(ids()[kind]));
      expect(job.id).toBe(ids()[kind]);
      expect(job.name).toBe('deadline.fire');
      expect(job.data).toEqual({ proposalId: proposal.id, kind, dueAt });
      expect(await job.getState()).toBe('delayed');
      expect(Math.abs(dueTimeOf(job) - expected[kind])).toBeLessThan(2_000);
    }
    expect(await rig.timers.getDelayedCount()).toBe(2);
  });

  it('nothing more: a few seconds later and after a reconciliation, still one reminder and the same two delayed jobs', async () => {
    await sleep(3_000);
    const result = await reconcileThroughQueue(rig);
    expect(result).toEqual({ examined: 1, armed: 0 });
    await sleep(1_000);
    expect(typesOf(await timerHistory(t(), proposal.id))).toEqual(['DEADLINE_REMINDER']);
    const found = await getProposal(t(), proposal.id, { role: 'auditor' });
    expect([found.version, found.escalation]).toEqual([2, 'reminded']);
    const delayed = await rig.timers.getDelayed(0, -1);
    expect(delayed.map((job) => job.id).sort()).toEqual([ids().escalation, ids().missed].sort());
    expect(await rig.timers.getFailedCount()).toBe(0);
  });

  it('a second firing of the reminder (a retry, a duplicate) logs nothing', async () => {
    const job = await rig.timers.add('deadline.fire', { proposalId: proposal.id, kind: 'reminder', dueAt }, { jobId: `again.${proposal.id}` });
    const done = await finishedJob(rig.timers, job.id!);
    expect(done.returnvalue).toEqual({ sent: [], swept: { proposals: 0, events: 0 } });
    expect(typesOf(await timerHistory(t(), proposal.id))).toEqual(['DEADLINE_REMINDER']);
  });
});
