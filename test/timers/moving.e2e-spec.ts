import type { Job } from 'bullmq';
import { createWorkingCalendar, th5Deadline } from '#calendar';
import { jobIdFor } from '#queue';
import {
  bearer,
  createCampaign,
  createProposal,
  createUnit,
  expectStatus,
  getProposal,
  http,
  postEvent,
  walkTo,
  type ProposalBody,
  type UnitBody,
} from '../support/api.js';
import {
  dueTimeOf,
  finishedJob,
  jobState,
  jobStates,
  reconcileThroughQueue,
  startTimerRig,
  timerHistory,
  timerIds,
  vnDate,
  type TimerRig,
} from '../support/timers-rig.js';
import { waitFor } from '../support/wait.js';

/**
 * ISSUE 4, "a ceremony moved later moves the deadline and its jobs", and "leaving the stage a deadline guards
 * cancels its jobs".
 */

const calendar = createWorkingCalendar();
const startOfLocalDay = (date: string) => Date.parse(`${date}T00:00:00.000Z`) - 7 * 3_600_000;
const endOfLocalDay = (date: string) => Date.parse(`${date}T17:00:00.000Z`);
const digits = (dueAt: string) => dueAt.replace(/\D/g, '');

type Deadline = { rule: string; dueDate: string; dueAt: string; provisional: boolean };

/** The instants a TH-5 deadline's three timers are due (reminder 5 working days before, escalation 2 after). */
const th5Plan = (deadline: Deadline) => ({
  reminder: startOfLocalDay(calendar.subtractWorkingDays(deadline.dueDate, 5)),
  missed: Date.parse(deadline.dueAt),
  escalation: endOfLocalDay(calendar.addWorkingDays(deadline.dueDate, 2)),
});

async function delayedTimers(rig: TimerRig, proposalId: string, dueAt: string): Promise<Record<'reminder' | 'missed' | 'escalation', Job>> {
  const ids = timerIds(proposalId, dueAt);
  return waitFor(
    `three delayed timer jobs of ${proposalId} for ${dueAt}`,
    async () => {
      const jobs = await Promise.all([ids.reminder, ids.missed, ids.escalation].map((id) => rig.timers.getJob(id)));
      if (jobs.some((job) => !job)) return undefined;
      const states = await Promise.all(jobs.map((job) => job!.getState()));
      if (states.some((state) => state !== 'delayed')) return undefined;
      return { reminder: jobs[0]!, missed: jobs[1]!, escalation: jobs[2]! };
    },
    { timeoutMs: 15_000, intervalMs: 50 },
  );
}

/** The domain event the worker handles after this proposal's event `seq` (it syncs the timers) has completed. */
async function eventHandled(rig: TimerRig, proposalId: string, seq: number) {
  const jobId = seq === 1 ? `proposal.created.${proposalId}.1` : `proposal.transitioned.${proposalId}.${seq}`;
  const queue = rig.queue('domain-events');
  await waitFor(`domain event ${jobId} handled`, async () => (await jobState(queue, jobId)) === 'completed', { timeoutMs: 15_000, intervalMs: 50 });
}

describe('deadline timers: a ceremony moved later', () => {
  let rig: TimerRig;
  let unit: UnitBody;
  let campaign: { id: string } & Record<string, unknown>;
  let drafting: ProposalBody;
  let submitted: ProposalBody;
  let forwarded: ProposalBody;
  const firstCeremony = vnDate(120);
  const movedCeremony = vnDate(155);
  const t = () => rig.api;

  beforeAll(async () => {
    rig = await startTimerRig('sqlite', 'kt-timers-moving');
    await rig.startWorker();
    unit = await createUnit(t());
    campaign = await createCampaign(t(), { ceremonyDate: firstCeremony });
    drafting = await createProposal(t(), unit.id, campaign.id);
    submitted = await walkTo(t(), await createProposal(t(), unit.id, campaign.id), 'unitDecision');
    forwarded = await walkTo(t(), await createProposal(t(), unit.id, campaign.id), 'councilScreening');
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  const oldDeadline = () => drafting.deadline as Deadline;

  it('before the move: the open proposals have TH-5 timers for the first ceremony', async () => {
    const expected = th5Deadline(firstCeremony, calendar);
    expect(oldDeadline()).toEqual({ rule: 'TH-5', dueDate: expected.dueDate, dueAt: expected.dueAt, provisional: expected.provisional });
    for (const proposal of [drafting, submitted]) {
      const jobs = await delayedTimers(rig, proposal.id, oldDeadline().dueAt);
      const plan = th5Plan(oldDeadline());
      for (const kind of ['reminder', 'missed', 'escalation'] as const) expect(Math.abs(dueTimeOf(jobs[kind]) - plan[kind])).toBeLessThan(2_000);
    }
    await eventHandled(rig, forwarded.id, 3);
    expect(await jobStates(rig.timers, Object.values(timerIds(forwarded.id, oldDeadline().dueAt)))).toEqual(['absent', 'absent', 'absent']);
  });

  it('PATCH /api/campaigns/:id moves the deadline of the open proposals, and GET shows it', async () => {
    const response = await http(t())
      .patch(`/api/campaigns/${campaign.id}`)
      .set('Authorization', bearer(t(), { role: 'home_affairs' }))
      .send({ ceremonyDate: movedCeremony });
    expectStatus(response, 200);
    const moved = th5Deadline(movedCeremony, calendar);
    expect(response.body).toMatchObject({ ceremonyDate: movedCeremony, proposalsMoved: 2, dossierDeadline: { rule: 'TH-5', dueDate: moved.dueDate } });
    expect(moved.dueAt > oldDeadline().dueAt).toBe(true);

    const got = await http(t()).get(`/api/campaigns/${campaign.id}`).set('Authorization', bearer(t(), { role: 'home_affairs' }));
    expectStatus(got, 200);
    expect(got.body).toMatchObject({ ceremonyDate: movedCeremony, dossierDeadline: { dueDate: moved.dueDate, dueAt: moved.dueAt } });

    for (const proposal of [drafting, submitted]) {
      const now = await getProposal(t(), proposal.id, { role: 'auditor' });
      expect(now.deadline).toMatchObject({ rule: 'TH-5', dueDate: moved.dueDate, dueAt: moved.dueAt });
    }
    // A proposal past the guarded stages keeps the deadline it met.
    expect((await getProposal(t(), forwarded.id, { role: 'auditor' })).deadline).toEqual(oldDeadline());
  });

  it('new delayed jobs exist for the new dueAt (their IDs carry its digits), due at the new instants', async () => {
    const moved = th5Deadline(movedCeremony, calendar);
    const plan = th5Plan({ rule: 'TH-5', dueDate: moved.dueDate, dueAt: moved.dueAt, provisional: moved.provisional });
    for (const proposal of [drafting, submitted]) {
      const jobs = await delayedTimers(rig, proposal.id, moved.dueAt);
      for (const kind of ['reminder', 'missed', 'escalation'] as const) {
        expect(jobs[kind].id).toBe(`deadline.fire.${kind}.${proposal.id}.${digits(moved.dueAt)}`);
        expect(jobs[kind].data).toEqual({ proposalId: proposal.id, kind, dueAt: moved.dueAt });
        expect(Math.abs(dueTimeOf(jobs[kind]) - plan[kind])).toBeLessThan(2_000);
      }
    }
    expect(await jobStates(rig.timers, Object.values(timerIds(forwarded.id, moved.dueAt)))).toEqual(['absent', 'absent', 'absent']);
  });

  it('the old jobs, made to fire now, change nothing and log nothing', async () => {
    for (const proposal of [drafting, submitted]) {
      const before = await getProposal(t(), proposal.id, { role: 'auditor' });
      for (const id of Object.values(timerIds(proposal.id, oldDeadline().dueAt))) {
        const job = await rig.timers.getJob(id);
        if (!job) continue; // removed: it cannot fire at all
        if ((await job.getState()) === 'delayed') await job.promote();
        const done = await finishedJob(rig.timers, id);
        expect(await done.getState()).toBe('completed');
        expect(done.returnvalue).toEqual({ sent: [], swept: { proposals: 0, events: 0 } });
      }
      const after = await getProposal(t(), proposal.id, { role: 'auditor' });
      expect([after.version, after.escalation, after.state]).toEqual([before.version, 'none', before.state]);
      expect(await timerHistory(t(), proposal.id)).toEqual([]);
    }
    // The new timers are still waiting.
    const moved = th5Deadline(movedCeremony, calendar);
    for (const proposal of [drafting, submitted]) await delayedTimers(rig, proposal.id, moved.dueAt);
  });

  it("a reconciliation of the campaign arms nothing more: every open deadline's jobs are there", async () => {
    expect(await reconcileThroughQueue(rig, campaign.id)).toEqual({ examined: 2, armed: 0 });
  });
});

describe('deadline timers: leaving the guarded stage cancels them', () => {
  let rig: TimerRig;
  let unit: UnitBody;
  let proposal: ProposalBody;
  let dueAt: string;
  const t = () => rig.api;

  beforeAll(async () => {
    rig = await startTimerRig('sqlite', 'kt-timers-cancel');
    await rig.startWorker();
    unit = await createUnit(t());
    proposal = await createProposal(t(), unit.id, null, { achievement: { summary: 'Cứu người đuối nước', date: vnDate(-1), basis: 'rescue' } });
    dueAt = (proposal.deadline as Deadline).dueAt;
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  it('while drafting and after SUBMIT (still guarded) the three timers wait', async () => {
    expect(Date.parse(dueAt) - 3 * 86_400_000).toBeGreaterThan(Date.now() + 86_400_000);
    await delayedTimers(rig, proposal.id, dueAt);
    const submitted = await postEvent(t(), proposal.id, { role: 'drafter', unitId: unit.id }, { type: 'SUBMIT' });
    expectStatus(submitted, 200);
    expect(submitted.body.state).toBe('unitDecision');
    await eventHandled(rig, proposal.id, 2);
    await delayedTimers(rig, proposal.id, dueAt);
  });

  it('FORWARD (the deadline is met) removes its timer jobs', async () => {
    const forwarded = await postEvent(t(), proposal.id, { role: 'unit_head', unitId: unit.id }, { type: 'FORWARD' });
    expectStatus(forwarded, 200);
    expect(forwarded.body.state).toBe('councilScreening');
    await eventHandled(rig, proposal.id, 3);
    await waitFor('the timer jobs removed', async () => {
      const states = await jobStates(rig.timers, Object.values(timerIds(proposal.id, dueAt)));
      return states.every((state) => state === 'absent') ? states : undefined;
    }, { timeoutMs: 5_000 });
  });

  it('a reconciliation does not arm them again', async () => {
    expect(await reconcileThroughQueue(rig)).toEqual({ examined: 0, armed: 0 });
    expect(await jobStates(rig.timers, Object.values(timerIds(proposal.id, dueAt)))).toEqual(['absent', 'absent', 'absent']);
  });

  it('if they fired anyway (a copy that escaped the removal), they would log nothing', async () => {
    const before = await getProposal(t(), proposal.id, { role: 'auditor' });
    for (const kind of ['reminder', 'missed', 'escalation'] as const) {
      await rig.timers.add('deadline.fire', { proposalId: proposal.id, kind, dueAt }, { jobId: `escaped.${kind}.${proposal.id}` });
    }
    for (const kind of ['reminder', 'missed', 'escalation'] as const) {
      const done = await finishedJob(rig.timers, `escaped.${kind}.${proposal.id}`);
      expect(await done.getState()).toBe('completed');
      expect(done.returnvalue).toEqual({ sent: [], swept: { proposals: 0, events: 0 } });
    }
    const after = await getProposal(t(), proposal.id, { role: 'auditor' });
    expect([after.version, after.state, after.escalation]).toEqual([before.version, 'councilScreening', 'none']);
    expect(await timerHistory(t(), proposal.id)).toEqual([]);
  });
});

/**
 * A deadline that goes away and comes back. The ceremony was on `back` (deadline X, now just past); it was
 * moved to a later date before X, so the timers armed for X fired while the deadline was elsewhere and, being
 * stale, sent nothing (the reminder and the missed timer; the escalation timer of X is still waiting). Now the
 * ceremony is moved back: the deadline is X again, and it has passed, so DEADLINE_MISSED is due at once
 * ("a job whose time has already passed fires at once").
 *
 * The X timers' past is reproduced by adding them under their deterministic IDs while the deadline is on the
 * later date: Redis then holds exactly what that history leaves (completed jobs are kept a day).
 */
describe('deadline timers: a ceremony moved away and back', () => {
  let rig: TimerRig;
  let campaign: { id: string } & Record<string, unknown>;
  let proposal: ProposalBody;
  let back: string;
  let x: ReturnType<typeof th5Deadline>;
  const t = () => rig.api;

  beforeAll(async () => {
    rig = await startTimerRig('sqlite', 'kt-timers-back');
    await rig.startWorker();
    // The ceremony whose TH-5 deadline is the latest one already past.
    for (let days = 0; days <= 40; days++) {
      const deadline = th5Deadline(vnDate(days), calendar);
      if (Date.parse(deadline.dueAt) < Date.now() - 60_000 && (!x || deadline.dueAt > x.dueAt)) [back, x] = [vnDate(days), deadline];
    }
    const unit = await createUnit(t());
    campaign = await createCampaign(t(), { ceremonyDate: vnDate(150) });
    proposal = await createProposal(t(), unit.id, campaign.id);
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  it('while the deadline was elsewhere, the reminder and missed timers of X fired and sent nothing', async () => {
    await delayedTimers(rig, proposal.id, (proposal.deadline as Deadline).dueAt);
    const ids = timerIds(proposal.id, x.dueAt);
    const escalationAt = endOfLocalDay(calendar.addWorkingDays(x.dueDate, 2));
    for (const kind of ['reminder', 'missed', 'escalation'] as const) {
      const delay = kind === 'escalation' ? Math.max(0, escalationAt - Date.now()) : 0;
      await rig.timers.add('deadline.fire', { proposalId: proposal.id, kind, dueAt: x.dueAt }, { jobId: ids[kind], delay });
    }
    for (const kind of ['reminder', 'missed'] as const) {
      const done = await finishedJob(rig.timers, ids[kind]);
      expect(done.returnvalue).toEqual({ sent: [], swept: { proposals: 0, events: 0 } });
    }
    expect(await timerHistory(t(), proposal.id)).toEqual([]);
  });

  it('moved back to X (now past) only when confirmed: GET shows X and DEADLINE_MISSED is logged at once', async () => {
    const patch = (body: Record<string, unknown>) =>
      http(t()).patch(`/api/campaigns/${campaign.id}`).set('Authorization', bearer(t(), { role: 'home_affairs' })).send(body);
    const unconfirmed = await patch({ ceremonyDate: back });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body).toMatchObject({ code: 'CONFIRMATION_REQUIRED', rule: 'TH-5', proposalsMadeLate: 1 });
    expect((await getProposal(t(), proposal.id, { role: 'auditor' })).deadline).toEqual(proposal.deadline);
    const response = await patch({ ceremonyDate: back, confirm: true });
    expectStatus(response, 200);
    expect(response.body.proposalsMoved).toBe(1);
    expect((await getProposal(t(), proposal.id, { role: 'auditor' })).deadline).toMatchObject({ dueAt: x.dueAt });
    // The reschedule's reconciliation (its outbox message, relayed to the maintenance queue) has run ...
    const reconcile = await finishedJob(rig.maintenance, jobIdFor('deadlines.reconcile', `campaign.${campaign.id}.${response.body.updatedAt}`), 15_000);
    const ids = timerIds(proposal.id, x.dueAt);
    const states = `reconcile returned ${JSON.stringify(reconcile.returnvalue)}; X's jobs are ${(await jobStates(rig.timers, Object.values(ids))).join(', ')}`;
    // ... and the missed deadline must now be logged.
    await waitFor(
      `DEADLINE_MISSED for the deadline that came back (${states})`,
      async () => (await timerHistory(t(), proposal.id)).some((event) => event.type === 'DEADLINE_MISSED'),
      { timeoutMs: 15_000, intervalMs: 200 },
    );
  }, 30_000);
});
