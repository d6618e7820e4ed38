import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import { NotificationBell } from './notification-bell.js';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A stream the test writes SSE frames into, as the server would, ending when the client aborts. */
function openStream(signal: AbortSignal | null | undefined) {
  let push!: (text: string) => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (text) => controller.enqueue(new TextEncoder().encode(text));
      signal?.addEventListener('abort', () => controller.error(new DOMException('Aborted', 'AbortError')));
    },
  });
  return { response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }), push: (text: string) => push(text) };
}

const notice = (id: string, title = 'Hồ sơ Nguyễn Văn A sắp đến hạn') =>
  `event: notice\nid: ${id}\ndata: ${JSON.stringify({ id, event: 'DEADLINE_REMINDER', proposalId: 'p1', nominee: 'Nguyễn Văn A', title, titleEn: 'Deadline near', at: '2026-03-02T01:00:00Z' })}\n\n`;

describe('NotificationBell', () => {
  let push: ((text: string) => void) | undefined;
  let streamSignal: AbortSignal | null | undefined;
  let streamHeaders: Record<string, string> | undefined;
  let unread = 2;
  const route = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/notifications/unread-count') return json({ unread });
    if (url === '/api/notifications/stream') {
      streamSignal = init?.signal;
      streamHeaders = init?.headers as Record<string, string>;
      const stream = openStream(init?.signal);
      push = stream.push;
      return stream.response;
    }
    return json({ message: 'not stubbed' }, 500);
  };
  const fetchMock = vi.fn(route);

  beforeEach(() => {
    unread = 2;
    push = undefined;
    fetchMock.mockReset().mockImplementation(route);
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unread count, and counts a streamed notice at once', async () => {
    const token = fakeToken({ roles: ['council'] });
    renderPage(<NotificationBell />, { token });
    await waitFor(() => expect(screen.getByTestId('bell-count').textContent).toBe('2'));
    expect(screen.getByRole('link', { name: 'Thông báo: 2 chưa đọc' }).getAttribute('href')).toBe('/notifications');
    expect(streamHeaders?.Authorization).toBe(`Bearer ${token}`);
    expect(streamHeaders?.Accept).toBe('text/event-stream');

    await act(async () => push!(': keep-alive\n\n' + notice('n1')));
    await waitFor(() => expect(screen.getByTestId('bell-count').textContent).toBe('3'));
    expect(screen.getByRole('link', { name: 'Thông báo: 3 chưa đọc' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Thông báo mới: Hồ sơ Nguyễn Văn A sắp đến hạn');

    // The same notice replayed after a reconnection is not counted twice.
    await act(async () => push!(notice('n1')));
    await act(async () => push!('event: other\ndata: {}\n\n'));
    expect(screen.getByTestId('bell-count').textContent).toBe('3');
  });

  it('shows the English title in English', async () => {
    renderPage(<NotificationBell />, { token: fakeToken({ roles: ['council'] }), lang: 'en' });
    await waitFor(() => expect(screen.getByTestId('bell-count').textContent).toBe('2'));
    await act(async () => push!(notice('n2')));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('New notification: Deadline near'));
    expect(screen.getByRole('link', { name: 'Notifications: 3 unread' })).toBeTruthy();
  });

  it('clears the live message after a few seconds', async () => {
    renderPage(<NotificationBell />, { token: fakeToken({ roles: ['council'] }) });
    await waitFor(() => expect(screen.getByTestId('bell-count').textContent).toBe('2'));
    vi.useFakeTimers();
    try {
      await act(async () => push!(notice('n3')));
      expect(screen.getByRole('status').textContent).not.toBe('');
      await act(async () => vi.advanceTimersByTime(6_000));
      expect(screen.getByRole('status').textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes the stream when it goes away', async () => {
    const view = renderPage(<NotificationBell />, { token: fakeToken({ roles: ['council'] }) });
    await waitFor(() => expect(streamSignal).toBeTruthy());
    expect(streamSignal!.aborted).toBe(false);
    view.unmount();
    expect(streamSignal!.aborted).toBe(true);
  });

  it('still shows the count when the server has no stream', async () => {
    fetchMock.mockImplementation(async (input: RequestInfo | URL) =>
      String(input) === '/api/notifications/unread-count' ? json({ unread: 5 }) : json({ message: 'Not Found' }, 404),
    );
    renderPage(<NotificationBell />, { token: fakeToken({ roles: ['council'] }) });
    await waitFor(() => expect(screen.getByTestId('bell-count').textContent).toBe('5'));
  });
});
