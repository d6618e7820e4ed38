import type { INestApplicationContext } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { obliterateQueues } from '../support/notices.js';
import { createCampaign, createProposal, createUnit, daysFromToday, postEvent, walkTo, type Seed } from '../support/api.js';
import { describeEachDatabase, REDIS_URL, startTestApp, startTestWorker, uniqueQueuePrefix, type TestApp, PAPER_DOSSIERS} from '../support/test-app.js';
import { waitFor } from '../support/wait.js';
import { OutboxRelay } from '../../apps/worker/src/outbox-relay.service.js';

interface OutboxRow {
  id: number;
  topic: string;
  message_key: string;
  created_at: string;
}

describeEachDatabase('outbox relay: committed transitions reach BullMQ', (database) => {
  const prefix = uniqueQueuePrefix('kt-relay');
  let api: TestApp | undefined;
  let worker: INestApplicationContext | undefined;
  let queue: Queue | undefined;
  let home: Seed;

  beforeAll(async () => {
    api = await startTestApp({ database, queuePrefix: prefix, env: PAPER_DOSSIERS });
    // The worker opens the API's own database (the same SQLite file, or the same PostgreSQL database); the
    // API already ran the migrations.
    worker = await startTestWorker({ ...api.config, migrationsRun: false });
    queue = new Queue('domain-events', { connection: { url: REDIS_URL }, prefix });
    // A ceremony far ahead: no deadline timer fires and adds events of its own while these tests count jobs.
    home = { unit: await createUnit(api), campaign: await createCampaign(api, { ceremonyDate: daysFromToday(3 * 365) }) };
  }, 30_000);

  afterAll(async () => {
    // Each step runs even when an earlier one failed, so that no connection keeps Jest alive.
    try {
      await worker?.close();
    } finally {
      try {
        // The worker registers every queue of the registry (timers, notices), not only the one read here.
        await expect(obliterateQueues(prefix)).resolves.toEqual([]);
      } finally {
        await queue?.close();
        await api?.close();
      }
    }
  }, 30_000);

  const t = () => api!;
  const q = () => queue!;

  const outboxRows = (proposalId: string) =>
    t().dataSource.query(
      t().database === 'postgres'
        ? 'SELECT id, topic, message_key, created_at FROM outbox WHERE message_key LIKE $1 ORDER BY id'
        : 'SELECT id, topic, message_key, created_at FROM outbox WHERE message_key LIKE ? ORDER BY id',
      [`${proposalId}:%`],
    ) as Promise<OutboxRow[]>;

  /** A relayed row is deleted: the outbox holds only what is still to be published. */
  const relayed = (proposalId: string) =>
    waitFor(`every outbox row of ${proposalId} relayed`, async () => (await outboxRows(proposalId)).length === 0);

  const jobsOf = async (proposalId: string) =>
    (await q().getJobs(['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children'], 0, -1)).filter(
      (job) => (job.data as { proposalId?: string }).proposalId === proposalId,
    );

  it('the worker runs against the database the API migrated (migrationsRun false)', () => {
    expect(t().config.database.kind).toBe(database);
    expect(worker!.get(OutboxRelay)).toBeInstanceOf(OutboxRelay);
  });

  it('a transition made over HTTP becomes job proposal.transitioned.<id>.<seq> in domain-events, and its outbox row is deleted', async () => {
    const proposal = await createProposal(t(), home.unit.id, home.campaign.id);
    const submitted = await postEvent(t(), proposal.id, { role: 'drafter', unitId: home.unit.id }, { type: 'SUBMIT' });
    expect(submitted.status).toBe(200);

    const jobId = `proposal.transitioned.${proposal.id}.2`;
    const job = await waitFor<Job>(`job ${jobId}`, () => q().getJob(jobId));
    expect(job.id).toBe(jobId);
    expect(job.name).toBe('proposal.transitioned');
    expect(job.data).toEqual({ proposalId: proposal.id, seq: 2, type: 'SUBMIT', from: 'drafting', to: 'unitDecision', at: expect.any(String) });
    expect(job.opts.attempts).toBe(5);

    const created = await waitFor<Job>('the proposal.created job', () => q().getJob(`proposal.created.${proposal.id}.1`));
    expect(created.data).toMatchObject({ proposalId: proposal.id, seq: 1, state: 'drafting' });

    await relayed(proposal.id);
    await expect(jobsOf(proposal.id).then((found) => found.map((job) => job.id).sort())).resolves.toEqual([
      `proposal.created.${proposal.id}.1`,
      `proposal.transitioned.${proposal.id}.2`,
    ]);
  });

  it('the worker consumes what it relayed: the job completes', async () => {
    const proposal = await createProposal(t(), home.unit.id, home.campaign.id);
    expect((await postEvent(t(), proposal.id, { role: 'drafter', unitId: home.unit.id }, { type: 'WITHDRAW' })).status).toBe(200);
    const jobId = `proposal.transitioned.${proposal.id}.2`;
    await waitFor(`job ${jobId} completed`, async () => (await q().getJob(jobId)) && (await q().getJobState(jobId)) === 'completed');
    const job = (await q().getJob(jobId))!;
    expect(job.returnvalue).toEqual({ handled: 'proposal.transitioned' });
    expect(job.data).toMatchObject({ type: 'WITHDRAW', from: 'drafting', to: 'withdrawn' });
  });

  it('a whole walk gives one job per event, in order, and leaves nothing pending', async () => {
    const proposal = await walkTo(t(), await createProposal(t(), home.unit.id, home.campaign.id), 'awarded');
    expect(proposal.version).toBe(6);
    const ids = [`proposal.created.${proposal.id}.1`, ...[2, 3, 4, 5, 6].map((seq) => `proposal.transitioned.${proposal.id}.${seq}`)];
    const jobs = await waitFor('six jobs', async () => {
      const found = await Promise.all(ids.map((id) => q().getJob(id)));
      return found.every(Boolean) ? (found as Job[]) : undefined;
    });
    expect(jobs.slice(1).map((job) => [job.data.type, job.data.to])).toEqual([
      ['SUBMIT', 'unitDecision'],
      ['FORWARD', 'councilScreening'],
      ['RECOMMEND', 'homeAffairsAgreement'],
      ['AGREE', 'chairmanDecision'],
      ['APPROVE', 'awarded'],
    ]);
    await relayed(proposal.id);
    await expect(jobsOf(proposal.id).then((found) => found.length)).resolves.toBe(6);
  });

  it('relaying the same rows again (a crash before they were deleted) adds no second job', async () => {
    const proposal = await createProposal(t(), home.unit.id, home.campaign.id);
    expect((await postEvent(t(), proposal.id, { role: 'drafter', unitId: home.unit.id }, { type: 'SUBMIT' })).status).toBe(200);
    await waitFor('both jobs', async () => (await jobsOf(proposal.id)).length === 2);
    await relayed(proposal.id);
    const published = await jobsOf(proposal.id);

    // The rows back as the transactions wrote them, as if the worker had died between addBulk and the delete.
    const restore =
      t().database === 'postgres'
        ? 'INSERT INTO outbox (topic, message_key, payload, created_at) VALUES ($1, $2, $3, $4)'
        : 'INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)';
    for (const job of published) {
      const { seq, at } = job.data as { seq: number; at: string };
      await t().dataSource.query(restore, [job.name, `${proposal.id}:${seq}`, JSON.stringify(job.data), at]);
    }
    // Only the relay deletes a row, and only after publishing it: once they are gone, they went out again.
    await relayed(proposal.id);
    await expect(jobsOf(proposal.id).then((found) => found.map((job) => job.id).sort())).resolves.toEqual([
      `proposal.created.${proposal.id}.1`,
      `proposal.transitioned.${proposal.id}.2`,
    ]);
  });

  it('a refused event writes no outbox row and so no job', async () => {
    const proposal = await createProposal(t(), home.unit.id, home.campaign.id);
    const refused = await postEvent(t(), proposal.id, { role: 'council' }, { type: 'SUBMIT' });
    expect(refused.status).toBe(403);
    await waitFor('the proposal.created job', () => q().getJob(`proposal.created.${proposal.id}.1`));
    await relayed(proposal.id);
    await expect(jobsOf(proposal.id).then((found) => found.map((job) => job.name))).resolves.toEqual(['proposal.created']);
    await expect(q().getJob(`proposal.transitioned.${proposal.id}.2`)).resolves.toBeUndefined();
  });
});
