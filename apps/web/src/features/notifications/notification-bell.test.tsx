import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  it('opens a popup with the unread notices and marks them all read from there', async () => {
    const inboxItem = (id: string, read: boolean) => ({
      id, proposalId: `p-${id}`, seq: 3, event: 'DEADLINE_REMINDER', unitId: 'u1', nominee: 'Nguyễn Văn An', rule: 'DX-4', dueDate: null, dueAt: null,
      at: '2026-03-11T01:00:00Z', createdAt: '2026-03-11T01:00:00Z', title: `Nhắc hạn ${id}`, body: '', titleEn: `Reminder ${id}`, bodyEn: '', read, readAt: null,
    });
    fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.startsWith('/api/notifications?')) return json({ items: [inboxItem('n1', false), inboxItem('n2', true)], unread: 1, nextCursor: null });
      if (url === '/api/notifications/read-all' && init?.method === 'POST') {
        unread = 0;
        return json({ marked: 1, unread: 0 });
      }
      return route(input, init);
    });
    renderPage(<NotificationBell />, { token: fakeToken({ roles: ['unit_head'], unitId: 'u1' }) });
    await waitFor(() => expect(screen.getByTestId('bell-count').textContent).toBe('2'));
    // When the head opens the popup
    fireEvent.click(screen.getByRole('button', { name: 'Xem nhanh thông báo chưa đọc' }));
    const popup = await screen.findByRole('dialog', { name: 'Thông báo chưa đọc' });
    // Then it lists what is unread, each linking to its proposal
    await waitFor(() => expect(within(popup).getByRole('link', { name: 'Nhắc hạn n1' }).getAttribute('href')).toBe('/proposals/p-n1'));
    expect(within(popup).queryByText('Nhắc hạn n2')).toBeNull();
    // And "mark all read" empties it and the bell
    fireEvent.click(within(popup).getByRole('button', { name: 'Đánh dấu tất cả là đã đọc' }));
    await waitFor(() => expect(screen.getByTestId('bell-count').textContent).toBe('0'));
    expect(within(popup).getByText('Không có thông báo nào chưa đọc.')).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([url]) => String(url) === '/api/notifications/read-all')).toHaveLength(1);
  });
});
