import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarYear } from '#calendar';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import CalendarPage from './calendar.page.js';

const yearOf = (year: number, provisional: boolean): CalendarYear => ({
  year,
  provisional,
  source: provisional ? 'No official schedule loaded: computed from Labour Code 2019' : 'Government Office notice 12729/VPCP-KGVX',
  daysOff: [
    { date: `${year}-02-16`, kind: 'holiday', name: 'Tết Nguyên đán', nameEn: 'Lunar New Year', source: 'Labour Code 2019 Art. 112(1)' },
    { date: `${year}-01-02`, kind: 'swapped', name: 'Nghỉ hoán đổi', nameEn: 'Swapped day off', source: 'VPCP', swappedWith: `${year}-01-10` },
  ],
  workingSaturdays: [{ date: `${year}-01-10`, name: 'Làm bù cho ngày 02/01', nameEn: 'Working Saturday', source: 'VPCP' }],
});

describe('CalendarPage', () => {
  let api: FetchStub;
  beforeEach(() => {
    clearCalendarCache();
    // jsdom has no layout to scroll; the router scrolls to the top on every navigation.
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    api = stubFetch(({ path }) => {
      const year = Number(/^\/api\/calendar\/(\d+)$/.exec(path)?.[1]);
      return year ? yearOf(year, year >= 2027) : undefined;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the twelve months with days off, working Saturdays and their sources', async () => {
    const { container } = renderPage(<CalendarPage />, { token: fakeToken({ roles: ['drafter'] }), path: '/calendar?year=2026' });
    await screen.findByRole('heading', { level: 1, name: 'Lịch làm việc năm 2026' });
    await screen.findByTestId('calendar-grids');
    expect(api.calls.map((call) => call.path)).toEqual(['/api/calendar/2026']);
    expect(container.querySelectorAll('table.cal-grid')).toHaveLength(12);
    expect(container.querySelector('table.cal-grid[data-month="2"] thead')?.textContent).toBe('T2T3T4T5T6T7CN');

    const tet = container.querySelector<HTMLElement>('td[data-date="2026-02-16"]')!;
    expect(tet.dataset.kind).toBe('off');
    expect(tet.title).toBe('Tết Nguyên đán · Nghỉ lễ, Tết · Nguồn: Bộ luật Lao động 2019, khoản 1 Điều 112');
    expect(container.querySelector<HTMLElement>('td[data-date="2026-01-10"]')!.dataset.kind).toBe('working_saturday');
    expect(container.querySelector<HTMLElement>('td[data-date="2026-02-15"]')!.dataset.kind).toBe('weekend');
    // 1 February 2026 is a Sunday: six blank cells come before it.
    const firstWeek = container.querySelector('table.cal-grid[data-month="2"] tbody tr')!;
    expect([...firstWeek.children].map((cell) => (cell as HTMLElement).dataset.date ?? null)).toEqual([null, null, null, null, null, null, '2026-02-01']);

    const list = screen.getByTestId('calendar-list');
    expect([...list.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-date'))).toEqual(['2026-01-02', '2026-01-10', '2026-02-16']);
    expect(list.textContent).toContain('đổi với 10/01/2026');
    expect(screen.queryByTestId('calendar-provisional')).toBeNull();
    // The source in the law's words, not the schedule file's English.
    expect(screen.getByText('Thông báo số 12729/VPCP-KGVX của Văn phòng Chính phủ')).toBeTruthy();
    expect(screen.queryByText(/Government Office|Labour Code/)).toBeNull();
  });

  it('says a computed year is provisional, in English too, and moves between years', async () => {
    renderPage(<CalendarPage />, { token: fakeToken({ roles: ['drafter'] }), path: '/calendar?year=2027', lang: 'en' });
    expect((await screen.findByTestId('calendar-provisional')).textContent).toContain('Provisional');
    expect(screen.getByTestId('calendar-list').textContent).toContain('Lunar New Year');

    fireEvent.click(screen.getByRole('button', { name: '← 2026' }));
    await screen.findByRole('heading', { level: 1, name: 'Working calendar 2026' });
    expect(window.location.search).toBe('?year=2026');
    await waitFor(() => expect(screen.queryByTestId('calendar-provisional')).toBeNull());
    await screen.findByTestId('calendar-grids');
  });
});
