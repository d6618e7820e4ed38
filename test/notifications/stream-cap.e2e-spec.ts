import { useTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait.js';

/**
 * One person may hold MAX_EVENT_STREAMS_PER_USER notification streams open at once (default 5), counted by
 * the token's `sub` in this API process; the next is refused with 429 TOO_MANY_STREAMS until one closes.
 */

interface OpenStream {
  status: number;
  body: unknown;
  close(): void;
}

describe('GET /api/notifications/stream: streams per person', () => {
  const t = useTestApp('sqlite');
  const opened: OpenStream[] = [];
  const url = () => `http://127.0.0.1:${(t.server.address() as { port: number }).port}/api/notifications/stream`;

  /** Opens a stream and leaves it open (its body unread) until `close()`; a refusal's JSON body is read. */
  async function open(token: string): Promise<OpenStream> {
    const controller = new AbortController();
    const response = await fetch(url(), {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    const close = () => controller.abort();
    if (response.status !== 200) {
      const body = await response.json();
      return { status: response.status, body, close };
    }
    const stream: OpenStream = { status: 200, body: null, close };
    opened.push(stream);
    return stream;
  }

  // Each test is a person of its own: the slots of the last one's streams come back only once the server has
  // seen their sockets close.
  let sub = '';
  let people = 0;
  beforeEach(() => {
    sub = `chi-lan-${++people}`;
  });
  afterEach(() => {
    for (const stream of opened.splice(0)) stream.close();
  });

  const person = () => t.token('home_affairs', null, { sub });

  it('lets one person open as many streams as the limit (5 by default), and refuses the next with 429 TOO_MANY_STREAMS', async () => {
    expect(t.config.maxEventStreamsPerUser).toBe(5);
    const streams = [];
    for (let i = 0; i < 5; i++) streams.push(await open(person()));
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 200, 200, 200]);

    const refused = await open(person());
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 'TOO_MANY_STREAMS', message: expect.stringMatching(/5 notification streams/), limit: 5 });
  });

  it('counts the person, not the token: a fresh token with the same sub is refused too', async () => {
    for (let i = 0; i < 5; i++) expect((await open(person())).status).toBe(200);
    const sameSub = t.token(['home_affairs', 'auditor'], null, { sub, name: 'Chi Lan (tab 6)' });
    expect((await open(sameSub)).status).toBe(429);
  });

  it('gives the slot back when a stream closes (the client goes away)', async () => {
    const streams = [];
    for (let i = 0; i < 5; i++) streams.push(await open(person()));
    expect((await open(person())).status).toBe(429);

    streams[0].close();
    // The server learns of the disconnect when the socket closes: moments later, not at once.
    const again = await waitFor('a slot to free up', async () => {
      const attempt = await open(person());
      return attempt.status === 200 ? attempt : undefined;
    }, { timeoutMs: 5_000, intervalMs: 50 });
    expect(again.status).toBe(200);
    expect((await open(person())).status).toBe(429);
  });

  it('leaves other people alone while one is at the limit', async () => {
    for (let i = 0; i < 5; i++) expect((await open(person())).status).toBe(200);
    expect((await open(person())).status).toBe(429);
    const someoneElse = t.token('home_affairs', null, { sub: 'van-minh' });
    for (let i = 0; i < 5; i++) expect((await open(someoneElse)).status).toBe(200);
  });

  it('gives every slot back once the streams close, so the next test starts from none', async () => {
    const streams = [];
    for (let i = 0; i < 5; i++) streams.push(await open(person()));
    for (const stream of streams) stream.close();
    await waitFor('all five slots free', async () => {
      const batch = [];
      for (let i = 0; i < 5; i++) batch.push(await open(person()));
      const ok = batch.every((stream) => stream.status === 200);
      for (const stream of batch) stream.close();
      return ok;
    }, { timeoutMs: 5_000, intervalMs: 100 });
  });
});
