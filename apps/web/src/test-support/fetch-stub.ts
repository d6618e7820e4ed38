import { vi } from 'vitest';

/** One request as the screen sent it, read back the way a test asserts on it. */
export interface StubCall {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Parsed when it is JSON, so a test compares objects, not key order in a string; anything else as sent. */
  body: unknown;
  /** Read with `get`: header names are case-insensitive, as on the wire. */
  headers: Headers;
}

/**
 * What a route answers: a JSON body (200), or a whole Response for another status, a header or a file, or a
 * promise that never settles for a request still running; `undefined` when the route is not there.
 */
export type StubAnswer = unknown;

export type StubRouter = (call: StubCall, init: RequestInit | undefined) => StubAnswer | Promise<StubAnswer>;

/** One row of a route table: the first row whose method and path match answers. */
export interface StubRoute {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string | RegExp;
  status?: number;
  body: unknown;
}

export interface FetchStub {
  /** Every request in order, those no route answers included: an unexpected request is there to be seen. */
  calls: StubCall[];
  sent(method: string, path: string): StubCall[];
}

/** The API's JSON answer; `headers` for what a screen reads off a response besides its body, such as the ETag. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/**
 * Replaces `fetch`, the one boundary between the console and the API, with a stand-in server, so that a
 * screen is tested against the answers a test chooses and the requests it actually sent can be read back.
 *
 * Give it either a router, `(call, init) => answer`, for answers that depend on the request or change as the
 * test goes, or a route table, `[{ method, path, status, body }]`, for a fixed set of answers. A request no
 * route answers gets 404 NOT_FOUND, what the API says of a route it does not have, so the screen takes its
 * real error path. Undo with `vi.unstubAllGlobals()`.
 */
export function stubFetch(server: StubRouter | readonly StubRoute[]): FetchStub {
  const route = typeof server === 'function' ? server : routeTable(server);
  const calls: StubCall[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    // Relative, as the console sends them; the origin is only there to let URL parse the path.
    const url = new URL(String(input), 'http://console.test');
    const call: StubCall = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: parseBody(init?.body),
      headers: new Headers(init?.headers),
    };
    calls.push(call);
    const answer = await route(call, init);
    if (answer instanceof Response) return answer;
    if (answer === undefined) return json({ code: 'NOT_FOUND', message: `No stub for ${call.method} ${call.path}` }, 404);
    return json(answer);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, sent: (method, path) => calls.filter((call) => call.method === method && call.path === path) };
}

function routeTable(routes: readonly StubRoute[]): StubRouter {
  return (call) => {
    const row = routes.find(
      (candidate) =>
        (candidate.method ?? 'GET') === call.method &&
        (typeof candidate.path === 'string' ? candidate.path === call.path : candidate.path.test(call.path)),
    );
    return row && json(row.body, row.status);
  };
}

function parseBody(body: BodyInit | null | undefined): unknown {
  if (typeof body !== 'string') return body ?? undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * One request sent with XMLHttpRequest (the console's uploads, for their progress), read back like a fetch
 * call, with the multipart parts in the order they were appended, and answered by the test when it chooses:
 * a progress report, a response, a failed connection.
 */
export interface XhrCall extends StubCall {
  /** The parts of a FormData body in the order sent: `[name, value]`, a File for a file. */
  parts: [string, FormDataEntryValue][];
  /** What the browser reports while it sends: `loaded` of `total` bytes. */
  progress(loaded: number, total: number): void;
  /** The server's answer: a JSON body (or none, for 204), or a text body as it is. */
  respond(status: number, body?: unknown): void;
  /** The connection failed before an answer (network error). */
  fail(): void;
  readonly aborted: boolean;
  readonly settled: boolean;
}

export interface XhrStub {
  calls: XhrCall[];
  sent(method: string, path: string): XhrCall[];
}

/**
 * What an XHR route answers: `{ status, body }`, or undefined to leave the request open for the test to
 * answer by hand (call.progress, call.respond, call.fail): an upload is a thing a test watches happen.
 */
export type XhrRouter = (call: XhrCall) => { status: number; body?: unknown } | undefined;

/**
 * Replaces `XMLHttpRequest` with a stand-in that records each request and lets the test drive it, so that an
 * upload's progress and each answer can be shown to the screen one at a time. Undo with `vi.unstubAllGlobals()`.
 */
export function stubXhr(router: XhrRouter = () => undefined): XhrStub {
  const calls: XhrCall[] = [];

  class FakeUpload extends EventTarget {
    onprogress: ((event: ProgressEvent) => void) | null = null;
  }

  class FakeXhr extends EventTarget {
    static readonly UNSENT = 0;
    static readonly OPENED = 1;
    static readonly DONE = 4;
    readonly upload = new FakeUpload();
    readyState = 0;
    status = 0;
    responseText = '';
    onload: ((event: Event) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    onabort: ((event: Event) => void) | null = null;
    private method = 'GET';
    private url = '';
    private readonly headers = new Headers();

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
      this.readyState = 1;
    }

    setRequestHeader(name: string, value: string) {
      this.headers.set(name, value);
    }

    getResponseHeader(name: string): string | null {
      return name.toLowerCase() === 'content-type' && this.responseText ? 'application/json' : null;
    }

    send(body?: Document | XMLHttpRequestBodyInit | null) {
      const url = new URL(this.url, 'http://console.test');
      const xhr = this;
      let settled = false;
      let aborted = false;
      const finish = (type: 'load' | 'error' | 'abort') => {
        if (settled) return;
        settled = true;
        xhr.readyState = 4;
        const event = new Event(type);
        xhr.dispatchEvent(event);
        xhr[`on${type}`]?.(event);
      };
      const call: XhrCall = {
        method: this.method,
        path: url.pathname,
        query: url.searchParams,
        body: body ?? undefined,
        headers: this.headers,
        parts: body instanceof FormData ? [...body.entries()] : [],
        progress(loaded, total) {
          if (settled) return;
          const event = new ProgressEvent('progress', { lengthComputable: true, loaded, total });
          xhr.upload.dispatchEvent(event);
          xhr.upload.onprogress?.(event);
        },
        respond(status, answer) {
          if (settled) return;
          xhr.status = status;
          xhr.responseText = answer === undefined ? '' : typeof answer === 'string' ? answer : JSON.stringify(answer);
          finish('load');
        },
        fail() {
          finish('error');
        },
        get aborted() {
          return aborted;
        },
        get settled() {
          return settled;
        },
      };
      this.abortCall = () => {
        if (settled) return;
        aborted = true;
        finish('abort');
      };
      calls.push(call);
      const answer = router(call);
      if (answer) {
        // As a browser does: after send returns, the last progress, then the answer.
        setTimeout(() => {
          const size = body instanceof FormData ? [...body.values()].reduce((sum, value) => sum + (typeof value === 'string' ? value.length : value.size), 0) : 0;
          call.progress(size, size);
          call.respond(answer.status, answer.body);
        }, 0);
      }
    }

    private abortCall: () => void = () => undefined;

    abort() {
      this.abortCall();
    }
  }

  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return { calls, sent: (method, path) => calls.filter((call) => call.method === method && call.path === path) };
}
