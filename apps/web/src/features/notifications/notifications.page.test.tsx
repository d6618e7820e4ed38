import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxNotice } from '../../api/api-types.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import NotificationsPage from './notifications.page.js';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const notice = (id: string, read: boolean): InboxNotice => ({
  id,
  proposalId: `p-${id}`,
  seq: 3,
  event: 'DEADLINE_MISSED',
  unitId: 'u1',
  nominee: `Người ${id}`,
  rule: 'DX-4',
  dueDate: '2026-03-10',
  dueAt: '2026-03-10T16:59:59Z',
  at: '2026-03-11T01:00:00Z',
  createdAt: '2026-03-11T01:00:00Z',
  title: `Quá hạn ${id}`,
  body: 'Hồ sơ đã quá hạn xử lý.',
  titleEn: `Missed ${id}`,
  bodyEn: 'The proposal missed its deadline.',
  read,
  readAt: read ? '2026-03-11T02:00:00Z' : null,
});

describe('NotificationsPage', () => {
  const requests: string[] = [];
  beforeEach(() => {
    requests.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        requests.push(`${init?.method ?? 'GET'} ${url}`);
        if (url.startsWith('/api/notifications?') && url.includes('cursor=c2')) return json({ items: [notice('n3', true)], unread: 1, nextCursor: null });
        if (url.startsWith('/api/notifications?')) return json({ items: [notice('n1', false), notice('n2', true)], unread: 1, nextCursor: 'c2' });
        if (url === '/api/notifications/n1/read') return json({ ...notice('n1', true), readAt: '2026-03-12T03:00:00Z' });
        return json({ message: 'not stubbed' }, 500);
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists notices, marks one read and pages on', async () => {
    const announced = vi.fn();
    window.addEventListener('kt:notices-read', announced);
    renderPage(<NotificationsPage />, { token: fakeToken({ roles: ['council'] }), path: '/notifications' });
    const list = await screen.findByTestId('notification-list');
    const first = list.querySelector<HTMLElement>('[data-notice-id="n1"]')!;
    expect(within(first).getByRole('heading', { name: 'Quá hạn n1' })).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'Mở hồ sơ: Người n1' }).getAttribute('href')).toBe('/proposals/p-n1');
    expect(first.querySelector('.badge--missed')?.textContent).toBe('Quá hạn');
    expect(first.getAttribute('data-read')).toBe('false');
    expect(screen.getByTestId('notifications-unread').textContent).toBe('1 thông báo chưa đọc.');

    fireEvent.click(within(first).getByRole('button', { name: 'Đánh dấu đã đọc' }));
    await waitFor(() => expect(first.getAttribute('data-read')).toBe('true'));
    expect(requests).toContain('POST /api/notifications/n1/read');
    expect(within(first).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('notifications-unread').textContent).toBe('Đã đọc hết.');
    expect(announced).toHaveBeenCalledTimes(1);
    window.removeEventListener('kt:notices-read', announced);

    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(screen.getByTestId('notification-list').querySelector('[data-notice-id="n3"]')).toBeTruthy());
    expect(requests).toContain('GET /api/notifications?cursor=c2&limit=50');
    fireEvent.click(screen.getByRole('button', { name: 'Trang trước' }));
    await waitFor(() => expect(screen.getByTestId('notification-list').querySelector('[data-notice-id="n1"]')).toBeTruthy());
  });
});
