import type { INestApplicationContext } from '@nestjs/common';
import { createProposal, createUnit, type ProposalBody } from '../support/api.js';
import { describeEachDatabase } from '../support/test-app.js';
import { countsFor, sleep, startTimerRig, timerEventCounts, vnDate, type TimerRig } from '../support/timers-rig.js';
import { waitFor } from '../support/wait.js';
import type { FiringOutcome } from '#proposals';
import { DeadlineTimersProcessor } from '../../apps/worker/src/deadlines/deadline-timers.processor.js';

/**
 * ISSUE 4, "two workers, each timer acts once": two workers (each with its own database connection, relay,
 * scheduler and processors) against one Redis and one database. Every timer of 30 overdue proposals is due at
 * once; on top of the deterministic jobs, a second copy of each timer under another job ID makes the two
 * workers race on the same proposal, so that the row re-read and the compare-and-set, not only BullMQ's
 * job-ID dedup, are what keep it to one event.
 */

const PROPOSALS = 30;

describeEachDatabase('deadline timers: two workers', (database) => {
  let rig: TimerRig;
  let proposals: ProposalBody[] = [];
  const workers: INestApplicationContext[] = [];
  const completedBy = [0, 0];
  const t = () => rig.api;

  beforeAll(async () => {
    rig = await startTimerRig(database, 'kt-timers-two');
    const unit = await createUnit(t());
    for (let i = 0; i < PROPOSALS; i++) {
      proposals.push(
        await createProposal(t(), unit.id, null, { achievement: { summary: `Cứu người ${i}`, date: vnDate(-40 - (i % 5)), basis: 'rescue' } }),
      );
    }
    // Copies under other IDs, waiting for the workers together with the jobs the workers arm themselves.
    await rig.timers.addBulk(
      proposals.flatMap((proposal) =>
        (['missed', 'escalation'] as const).map((kind) => ({
          name: 'deadline.fire',
          data: { proposalId: proposal.id, kind, dueAt: (proposal.deadline as { dueAt: string }).dueAt },
          opts: { jobId: `copy.${kind}.${proposal.id}`, attempts: 8, backoff: { type: 'exponential', delay: 200 } },
        })),
      ),
    );
    workers.push(...(await Promise.all([rig.startWorker(), rig.startWorker()])));
    workers.forEach((worker, index) => worker.get(DeadlineTimersProcessor).worker.on('completed', () => completedBy[index]++));
  }, 90_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  it(`each of ${PROPOSALS} overdue proposals gets DEADLINE_MISSED exactly once (and ESCALATE exactly once)`, async () => {
    await waitFor(
      'every proposal escalated',
      async () => {
        const counts = await timerEventCounts(t());
        return proposals.every((proposal) => countsFor(counts, proposal.id).ESCALATE >= 1);
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    await waitFor(
      'the timer queue drained',
      async () => {
        const counts = await rig.timers.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
        return Object.values(counts).every((n) => n === 0);
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    await sleep(2_000);
    const counts = await timerEventCounts(t());
    const wrong = proposals
      .map((proposal) => ({ id: proposal.id, ...countsFor(counts, proposal.id) }))
      .filter((c) => c.DEADLINE_MISSED !== 1 || c.ESCALATE !== 1 || c.DEADLINE_REMINDER !== 0);
    expect(wrong).toEqual([]);
    expect(counts.size).toBe(PROPOSALS);
  });

  it('no timer job failed for good, and the jobs between them claim exactly the events in the log', async () => {
    expect(await rig.timers.getFailedCount()).toBe(0);
    const completed = await rig.timers.getCompleted(0, -1);
    // A job reports what it sent to its own proposal and, when it swept its due instant, how many events it
    // sent to the others; a copy that found the work done claims nothing. Double work would show here as a
    // claim without an event, or as a second event in the log (checked above).
    const outcomes = completed.filter((job) => job.name === 'deadline.fire').map((job) => job.returnvalue as FiringOutcome);
    const claimed = outcomes.reduce((n, outcome) => n + outcome.sent.length + outcome.swept.events, 0);
    expect(claimed).toBe(PROPOSALS * 2);
    // Both workers took timer jobs (the listeners were attached after start-up, so these are lower bounds).
    expect(workers).toHaveLength(2);
    expect(completedBy[0]).toBeGreaterThan(0);
    expect(completedBy[1]).toBeGreaterThan(0);
  });
});
