import type { INestApplicationContext } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { bearer, createUnit, expectStatus, fieldsOf, http, type ProposalBody } from '../support/api.js';
import {
  futureCampaign,
  obliterateQueues,
  proposalWithDeadline,
  sendTimerEvent,
  signatureValid,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/notices.js';
import { describeEachDatabase, REDIS_URL, startTestApp, startTestWorker, testConfig, uniqueQueuePrefix, type TestApp, PAPER_DOSSIERS} from '../support/test-app.js';
import { waitFor } from '../support/wait.js';
import { NoticeDeliveriesProcessor } from '../../apps/worker/src/notice-deliveries.processor.js';

const NOMINEE = 'Lê Văn Cường';
const BACKOFF_MS = 25;
/** JOB_OPTIONS['notice.webhook'].attempts, written out: the suite checks the code against the number. */
const ATTEMPTS = 8;

interface DeliveryLogBody {
  id: string;
  key: string;
  noticeId: string;
  proposalId: string;
  event: string;
  channel: string;
  webhookId: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  log: { attempt: number; at: string; statusCode: number | null; error: string | null; durationMs: number; outcome: string }[];
}

describeEachDatabase('notices: webhooks, signed, retried with backoff, dead-lettered', (database) => {
  const prefix = uniqueQueuePrefix('kt-hooks');
  let api: TestApp | undefined;
  let worker: INestApplicationContext | undefined;
  let receiver: WebhookReceiver | undefined;
  let deliveries: Queue | undefined;
  let proposal: ProposalBody;
  let unitId = '';
  const hooks: Record<string, { id: string; secret: string }> = {};

  const admin = { role: 'admin' as const };
  const register = (body: Record<string, unknown>, caller: Parameters<typeof bearer>[1] = admin) =>
    http(api!).post('/api/webhooks').set('Authorization', bearer(api!, caller)).send(body);
  const log = async (hook: string): Promise<DeliveryLogBody[]> => {
    const response = await http(api!).get(`/api/webhooks/${hooks[hook].id}/deliveries`).set('Authorization', bearer(api!, admin));
    expectStatus(response, 200);
    return response.body.items;
  };

  beforeAll(async () => {
    api = await startTestApp({ database, queuePrefix: prefix, env: PAPER_DOSSIERS });
    // The worker reads its own configuration, through loadConfig, with a short delivery backoff.
    worker = await startTestWorker(testConfig({ DATABASE_URL: api.config.database.url, QUEUE_PREFIX: prefix, DELIVERY_BACKOFF_MS: String(BACKOFF_MS) }));
    receiver = await startWebhookReceiver({
      '/ok': [204],
      '/flaky': [500, 500, 500, 200],
      '/down': [500, 503],
      '/reminders-only': [200],
      '/taken-down': [500],
    });
    deliveries = new Queue('notice-deliveries', { connection: { url: REDIS_URL }, prefix });
    const unit = await createUnit(api);
    unitId = unit.id;
    proposal = await proposalWithDeadline(api, unit.id, (await futureCampaign(api)).id, NOMINEE);
  }, 30_000);

  afterAll(async () => {
    try {
      await worker?.close();
      await deliveries?.close();
      await receiver?.close();
      await expect(obliterateQueues(prefix)).resolves.toEqual([]);
    } finally {
      await api?.close();
    }
  }, 30_000);

  it('an admin registers webhooks; the answer and the list never show the secret', async () => {
    for (const [name, events] of [
      ['/ok', ['DEADLINE_MISSED', 'ESCALATE']],
      ['/flaky', ['DEADLINE_MISSED']],
      ['/down', ['DEADLINE_MISSED']],
      ['/reminders-only', ['DEADLINE_REMINDER']],
    ] as const) {
      const secret = `secret-for-${name.slice(1)}-0123456789`;
      const response = await register({ url: receiver!.url(name), events, secret });
      expectStatus(response, 201);
      expect(response.body).toEqual({
        id: expect.any(String),
        url: receiver!.url(name),
        events,
        createdBy: 'admin@province',
        createdAt: expect.any(String),
        disabledAt: null,
        disabledBy: null,
      });
      hooks[name] = { id: response.body.id, secret };
    }
    const list = await http(api!).get('/api/webhooks').set('Authorization', bearer(api!, admin));
    expectStatus(list, 200);
    expect(list.body.items.map((w: { id: string }) => w.id)).toEqual(Object.values(hooks).map((h) => h.id));
    expect(JSON.stringify(list.body)).not.toContain('secret-for');
  });

  it('refuses bad registrations, and anyone but an admin', async () => {
    const good = { url: 'https://hooks.example.vn/x', events: ['ESCALATE'], secret: 'x'.repeat(16) };
    const bad = await register({ url: 'ftp://hooks.example.vn/x', events: ['SUBMIT'], secret: 'short' });
    expectStatus(bad, 400);
    expect(fieldsOf(bad).sort()).toEqual(['events', 'secret', 'url']);
    expectStatus(await register({ ...good, url: 'not a url' }), 400);
    expectStatus(await register({ ...good, events: [] }), 400);
    expectStatus(await register({ ...good, secret: 'x'.repeat(15) }), 400);
    expectStatus(await register({ ...good, extra: true }), 400);
    expectStatus(await register(good, { role: 'home_affairs' }), 403);
    expectStatus(await http(api!).get('/api/webhooks').set('Authorization', bearer(api!, { role: 'chairman' })), 403);
    expectStatus(await http(api!).get('/api/webhooks/00000000-0000-4000-8000-000000000000/deliveries').set('Authorization', bearer(api!, admin)), 404);
    // A receiver that is not there (nothing listens on port 9): its escalation attempts fail with no status.
    const refused = await register({ ...good, url: 'http://127.0.0.1:9/x' });
    expectStatus(refused, 201);
    hooks.refused = { id: refused.body.id, secret: good.secret };
  });

  it('a missed deadline POSTs a JSON body signed with the webhook’s secret, once, to each subscribed webhook', async () => {
    const { seq } = await sendTimerEvent(api!, proposal.id, 'DEADLINE_MISSED');
    const [request] = await waitFor('the /ok delivery', () => receiver!.received('/ok').length === 1 && receiver!.received('/ok'));
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(signatureValid(request.rawBody, hooks['/ok'].secret, request.headers['x-signature'])).toBe(true);
    expect(signatureValid(request.rawBody, hooks['/flaky'].secret, request.headers['x-signature'])).toBe(false);
    expect(request.headers['x-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(Date.parse(request.headers['x-timestamp'] as string)).toBeGreaterThan(Date.now() - 60_000);
    const body = JSON.parse(request.rawBody.toString('utf8'));
    expect(request.headers['x-delivery-id']).toBe(body.deliveryId);
    expect(request.headers['x-event']).toBe('DEADLINE_MISSED');
    expect(body).toMatchObject({
      event: 'DEADLINE_MISSED',
      notice: { proposalId: proposal.id, seq, nominee: NOMINEE, deadline: { rule: 'TH-5', dueDate: (proposal.deadline as { dueDate: string }).dueDate } },
    });
    expect(body.notice.title).toBe(`Quá hạn TH-5: hồ sơ đề nghị khen thưởng ${NOMINEE}`);
    // The id travels in the payload's fields; the words name the nominee and the award, as officials read them.
    expect(body.notice.body).not.toContain(proposal.id);
    expect(body.notice.body).toContain(`: ${NOMINEE} — `);
    expect(body.notice.audiences).toEqual(expect.arrayContaining([{ role: 'home_affairs', unitId: null }]));

    const [entry] = await waitFor('the /ok log says delivered', async () => {
      const items = await log('/ok');
      return items.length === 1 && items[0].status === 'delivered' && items;
    });
    expect(entry).toMatchObject({ id: body.deliveryId, proposalId: proposal.id, event: 'DEADLINE_MISSED', channel: 'webhook', attempts: 1 });
    expect(entry.key).toBe(`${proposal.id}:${seq}:webhook:${hooks['/ok'].id}`);
    expect(entry.log).toEqual([expect.objectContaining({ attempt: 1, statusCode: 204, error: null, outcome: 'delivered' })]);
    // Subscribed to reminders only: nothing.
    expect(receiver!.received('/reminders-only')).toEqual([]);
    await expect(log('/reminders-only')).resolves.toEqual([]);
  });

  it('a receiver that fails three times, then succeeds, gets exactly one accepted delivery; the log shows 4 attempts', async () => {
    const [entry] = await waitFor('the /flaky delivery accepted', async () => {
      const items = await log('/flaky');
      return items.length === 1 && items[0].status === 'delivered' && items;
    });
    expect(entry.attempts).toBe(4);
    expect(entry.log.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
      [1, 500, 'retry'],
      [2, 500, 'retry'],
      [3, 500, 'retry'],
      [4, 200, 'delivered'],
    ]);
    expect(entry.log[0].error).toBe('HTTP 500: receiver says no');
    const requests = receiver!.received('/flaky');
    expect(requests.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    // Every attempt sent the same bytes, the same delivery ID and a valid signature.
    expect(new Set(requests.map((r) => r.rawBody.toString('base64'))).size).toBe(1);
    expect(new Set(requests.map((r) => r.headers['x-delivery-id'])).size).toBe(1);
    expect(requests.every((r) => signatureValid(r.rawBody, hooks['/flaky'].secret, r.headers['x-signature']))).toBe(true);
    // Exponential: the third wait is at least four base delays.
    expect(requests[3].receivedAt - requests[2].receivedAt).toBeGreaterThanOrEqual(4 * BACKOFF_MS);
  });

  it(`a receiver that always fails is dead-lettered after the last of ${ATTEMPTS} attempts`, async () => {
    const [entry] = await waitFor(
      'the /down delivery dead-lettered',
      async () => {
        const items = await log('/down');
        return items.length === 1 && items[0].status === 'dead' && items;
      },
      { timeoutMs: 20_000 },
    );
    expect(entry.attempts).toBe(ATTEMPTS);
    expect(entry.log).toHaveLength(ATTEMPTS);
    expect(entry.log.map((a) => a.outcome)).toEqual([...Array(ATTEMPTS - 1).fill('retry'), 'dead']);
    expect(entry.log.map((a) => a.statusCode)).toEqual([500, ...Array(ATTEMPTS - 1).fill(503)]);
    expect(entry.lastError).toBe('HTTP 503: receiver says no');
    expect(entry.deliveredAt).toBeNull();
    const requests = receiver!.received('/down');
    expect(requests).toHaveLength(ATTEMPTS);
    // Exponential backoff: the wait before the last attempt is 2^(n-2) base delays.
    expect(requests[ATTEMPTS - 1].receivedAt - requests[ATTEMPTS - 2].receivedAt).toBeGreaterThanOrEqual(2 ** (ATTEMPTS - 2) * BACKOFF_MS);
    // BullMQ agrees: the job failed for good.
    const job = await deliveries!.getJob(`notice.webhook.${entry.key.replace(/:/g, '.')}`);
    expect(job?.attemptsMade).toBe(ATTEMPTS);
    await expect(deliveries!.getJobState(job!.id!)).resolves.toBe('failed');
  }, 30_000);

  it('a delivery job that runs again (relayed twice, or re-added) sends nothing more', async () => {
    const [ok] = await log('/ok');
    const [down] = await log('/down');
    for (const [entry, id] of [
      [ok, 'again-ok'],
      [down, 'again-down'],
    ] as const) {
      const job = await deliveries!.add('notice.webhook', { deliveryId: entry.id }, { jobId: id, attempts: 1 });
      await waitFor(`${id} done`, async () => (await deliveries!.getJobState(job.id!)) === 'completed');
      expect(job.id).toBe(id);
    }
    expect(receiver!.received('/ok')).toHaveLength(1);
    expect(receiver!.received('/down')).toHaveLength(ATTEMPTS);
    expect((await log('/ok'))[0].log).toHaveLength(1);
    expect((await log('/down'))[0].log).toHaveLength(ATTEMPTS);
    // And the flaky receiver, long after its success, has had no fifth request.
    expect(receiver!.received('/flaky')).toHaveLength(4);
  });

  it('an escalation reaches the webhooks subscribed to it, with its own delivery', async () => {
    await sendTimerEvent(api!, proposal.id, 'ESCALATE');
    await waitFor('the /ok escalation', () => receiver!.received('/ok').length === 2);
    const body = JSON.parse(receiver!.received('/ok')[1].rawBody.toString('utf8'));
    expect(body.event).toBe('ESCALATE');
    expect(body.notice.audiences).toEqual(expect.arrayContaining([{ role: 'chairman', unitId: null }, { role: 'vice_chairman', unitId: null }]));
    expect((await log('/ok')).map((d) => d.event)).toEqual(['ESCALATE', 'DEADLINE_MISSED']);
    expect(receiver!.received('/flaky')).toHaveLength(4);
    const [unreachable] = await waitFor('an attempt on the unreachable receiver', async () => {
      const items = await log('refused');
      return items.length === 1 && items[0].log.length > 0 && items;
    });
    expect(unreachable.log[0]).toMatchObject({ attempt: 1, statusCode: null, error: expect.stringMatching(/\S/) });
  });

  it('an admin disables a webhook: its pending delivery is dead-lettered without another request, later notices skip it, its log stays', async () => {
    const registered = await register({ url: receiver!.url('/taken-down'), events: ['DEADLINE_MISSED'], secret: 'secret-for-taken-down-0123' });
    expectStatus(registered, 201);
    hooks['/taken-down'] = { id: registered.body.id, secret: 'secret-for-taken-down-0123' };
    const second = await proposalWithDeadline(api!, unitId, (await futureCampaign(api!)).id, 'Đinh Thị Hằng');
    await sendTimerEvent(api!, second.id, 'DEADLINE_MISSED');
    await waitFor('a first failed attempt on the webhook about to be disabled', async () => (await log('/taken-down'))[0]?.log.length >= 1);

    const refused = await http(api!).delete(`/api/webhooks/${hooks['/taken-down'].id}`).set('Authorization', bearer(api!, { role: 'home_affairs' }));
    expect(refused.status).toBe(403);
    const disabled = await http(api!).delete(`/api/webhooks/${hooks['/taken-down'].id}`).set('Authorization', bearer(api!, admin));
    expectStatus(disabled, 200);
    expect(disabled.body).toMatchObject({ id: hooks['/taken-down'].id, disabledAt: expect.any(String), disabledBy: 'admin@province' });
    const again = await http(api!).delete(`/api/webhooks/${hooks['/taken-down'].id}`).set('Authorization', bearer(api!, admin));
    expect(again.body.disabledAt).toBe(disabled.body.disabledAt);
    const missing = await http(api!).delete('/api/webhooks/00000000-0000-4000-8000-000000000000').set('Authorization', bearer(api!, admin));
    expect(missing.status).toBe(404);

    const [entry] = await waitFor('the pending delivery dead-lettered', async () => {
      const items = await log('/taken-down');
      return items[0]?.status === 'dead' && items;
    });
    // Every attempt before the last reached the receiver; the last found the webhook disabled and sent nothing.
    expect(entry.log.at(-1)).toMatchObject({ outcome: 'dead', error: 'the webhook was disabled', statusCode: null });
    expect(entry.log.length).toBeLessThan(ATTEMPTS);
    expect(receiver!.received('/taken-down')).toHaveLength(entry.log.length - 1);

    // A later missed deadline reaches the other subscribers and not the disabled webhook.
    const downBefore = receiver!.received('/down').length;
    const third = await proposalWithDeadline(api!, unitId, (await futureCampaign(api!)).id, 'Hoàng Văn Nam');
    await sendTimerEvent(api!, third.id, 'DEADLINE_MISSED');
    await waitFor('the next notice at /down', () => receiver!.received('/down').length > downBefore);
    expect((await log('/taken-down')).map((d) => d.proposalId)).toEqual([second.id]);
    expect(receiver!.received('/taken-down')).toHaveLength(entry.log.length - 1);
  }, 30_000);

  it('a delivery whose job the queue fails for good without a last attempt (a stall) is dead-lettered, not left pending', async () => {
    const processor = worker!.get(NoticeDeliveriesProcessor);
    await processor.worker.pause();
    const registered = await register({ url: receiver!.url('/ok'), events: ['DEADLINE_MISSED'], secret: 'secret-for-stalled-0123456' });
    expectStatus(registered, 201);
    hooks['/stalled'] = { id: registered.body.id, secret: 'secret-for-stalled-0123456' };
    const fourth = await proposalWithDeadline(api!, unitId, (await futureCampaign(api!)).id, 'Vương Thị Lan');
    await sendTimerEvent(api!, fourth.id, 'DEADLINE_MISSED');
    const [pending] = await waitFor('the delivery queued', async () => {
      const items = await log('/stalled');
      return items.length === 1 && items;
    });
    expect(pending.status).toBe('pending');

    // Another worker takes the job, then loses it the way a twice-stalled job is lost: failed, no retry left.
    const thief = new Worker('notice-deliveries', null, { connection: { url: REDIS_URL }, prefix, autorun: false });
    try {
      let taken: Job | undefined;
      await waitFor('the delivery job taken', async () => {
        const job = await thief.getNextJob('thief-token');
        if (job && job.data.deliveryId !== pending.id) await job.moveToCompleted('not this one', 'thief-token', false);
        taken = job?.data.deliveryId === pending.id ? job : taken;
        return taken !== undefined;
      });
      const stalled = new Error('job stalled more than allowable limit');
      await taken!.moveToFailed(new UnrecoverableError(stalled.message), 'thief-token', false);
      await expect(deliveries!.getJobState(taken!.id!)).resolves.toBe('failed');

      await processor.onFailed(taken as never, stalled);
      const [dead] = await log('/stalled');
      expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
      expect(dead.log).toEqual([expect.objectContaining({ outcome: 'dead', error: 'the queue gave up: job stalled more than allowable limit' })]);
      // Heard again (another worker's event, a repeat), it changes nothing.
      await processor.onFailed(taken as never, stalled);
      expect((await log('/stalled'))[0].log).toHaveLength(1);
    } finally {
      await thief.close();
      processor.worker.resume();
    }
  }, 30_000);
});
