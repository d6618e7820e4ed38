/**
 * Server-sent events over `fetch`: the browser's EventSource cannot send an Authorization header, and the
 * API takes the bearer token only there (a token in the URL would end up in proxy and access logs).
 */

export interface SseMessage {
  /** The `event:` field; "message" when the frame had none, as EventSource does. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen on the stream so far (it carries over to later frames), or null. */
  id: string | null;
}

/**
 * The text/event-stream grammar, fed chunk by chunk as the network delivers them: a chunk may end in the
 * middle of a line, or between the CR and LF of one line break, so the unfinished part is kept for the next.
 */
export class SseParser {
  private buffer = '';
  private pendingCr = false;
  private event = '';
  private data: string[] = [];
  private lastId: string | null = null;

  push(chunk: string): SseMessage[] {
    let text = chunk;
    // A CR ending the previous chunk already ended its line; an LF opening this one is the same line break.
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const messages: SseMessage[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      const message = this.line(this.buffer.slice(start, i));
      if (message) messages.push(message);
      if (char === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return messages;
  }

  private line(line: string): SseMessage | null {
    if (line === '') return this.dispatch();
    // Comments: the server's keep-alives, which exist only to keep proxies from closing an idle connection.
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.event = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      default:
        // Unknown fields (and `retry:`: the backoff here is fixed) are ignored, as the standard says.
        break;
    }
    return null;
  }

  private dispatch(): SseMessage | null {
    const event = this.event || 'message';
    const data = this.data;
    this.event = '';
    this.data = [];
    // A frame without data (an `event:` or `id:` alone) is not a message.
    if (data.length === 0) return null;
    return { event, data: data.join('\n'), id: this.lastId };
  }
}

/** Waits between reconnections: 1 s, 2 s, 4 s … then every 30 s, so a restarting server is not stampeded. */
export function backoffDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}

export interface EventStreamOptions {
  url: string;
  token: string;
  /** Ends the stream for good (unmount, sign-out). */
  signal: AbortSignal;
  onMessage(message: SseMessage): void;
  /** Each time a connection is established, the first and every reconnection. */
  onOpen?(): void;
  /** A connection failed or ended; `status` is the HTTP status when the server answered at all. */
  onDrop?(problem: { status: number | null; willRetry: boolean }): void;
  /** For tests: how to wait before reconnecting. */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

/** Longer than two of the server's 25 s pings. */
const SILENT_FOR_MS = 60_000;

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Follows an event stream until `signal` aborts, reconnecting with backoff whenever it drops. Stops for good
 * on 401 and 403: the token is no longer good, and retrying would only fill the server's log. Resolves when done.
 */
export async function followEventStream(options: EventStreamOptions): Promise<void> {
  const { url, token, signal, onMessage, onOpen, onDrop, sleep = abortableSleep } = options;
  let attempt = 0;
  while (!signal.aborted) {
    let status: number | null = null;
    // A half-open socket (a laptop that slept, a network that changed) never ends a read by itself. The server
    // pings every 25 s, so a connection silent for longer than SILENT_FOR_MS is dropped and dialled again.
    const connection = new AbortController();
    const abortConnection = () => connection.abort();
    signal.addEventListener('abort', abortConnection, { once: true });
    let silence = setTimeout(abortConnection, SILENT_FOR_MS);
    try {
      // No Last-Event-ID: callers ask for the current state again on every connection (the bell refetches its
      // count), so a replay of what was missed would count it twice.
      const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}`, 'Cache-Control': 'no-cache' };
      const response = await fetch(url, { headers, signal: connection.signal, cache: 'no-store' });
      status = response.status;
      if (!response.ok || !response.body) {
        // Releases the connection of a refusal nobody will read.
        void response.body?.cancel().catch(() => undefined);
        throw new Error(`HTTP ${response.status}`);
      }
      onOpen?.();
      const parser = new SseParser();
      const decoder = new TextDecoder();
      const reader = response.body.getReader();
      let received = false;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        clearTimeout(silence);
        silence = setTimeout(abortConnection, SILENT_FOR_MS);
        // Only a connection that delivered something resets the backoff: one the server closes at once is a failure.
        if (!received) {
          received = true;
          attempt = 0;
        }
        for (const message of parser.push(decoder.decode(value, { stream: true }))) onMessage(message);
      }
    } catch {
      // Aborting, a refused connection and a broken one all end here; what follows decides between them.
    } finally {
      clearTimeout(silence);
      signal.removeEventListener('abort', abortConnection);
    }
    if (signal.aborted) return;
    const fatal = status === 401 || status === 403;
    onDrop?.({ status, willRetry: !fatal });
    if (fatal) return;
    await sleep(backoffDelay(attempt), signal);
    attempt++;
  }
}
