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
