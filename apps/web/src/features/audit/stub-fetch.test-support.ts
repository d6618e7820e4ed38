import { vi } from 'vitest';

/** What a stubbed route answers: a JSON body (200 unless told), or a whole Response for files and errors. */
export type StubAnswer = unknown | Response | Promise<Response>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Replaces the browser's fetch, the boundary the console talks to the API through, with a router over
 * `path → answer`; the calls stay on the mock for the test to read back. An unknown path answers 404.
 */
export function stubFetch(route: (url: URL, init: RequestInit | undefined) => StubAnswer) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://console.test');
    const answer = await route(url, init);
    if (answer instanceof Response) return answer;
    if (answer === undefined) return json({ code: 'NOT_FOUND', message: `no stub for ${url.pathname}` }, 404);
    return json(answer);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    /** The URLs requested, parsed, in order. */
    urls: () => fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://console.test')),
  };
}
