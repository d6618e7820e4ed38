import { vi } from 'vitest';

/** One answer of the stubbed server: the first route whose method and path match answers. */
export interface StubRoute {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string | RegExp;
  status?: number;
  body: unknown;
}

export interface StubCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Replaces `fetch`, the browser's boundary, with a table of answers, and records every request so that a test
 * can read the exact body a screen sent. Anything not in the table is a 404, as from a server without it.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function stubFetch(routes: StubRoute[]) {
  const calls: StubCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, path: url.pathname, query: url.searchParams, body });
    const route = routes.find(
      (candidate) =>
        (candidate.method ?? 'GET') === method &&
        (typeof candidate.path === 'string' ? candidate.path === url.pathname : candidate.path.test(url.pathname)),
    );
    if (!route) return json(404, { code: 'NOT_FOUND', message: `No stub for ${method} ${url.pathname}` });
    return json(route.status ?? 200, route.body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls, sent: (method: string, path: string) => calls.filter((call) => call.method === method && call.path === path) };
}
