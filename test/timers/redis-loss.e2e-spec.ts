import { createCampaign, createProposal, createUnit, getProposal, type ProposalBody } from '../support/api.js';
import {
  deleteKeysOfPrefix,
  dueTimeOf,
  jobStates,
  keysOfPrefix,
  sleep,
  startTimerRig,
  timerHistory,
  timerIds,
  typesOf,
  vnDate,
  type TimerRig,
} from '../support/timers-rig.js';
import { waitFor } from '../support/wait.js';

/**
 * ISSUE 4, "FLUSHDB on Redis and the jobs come back". The shared Redis is not flushed: every key of this suite's
 * QUEUE_PREFIX is deleted, which is what a FLUSHDB does to this deployment. With RECONCILE_EVERY_MS = 2000 the
 * watchdog looks every second, finds the 'reconcile-deadlines' scheduler gone, puts it back and reconciles.
 */

const RECONCILE_EVERY_MS = 2_000;
const SCHEDULER_ID = 'reconcile-deadlines';

describe('deadline timers: Redis loses every key of the deployment', () => {
  let rig: TimerRig;
  let open: ProposalBody[];
  let overdue: ProposalBody;
  const t = () => rig.api;
  const dueAtOf = (proposal: ProposalBody) => (proposal.deadline as { dueAt: string }).dueAt;
  const allOpenIds = () => open.flatMap((proposal) => Object.values(timerIds(proposal.id, dueAtOf(proposal))));
  /** Each job's ID and the instant it is due, for comparing before and after the loss. */
  const snapshotJobs = async () => {
    const jobs = await Promise.all(allOpenIds().map((id) => rig.timers.getJob(id)));
    return jobs.map((job) => (job ? { id: job.id, state: 'present', due: Math.round(dueTimeOf(job) / 1000) } : null));
  };

  beforeAll(async () => {
    rig = await startTimerRig('sqlite', 'kt-timers-flush');
    await rig.startWorker({ reconcileEveryMs: RECONCILE_EVERY_MS });
    const unit = await createUnit(t());
    const campaign = await createCampaign(t(), { ceremonyDate: vnDate(90) });
    open = [
      await createProposal(t(), unit.id, null, { achievement: { summary: 'Cứu người', date: vnDate(-1), basis: 'rescue' } }),
      await createProposal(t(), unit.id, null, { achievement: { summary: 'Cứu người', date: vnDate(-2), basis: 'rescue' } }),
      await createProposal(t(), unit.id, campaign.id),
      await createProposal(t(), unit.id, campaign.id),
    ];
    overdue = await createProposal(t(), unit.id, null, { achievement: { summary: 'Cứu người', date: vnDate(-40), basis: 'rescue' } });
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  let before: Awaited<ReturnType<typeof snapshotJobs>>;

  it('before: every open deadline has its three delayed jobs, the overdue one has been escalated, the scheduler exists', async () => {
    await waitFor(
      'all timers armed',
      async () => (await jobStates(rig.timers, allOpenIds())).every((state) => state === 'delayed'),
      { timeoutMs: 15_000, intervalMs: 50 },
    );
    await waitFor('the overdue proposal escalated', async () => (await getProposal(t(), overdue.id, { role: 'auditor' })).escalation === 'escalated', {
      timeoutMs: 15_000,
      intervalMs: 100,
    });
    expect(await rig.maintenance.getJobScheduler(SCHEDULER_ID)).toMatchObject({ key: SCHEDULER_ID, every: RECONCILE_EVERY_MS });
    before = await snapshotJobs();
    expect(before.every(Boolean)).toBe(true);
  });

  it('after every key of the prefix is deleted, the jobs come back within 10 s, due when they were, and the scheduler is back', async () => {
    const lost = await deleteKeysOfPrefix(rig.redis, rig.prefix);
    expect(lost).toBeGreaterThan(allOpenIds().length);
    const startedAt = Date.now();
    expect(await rig.maintenance.getJobScheduler(SCHEDULER_ID)).toBeFalsy();

    await waitFor(
      'the timer jobs back',
      async () => (await jobStates(rig.timers, allOpenIds())).every((state) => state === 'delayed'),
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    const back = Date.now() - startedAt;
    expect(back).toBeLessThan(10_000);
    expect(await rig.maintenance.getJobScheduler(SCHEDULER_ID)).toMatchObject({ key: SCHEDULER_ID, every: RECONCILE_EVERY_MS });
    // Same IDs, due at the same second: re-armed, not fired early.
    expect(await snapshotJobs()).toEqual(before);
  });

  it('nothing fired twice: the overdue proposal, already escalated, gets no job and no event; the open ones logged nothing', async () => {
    await sleep(2 * RECONCILE_EVERY_MS);
    expect(typesOf(await timerHistory(t(), overdue.id))).toEqual(['DEADLINE_MISSED', 'ESCALATE']);
    expect(await jobStates(rig.timers, Object.values(timerIds(overdue.id, dueAtOf(overdue))))).toEqual(['absent', 'absent', 'absent']);
    for (const proposal of open) expect(await timerHistory(t(), proposal.id)).toEqual([]);
  });

  it('the restored scheduler keeps reconciling: a single timer job that goes missing is back within two periods', async () => {
    const victim = timerIds(open[0].id, dueAtOf(open[0])).missed;
    await (await rig.timers.getJob(victim))!.remove();
    expect(await jobStates(rig.timers, [victim])).toEqual(['absent']);
    await waitFor('the missing job re-armed', async () => (await jobStates(rig.timers, [victim]))[0] === 'delayed', {
      timeoutMs: 2 * RECONCILE_EVERY_MS + 3_000,
      intervalMs: 100,
    });
    expect(await rig.maintenance.getJobScheduler(SCHEDULER_ID)).toMatchObject({ key: SCHEDULER_ID });
  });

  it('a second loss is survived the same way', async () => {
    await deleteKeysOfPrefix(rig.redis, rig.prefix);
    await waitFor(
      'the timer jobs back again',
      async () => (await jobStates(rig.timers, allOpenIds())).every((state) => state === 'delayed'),
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    expect(await rig.maintenance.getJobScheduler(SCHEDULER_ID)).toBeTruthy();
    expect((await keysOfPrefix(rig.redis, rig.prefix)).length).toBeGreaterThan(0);
  });
});
