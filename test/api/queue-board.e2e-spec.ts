import request from 'supertest';
import { useTestApp } from '../support/test-app.js';

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
