import request from 'supertest';
import { startTestApp, useTestApp, type TestApp } from '../support/test-app.js';

describe('Bull Board at /queues', () => {
  const t = useTestApp('sqlite');
  const http = () => request(t.app.getHttpServer());

  it('asks for a token', async () => {
    const response = await http().get('/queues/');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('is closed to everyone but administrators', async () => {
    const response = await http().get('/queues/').set('Authorization', `Bearer ${t.token('home_affairs')}`);
    expect(response.status).toBe(403);
  });

  it('lists the queues to an administrator, through the API behind the page', async () => {
    const response = await http().get('/queues/api/queues').set('Authorization', `Bearer ${t.token('admin')}`);
    expect(response.status).toBe(200);
    const names = (response.body.queues as { name: string }[]).map((queue) => queue.name).sort();
    expect(names).toEqual(expect.arrayContaining(['deadline-timers', 'domain-events']));
  });

  it('keeps an admin token given once in the link as a cookie for the page\'s own requests', async () => {
    const first = await http().get(`/queues/?token=${t.token('admin')}`);
    expect(first.status).toBe(200);
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^kt_queues_token=.+; Path=\/queues; HttpOnly/);
    const next = await http().get('/queues/api/queues').set('Cookie', cookie.split(';')[0]);
    expect(next.status).toBe(200);
  });
});

describe('Bull Board at /queues while Redis does not answer', () => {
  // Nothing listens on port 1. The API process itself refuses to start without Redis (prepareProcess checks it),
  // so this is the API that started with Redis up and lost it since: createApiApp does not look at Redis.
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp({ database: 'sqlite', redisUrl: 'redis://127.0.0.1:1' });
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  const http = () => request(t!.app.getHttpServer());
  const timed = async (path: string) => {
    const started = Date.now();
    const response = await http().get(path).set('Authorization', `Bearer ${t!.token('admin')}`).timeout(10_000);
    return { response, ms: Date.now() - started };
  };

  it.each(['/queues/api/queues', '/queues/', '/queues/api/redis/stats'])('answers %s with 503 QUEUE_UNAVAILABLE within 5 s', async (path) => {
    const { response, ms } = await timed(path);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: 'QUEUE_UNAVAILABLE', message: expect.stringMatching(/Redis/), redis: expect.stringMatching(/^down/) });
    expect(response.headers['retry-after']).toBe('5');
    expect(ms).toBeLessThan(5_000);
  });

  it('answers several requests at once, each promptly', async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 5 }, () => timed('/queues/api/queues')));
    expect(answers.map(({ response }) => response.status)).toEqual([503, 503, 503, 503, 503]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('still asks for a token first', async () => {
    const response = await http().get('/queues/api/queues').timeout(10_000);
    expect(response.status).toBe(401);
  });
});
