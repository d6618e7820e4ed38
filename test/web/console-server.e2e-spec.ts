import { ComposeNoticeUseCase } from '#notifications';
import { verifyAccessToken } from '#auth';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { completeCampaign, createCampaign, createProposal, createUnit, expectStatus, http, walkTo } from '../support/api.js';
import { startTestApp, useTestApp } from '../support/test-app.js';

/** Reads a server-sent-events stream until `until` accepts a message or `ms` pass; returns what arrived. */
async function readEvents(url: string, token: string, until: (events: { event: string; data: string }[]) => boolean, ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const events: { event: string; data: string }[] = [];
  try {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: ?(.*)$/m.exec(frame)?.[1] ?? 'message';
        const data = [...frame.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
        events.push({ event, data });
      }
      if (until(events)) break;
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describe('what the web console needs from the API', () => {
  const t = useTestApp('sqlite');
  const base = () => `http://127.0.0.1:${(t.server.address() as { port: number }).port}`;

  it('serves the console at / and at any page path, but never instead of an API answer', async () => {
    const home = await http(t).get('/');
    expectStatus(home, 200);
    expect(home.headers['content-type']).toMatch(/text\/html/);
    expect(home.headers['cache-control']).toBe('no-cache');
    expect(home.headers['content-security-policy']).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
    // Document previews are shown from blob: URLs (images and the PDF viewer's frame), and nothing else is framed.
    expect(home.headers['content-security-policy']).toMatch(/img-src 'self' data: blob:; frame-src blob:;/);
    expect(home.text).toMatch(/<div id="root">/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(home.text)?.[1];
    expect(asset).toBeDefined();

    const script = await http(t).get(asset!).set('Accept-Encoding', 'gzip');
    expectStatus(script, 200);
    expect(script.headers['cache-control']).toMatch(/immutable/);
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.text).not.toMatch(/sourceMappingURL/);
    const plain = await http(t).get(asset!).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(script.text);
    expect([403, 404]).toContain((await http(t).get('/assets/..%2F..%2Fpackage.json').set('Accept-Encoding', 'gzip')).status);

    expect((await http(t).get('/proposals/0b7c2f4e-1111-4a4a-9999-123456789abc')).text).toBe(home.text);
    const missingApi = await http(t).get('/api/nothing-here').set('Authorization', `Bearer ${t.token('admin')}`);
    expect(missingApi.status).toBe(404);
    expect(missingApi.body.code).toBe('NOT_FOUND');
    expect((await http(t).get('/assets/missing.js')).status).toBe(404);
  });

  it('offers demo people for each unit and the provincial offices, and signs one in with a working token', async () => {
    const unit = await createUnit(t);
    const list = await http(t).get('/api/dev/demo-users');
    expectStatus(list, 200);
    const keys = list.body.users.map((user: { key: string }) => user.key);
    expect(keys).toEqual(expect.arrayContaining([`drafter:${unit.id}`, `unit_head:${unit.id}`, 'council', 'home_affairs', 'chairman', 'auditor']));

    const signIn = await http(t).post('/api/dev/sign-in').send({ key: `unit_head:${unit.id}` });
    expectStatus(signIn, 200);
    const claims = verifyAccessToken(signIn.body.token, t.config.jwtSecret);
    expect(claims).toMatchObject({ roles: ['unit_head'], unitId: unit.id });
    const inbox = await http(t).get('/api/proposals?inbox=true').set('Authorization', `Bearer ${signIn.body.token}`);
    expectStatus(inbox, 200);

    const unknown = await http(t).post('/api/dev/sign-in').send({ key: 'drafter:nobody' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/GET \/api\/dev\/demo-users/);
  });

  it('draws the machine from its definition: every stage of the version and who may move it', async () => {
    const auth = `Bearer ${t.token('council')}`;
    const v2 = await http(t).get('/api/machines/2').set('Authorization', auth);
    expectStatus(v2, 200);
    expect(v2.body.states.map((s: { id: string }) => s.id)).toContain('supplementRequested');
    expect(v2.body.transitions).toContainEqual({ from: 'councilScreening', to: 'homeAffairsAgreement', event: 'RECOMMEND', roles: ['council'] });
    const v1 = await http(t).get('/api/machines/1').set('Authorization', auth);
    expect(v1.body.states.map((s: { id: string }) => s.id)).not.toContain('supplementRequested');
    expect((await http(t).get('/api/machines')).status).toBe(401);
    const missing = await http(t).get('/api/machines/7').set('Authorization', auth);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/versions: 1, 2/);
  });

  it("counts a campaign's quota per award form as FORWARD does", async () => {
    const unit = await createUnit(t);
    const campaign = await createCampaign(t, completeCampaign());
    const before = await http(t).get(`/api/campaigns/${campaign.id}/quota`).set('Authorization', `Bearer ${t.token('drafter', unit.id)}`);
    expectStatus(before, 200);
    const limitOf = (body: { byAwardForm: { awardForm: string; limit: number | null; used: number }[] }, form: string) =>
      body.byAwardForm.find((row) => row.awardForm === form);
    expect(limitOf(before.body, 'chairman_certificate')).toMatchObject({ used: 0 });

    const proposal = await createProposal(t, unit.id, campaign.id, { awardForm: 'chairman_certificate' });
    await walkTo(t, proposal, 'councilScreening');
    const after = await http(t).get(`/api/campaigns/${campaign.id}/quota`).set('Authorization', `Bearer ${t.token('council')}`);
    expect(limitOf(after.body, 'chairman_certificate')).toEqual({
      awardForm: 'chairman_certificate',
      limit: (campaign as unknown as { guidance: { quota: Record<string, number> } }).guidance.quota.chairman_certificate ?? null,
      used: 1,
    });
    expect((await http(t).get('/api/campaigns/00000000-0000-4000-8000-000000000000/quota').set('Authorization', `Bearer ${t.token('council')}`)).status).toBe(404);
  });

  it('streams a new notice live to the people it is addressed to, and to nobody else', async () => {
    const unit = await createUnit(t);
    const other = await createUnit(t);
    const proposal = await createProposal(t, unit.id, null);
    const url = `${base()}/api/notifications/stream`;
    const gotNotice = (events: { event: string }[]) => events.some((e) => e.event === 'notice');

    const headOfUnit = readEvents(url, t.token('unit_head', unit.id), gotNotice, 5000);
    const homeAffairs = readEvents(url, t.token('home_affairs'), gotNotice, 5000);
    const otherUnit = readEvents(url, t.token('drafter', other.id), gotNotice, 2500);
    // Let the three streams subscribe before the notice is made.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const notice = await t.app.get(ComposeNoticeUseCase).execute({ proposalId: proposal.id, seq: 90, type: 'ESCALATE', at: new Date().toISOString() });
    expect(notice).not.toBeNull();

    for (const stream of [await headOfUnit, await homeAffairs]) {
      const message = stream.find((e) => e.event === 'notice');
      expect(message).toBeDefined();
      expect(JSON.parse(message!.data)).toMatchObject({ id: notice!.id, event: 'ESCALATE', proposalId: proposal.id, title: notice!.title });
      expect(JSON.parse(message!.data)).not.toHaveProperty('audiences');
    }
    expect((await otherUnit).filter((e) => e.event === 'notice')).toEqual([]);
  });

  it('ends the stream when the token that opened it expires', async () => {
    const token = t.token('home_affairs', null, { expiresInSeconds: 2 });
    const response = await fetch(`${base()}/api/notifications/stream`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const started = Date.now();
    for await (const _chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      // Drain until the server ends it.
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    const again = await fetch(`${base()}/api/notifications/stream`, { headers: { Authorization: `Bearer ${token}` } });
    expect(again.status).toBe(401);
  });

  it('needs a token for the stream', async () => {
    expect((await http(t).get('/api/notifications/stream')).status).toBe(401);
  });
});

describe('stopping the API', () => {
  it('ends the open event streams, so a console left open cannot hold the process up', async () => {
    const app = await startTestApp();
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/notifications/stream`;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${app.token('home_affairs')}` } });
    expect(response.status).toBe(200);
    const ended = (async () => {
      for await (const _chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        // Drain until the server ends the stream.
      }
      return 'ended';
    })();
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(ended).resolves.toBe('ended');
  });
});

describe('with demo sign-in off (always so in production)', () => {
  it('has no demo sign-in routes at all', async () => {
    const app = await startTestApp();
    try {
      const config = { ...app.config, nodeEnv: 'production' as const, devSignIn: false };
      const production = await createApiApp(config, { logger: false, dataSource: app.dataSource });
      await production.init();
      try {
        const server = production.getHttpServer();
        const { default: request } = await import('supertest');
        expect((await request(server).get('/api/dev/demo-users')).status).toBe(404);
        expect((await request(server).post('/api/dev/sign-in').send({ key: 'admin' })).status).toBe(404);
        expect((await request(server).get('/health')).status).toBe(200);
      } finally {
        await production.close();
      }
    } finally {
      await app.close();
    }
  });
});
