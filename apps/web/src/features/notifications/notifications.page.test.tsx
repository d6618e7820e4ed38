import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxNotice } from '../../api/api-types.js';
import { stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import NotificationsPage from './notifications.page.js';

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
  let api: FetchStub;
  beforeEach(() => {
    api = stubFetch(({ path, query }) => {
      if (path === '/api/notifications' && query.get('cursor') === 'c2') return { items: [notice('n3', true)], unread: 1, nextCursor: null };
      if (path === '/api/notifications') return { items: [notice('n1', false), notice('n2', true)], unread: 1, nextCursor: 'c2' };
      if (path === '/api/notifications/n1/read') return { ...notice('n1', true), readAt: '2026-03-12T03:00:00Z' };
      return undefined;
    });
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
    expect(api.sent('POST', '/api/notifications/n1/read')).toHaveLength(1);
    expect(within(first).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('notifications-unread').textContent).toBe('Đã đọc hết.');
    expect(announced).toHaveBeenCalledTimes(1);
    window.removeEventListener('kt:notices-read', announced);

    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(screen.getByTestId('notification-list').querySelector('[data-notice-id="n3"]')).toBeTruthy());
    expect(api.sent('GET', '/api/notifications').map((call) => call.query.toString())).toContain('cursor=c2&limit=50');
    fireEvent.click(screen.getByRole('button', { name: 'Trang trước' }));
    await waitFor(() => expect(screen.getByTestId('notification-list').querySelector('[data-notice-id="n1"]')).toBeTruthy());
  });

  it('marks every notice read with one button, and the bell is told to count again', async () => {
    api = stubFetch(({ path }) => {
      if (path === '/api/notifications') return { items: [notice('n1', false), notice('n2', false), notice('n3', true)], unread: 2, nextCursor: null };
      if (path === '/api/notifications/read-all') return { marked: 2, unread: 0 };
      return undefined;
    });
    const announced = vi.fn();
    window.addEventListener('kt:notices-read', announced);
    renderPage(<NotificationsPage />, { token: fakeToken({ roles: ['unit_head'], unitId: 'u1' }), path: '/notifications' });
    const list = await screen.findByTestId('notification-list');
    expect(list.querySelectorAll('[data-read="false"]')).toHaveLength(2);
    // When the head presses "mark all read"
    fireEvent.click(screen.getByRole('button', { name: 'Đánh dấu tất cả là đã đọc' }));
    // Then one request marks them, every notice on screen reads as read, and the count says so
    await waitFor(() => expect(list.querySelectorAll('[data-read="false"]')).toHaveLength(0));
    expect(api.sent('POST', '/api/notifications/read-all')).toHaveLength(1);
    expect(screen.getByTestId('notifications-unread').getAttribute('data-unread')).toBe('0');
    expect(screen.getByText('Đã đánh dấu 2 thông báo là đã đọc.')).toBeTruthy();
    expect(announced).toHaveBeenCalledTimes(1);
    window.removeEventListener('kt:notices-read', announced);
  });

  it('offers no "mark all read" when nothing is unread', async () => {
    api = stubFetch(({ path }) => (path === '/api/notifications' ? { items: [notice('n3', true)], unread: 0, nextCursor: null } : undefined));
    renderPage(<NotificationsPage />, { token: fakeToken({ roles: ['council'] }), path: '/notifications' });
    await screen.findByTestId('notification-list');
    expect(screen.queryByRole('button', { name: 'Đánh dấu tất cả là đã đọc' })).toBeNull();
  });
});
