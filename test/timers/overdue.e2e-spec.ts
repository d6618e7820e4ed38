import type { Job } from 'bullmq';
import type { FiringOutcome } from '#proposals';
import { createWorkingCalendar } from '#calendar';
import { createProposal, createUnit, getHistory, getProposal, walkTo, type HistoryEvent, type ProposalBody, type UnitBody } from '../support/api.js';
import { describeEachDatabase } from '../support/test-app.js';
import {
  dueTimeOf,
  finishedJob,
  jobsOfProposal,
  reconcileThroughQueue,
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
 * ISSUE 4, "an overdue proposal gets DEADLINE_MISSED once": extraordinary proposals whose achievement was 40
 * days ago (DX-4 deadline and escalation both long past) get DEADLINE_MISSED and ESCALATE exactly once each,
 * from the system actor, in drafting and in unitDecision; a later reconciliation and a duplicate firing add
 * nothing. A proposal whose deadline is ahead is left alone.
 */

const DAY_MS = 86_400_000;
const calendar = createWorkingCalendar();
const endOfLocalDay = (date: string) => Date.parse(`${date}T17:00:00.000Z`);

/** The hash chain holds: each event names the previous event's hash. */
function expectChained(events: HistoryEvent[]) {
  for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
}

describeEachDatabase('deadline timers: an overdue proposal', (database) => {
  let rig: TimerRig;
  let unit: UnitBody;
  let inDrafting: ProposalBody;
  let inUnitDecision: ProposalBody;
  let ahead: ProposalBody;
  const t = () => rig.api;

  beforeAll(async () => {
    rig = await startTimerRig(database, 'kt-timers-overdue');
    unit = await createUnit(t());
    const overdue = { achievement: { summary: 'Cứu người trong lũ', date: vnDate(-40), basis: 'rescue' } };
    // Created and submitted before any worker runs: the worker finds them overdue when it starts.
    inDrafting = await createProposal(t(), unit.id, null, overdue);
    inUnitDecision = await walkTo(t(), await createProposal(t(), unit.id, null, overdue), 'unitDecision');
    ahead = await createProposal(t(), unit.id, null, { achievement: { summary: 'Cứu người trong lũ', date: vnDate(-1), basis: 'rescue' } });
    await rig.startWorker();
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  it('the fixtures are what the test needs: two deadlines and their escalations long past, one deadline ahead', () => {
    for (const proposal of [inDrafting, inUnitDecision]) {
      const deadline = proposal.deadline as { rule: string; dueDate: string; dueAt: string };
      expect(deadline.rule).toBe('DX-4');
      expect(Date.parse(deadline.dueAt)).toBeLessThan(Date.now() - 20 * DAY_MS);
      expect(endOfLocalDay(calendar.addWorkingDays(deadline.dueDate, 2))).toBeLessThan(Date.now());
    }
    expect(inDrafting.state).toBe('drafting');
    expect(inUnitDecision.state).toBe('unitDecision');
    expect(Date.parse((ahead.deadline as { dueAt: string }).dueAt) - 3 * DAY_MS).toBeGreaterThan(Date.now() + 3 * DAY_MS);
  });

  it.each([
    ['drafting', () => inDrafting],
    ['unitDecision', () => inUnitDecision],
  ])('in %s: DEADLINE_MISSED then ESCALATE, once each, as the system actor, chained into the log', async (state, proposal) => {
    const id = proposal().id;
    const escalated = await waitFor(
      `proposal in ${state} escalated`,
      async () => {
        const found = await getProposal(t(), id, { role: 'auditor' });
        return found.escalation === 'escalated' ? found : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(escalated.state).toBe(state);

    const timers = await timerHistory(t(), id);
    expect(typesOf(timers)).toEqual(['DEADLINE_MISSED', 'ESCALATE']);
    for (const event of timers) {
      expect(event.actor).toEqual({ id: 'system', name: 'system', roles: ['system'], unitId: null });
      expect(event.state).toBe(state);
    }
    expectChained(await getHistory(t(), id));
  });

  it('the timer jobs of the overdue proposals ran at once and between them sent each event once', async () => {
    const jobs: Job[] = [];
    for (const proposal of [inDrafting, inUnitDecision]) {
      const dueAt = (proposal.deadline as { dueAt: string }).dueAt;
      const ids = timerIds(proposal.id, dueAt);
      for (const jobId of [ids.missed, ids.escalation]) {
        const job = await finishedJob(rig.timers, jobId);
        expect(job.data).toEqual({ proposalId: proposal.id, kind: expect.stringMatching(/^(missed|escalation)$/), dueAt });
        // "A job whose time has already passed fires at once": no delay.
        expect(job.delay ?? 0).toBe(0);
        jobs.push(job);
      }
    }
    // Each job reports what it sent to its own proposal plus what it swept for others due at the same
    // instant: together, the four events of the two logs, each claimed once.
    const outcomes = jobs.map((job) => job.returnvalue as FiringOutcome);
    expect(outcomes.reduce((n, outcome) => n + outcome.sent.length + outcome.swept.events, 0)).toBe(4);
  });

  it('a few seconds later, and after a reconciliation, nothing more is logged and nothing is armed again', async () => {
    await sleep(3_000);
    const result = await reconcileThroughQueue(rig);
    expect(result.examined).toBe(3);
    expect(result.armed).toBe(0);
    await sleep(1_000);
    for (const proposal of [inDrafting, inUnitDecision]) {
      expect(typesOf(await timerHistory(t(), proposal.id))).toEqual(['DEADLINE_MISSED', 'ESCALATE']);
      const pending = (await jobsOfProposal(rig.timers, proposal.id)).filter((job) => !job.finishedOn);
      expect(pending.map((job) => job.id)).toEqual([]);
    }
  });

  it('a duplicate or late firing of the same timers (new job IDs, same data) logs nothing', async () => {
    const before = await getProposal(t(), inDrafting.id, { role: 'auditor' });
    const dueAt = (inDrafting.deadline as { dueAt: string }).dueAt;
    const added: Job[] = [];
    for (const kind of ['reminder', 'missed', 'escalation'] as const) {
      added.push(await rig.timers.add('deadline.fire', { proposalId: inDrafting.id, kind, dueAt }, { jobId: `duplicate.${kind}.${inDrafting.id}` }));
    }
    for (const job of added) {
      const done = await finishedJob(rig.timers, job.id!);
      expect(await done.getState()).toBe('completed');
      expect(done.returnvalue).toEqual({ sent: [], swept: { proposals: 0, events: 0 } });
    }
    const after = await getProposal(t(), inDrafting.id, { role: 'auditor' });
    expect(after.version).toBe(before.version);
    expect(typesOf(await timerHistory(t(), inDrafting.id))).toEqual(['DEADLINE_MISSED', 'ESCALATE']);
  });

  it('the proposal whose deadline is ahead logged nothing; its three timers wait, due at the planned instants', async () => {
    expect(await timerHistory(t(), ahead.id)).toEqual([]);
    const deadline = ahead.deadline as { dueDate: string; dueAt: string };
    const ids = timerIds(ahead.id, deadline.dueAt);
    const expectedDue = {
      reminder: Date.parse(deadline.dueAt) - 3 * DAY_MS,
      missed: Date.parse(deadline.dueAt),
      escalation: endOfLocalDay(calendar.addWorkingDays(deadline.dueDate, 2)),
    };
    for (const kind of ['reminder', 'missed', 'escalation'] as const) {
      const job = await waitFor(`job ${ids[kind]}`, () => rig.timers.getJob(ids[kind]));
      expect(await job.getState()).toBe('delayed');
      expect(Math.abs(dueTimeOf(job) - expectedDue[kind])).toBeLessThan(2_000);
    }
  });
});
