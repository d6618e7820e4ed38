import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, followEventStream, SseParser, type SseMessage } from './sse-client.js';

const feed = (chunks: string[]) => {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
};

describe('SseParser', () => {
  it('reads a frame split anywhere across chunks', () => {
    expect(feed(['ev', 'ent: no', 'tice\nda', 'ta: {"id":', '"n1"}\n', '\n'])).toEqual([{ event: 'notice', data: '{"id":"n1"}', id: null }]);
  });

  it('joins multi-line data with newlines and defaults the event name to "message"', () => {
    expect(feed(['data: first\ndata: second\ndata\ndata:third\n\n'])).toEqual([{ event: 'message', data: 'first\nsecond\n\nthird', id: null }]);
  });

  it('skips comments (keep-alives) and frames without data', () => {
    expect(feed([': keep-alive\n\n', ':\n\n', 'event: notice\n\n', 'data: x\n\n'])).toEqual([{ event: 'message', data: 'x', id: null }]);
  });

  it('accepts CRLF and lone CR line breaks, even with CR and LF in different chunks', () => {
    expect(feed(['event: notice\r\ndata: a\r\n\r\n', 'data: b\r', '\n\r', '\nevent: x\rdata: c\r\r'])).toEqual([
      { event: 'notice', data: 'a', id: null },
      { event: 'message', data: 'b', id: null },
      { event: 'x', data: 'c', id: null },
    ]);
  });

  it('carries the last id over to later frames and keeps one leading space only', () => {
    expect(feed(['id: 7\ndata:  two spaces\n\n', 'data: next\n\n'])).toEqual([
      { event: 'message', data: ' two spaces', id: '7' },
      { event: 'message', data: 'next', id: '7' },
    ]);
  });

  it('keeps an unfinished frame until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: notice\ndata: x\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'notice', data: 'x', id: null }]);
  });
});

describe('backoffDelay', () => {
  it('doubles from one second up to thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});

describe('followEventStream', () => {
  afterEach(() => vi.unstubAllGlobals());

  const streamOf = (text: string) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      }),
      { headers: { 'Content-Type': 'text/event-stream' } },
    );

  it('sends the bearer token and reconnects with backoff', async () => {
    const controller = new AbortController();
    const calls: RequestInit[] = [];
    const answers: (() => Response)[] = [
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => new Response('', { status: 503 }),
      () => streamOf('id: 41\nevent: notice\ndata: {"id":"a"}\n\n'),
      () => streamOf(': keep-alive\n\n'),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        calls.push(init);
        const answer = answers.shift();
        if (!answer) {
          controller.abort();
          throw new DOMException('Aborted', 'AbortError');
        }
        return answer();
      }),
    );
    const delays: number[] = [];
    const messages: SseMessage[] = [];
    const opened = vi.fn();
    const drops: (number | null)[] = [];
    await followEventStream({
      url: '/api/notifications/stream',
      token: 'tok',
      signal: controller.signal,
      onMessage: (message) => messages.push(message),
      onOpen: opened,
      onDrop: ({ status }) => drops.push(status),
      sleep: async (ms) => void delays.push(ms),
    });
    const headers = calls[0]!.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer tok');
    expect(headers.Accept).toBe('text/event-stream');
    expect(messages).toEqual([{ event: 'notice', data: '{"id":"a"}', id: '41' }]);
    expect(opened).toHaveBeenCalledTimes(2);
    expect(drops).toEqual([null, 503, 200, 200]);
    // Failed, failed, then a connection that delivered resets the backoff to one second.
    expect(delays).toEqual([1000, 2000, 1000, 1000]);
    expect((calls[3]!.headers as Record<string, string>)['Last-Event-ID']).toBeUndefined();
  });

  it('gives up on 401: the token is no longer good', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 401 })));
    const drops: { status: number | null; willRetry: boolean }[] = [];
    const sleep = vi.fn(async () => undefined);
    await followEventStream({ url: '/s', token: 't', signal: new AbortController().signal, onMessage: () => undefined, onDrop: (d) => drops.push(d), sleep });
    expect(drops).toEqual([{ status: 401, willRetry: false }]);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('drops a connection that has been silent for a minute and dials again', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const signals: AbortSignal[] = [];
      vi.stubGlobal(
        'fetch',
        vi.fn(async (_url: string, init: RequestInit) => {
          signals.push(init.signal!);
          if (signals.length === 2) {
            controller.abort();
            throw new DOMException('Aborted', 'AbortError');
          }
          // A half-open socket: headers came, then nothing ever again, until the caller aborts.
          return new Response(
            new ReadableStream<Uint8Array>({
              start(stream) {
                init.signal!.addEventListener('abort', () => stream.error(new DOMException('Aborted', 'AbortError')));
              },
            }),
            { headers: { 'Content-Type': 'text/event-stream' } },
          );
        }),
      );
      const drops: (number | null)[] = [];
      const done = followEventStream({ url: '/s', token: 't', signal: controller.signal, onMessage: () => undefined, onDrop: ({ status }) => drops.push(status), sleep: async () => undefined });
      await vi.advanceTimersByTimeAsync(59_000);
      expect(signals[0]!.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(signals[0]!.aborted).toBe(true);
      await done;
      expect(drops).toEqual([200]);
      expect(signals).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
