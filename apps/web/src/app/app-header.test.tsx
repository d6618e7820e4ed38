import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../test-support/render-page.js';
import { App } from './app.js';

/**
 * The header's parts and its menu button. How it looks at 390 px (one row, at most ~56 px) is a matter of CSS,
 * which jsdom does not lay out: test/web/console-inbox.e2e-spec.ts measures it in Chromium.
 */
describe('the console header', () => {
  beforeEach(() => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    stubFetch(({ path }) => {
      if (path === '/api/notifications/unread-count') return { unread: 0 };
      if (path === '/api/proposals') return { items: [], nextCursor: null };
      if (path === '/api/units' || path === '/api/campaigns') return { items: [] };
      return undefined;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('has a full and a short title, the bell, and a menu button that opens and closes the navigation', async () => {
    renderPage(<App />, { token: fakeToken({ roles: ['unit_head'], unitId: 'u1' }) });
    const header = screen.getByTestId('app-header');
    expect(header.querySelector('.brand__full')?.textContent).toBe('Khen thưởng — UBND tỉnh');
    expect(header.querySelector('.brand__short')?.textContent).toBe('Khen thưởng');
    expect(within(header).getByTestId('bell')).toBeTruthy();

    const toggle = within(header).getByRole('button', { name: 'Mở danh mục' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe('header-menu');
    // The menu holds the navigation and the rest of the header: what a phone shows only when asked.
    const menu = header.querySelector('#header-menu')!;
    expect(within(menu as HTMLElement).getByRole('navigation', { name: 'Điều hướng chính' })).toBeTruthy();
    expect(within(menu as HTMLElement).getByRole('button', { name: 'Đăng xuất' })).toBeTruthy();
    expect(header.classList.contains('app-header--open')).toBe(false);

    fireEvent.click(toggle);
    expect(header.classList.contains('app-header--open')).toBe(true);
    const close = within(header).getByRole('button', { name: 'Đóng danh mục' });
    expect(close.getAttribute('aria-expanded')).toBe('true');

    // Going to another screen closes it.
    fireEvent.click(within(menu as HTMLElement).getByRole('link', { name: 'Lịch làm việc' }));
    await waitFor(() => expect(header.classList.contains('app-header--open')).toBe(false));
    expect(window.location.pathname).toBe('/calendar');
  });
});
