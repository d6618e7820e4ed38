import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatisticsBody, StatisticsCounts } from '#contracts';
import { stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import { BarChart } from './statistics-chart.js';
import StatisticsPage from './statistics.page.js';

const counts = (awarded: number, submitted: number, outcome: [number, number, number, number] = [0, 0, 0, 0]): StatisticsCounts => ({
  awarded,
  submitted,
  outcome: { awarded: outcome[0], rejected: outcome[1], inProgress: outcome[2], withdrawn: outcome[3] },
});

const REPORT: StatisticsBody = {
  from: '2026-05-01',
  to: '2026-05-31',
  unitId: null,
  generatedAt: '2026-05-26T01:30:00.000Z',
  total: counts(2, 7, [3, 1, 2, 1]),
  breakdowns: [
    {
      by: 'unit',
      rows: [
        { key: 'u-edu', label: 'Sở Giáo dục và Đào tạo', counts: counts(0, 2, [1, 0, 1, 0]) },
        { key: 'u-health', label: 'Sở Y tế', counts: counts(2, 5, [2, 1, 1, 1]) },
      ],
    },
    {
      by: 'nominee',
      rows: [
        { key: 'male', label: null, counts: counts(1, 3) },
        { key: 'female', label: null, counts: counts(1, 2) },
        { key: 'unknown', label: null, counts: counts(0, 1) },
        { key: 'collective', label: null, counts: counts(0, 1) },
      ],
    },
  ],
};

const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);

describe('StatisticsPage', () => {
  let api: FetchStub;
  beforeEach(() => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    api = stubFetch(({ path, query }) => {
      if (path !== '/api/statistics') return undefined;
      if (query.get('format') === 'xlsx') {
        return new Response(new Blob(['PK']), {
          headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="thong-ke.xlsx"' },
        });
      }
      return { ...REPORT, from: query.get('from'), to: query.get('to') };
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('asks for the period in the address and shows the summary, a table per breakdown with its total, and the chart', async () => {
    renderPage(<StatisticsPage />, { token: fakeToken({ roles: ['home_affairs'] }), path: '/statistics?from=2026-05-01&to=2026-05-31' });
    await screen.findByRole('heading', { level: 1, name: 'Thống kê khen thưởng' });
    await screen.findByTestId('statistics-report');
    expect(api.calls.map((call) => `${call.path}?${call.query}`)).toEqual(['/api/statistics?from=2026-05-01&to=2026-05-31']);
    expect(screen.getByText(/hồ sơ có quyết định khen thưởng/)).toBeTruthy();
    expect(screen.getByText(/Từ ngày 01\/05\/2026 đến ngày 31\/05\/2026/).textContent).toContain('Phạm vi: toàn tỉnh');
    expect(screen.getByTestId('statistics-summary').textContent).toContain('2 Khen thưởng trong kỳ');

    const units = screen.getByTestId('statistics-table-unit');
    expect(units.querySelector('caption')?.textContent).toBe('Theo đơn vị');
    expect(cells(units.querySelector('tr[data-key="u-health"]')!)).toEqual(['Sở Y tế', '2', '5', '2', '1', '1', '1']);
    expect(cells(units.querySelector('tfoot tr')!)).toEqual(['Tổng cộng', '2', '7', '3', '1', '2', '1']);
    const nominees = screen.getByTestId('statistics-table-nominee');
    expect([...nominees.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual([
      'Cá nhân nam',
      'Cá nhân nữ',
      'Cá nhân chưa rõ giới tính',
      'Tập thể',
    ]);

    // The chart: by unit for the whole province, its title and bars readable as text.
    const chart = screen.getByTestId('statistics-chart');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.querySelector('title')?.textContent).toBe('Số khen thưởng và số hồ sơ trình trong kỳ — theo đơn vị');
    const bars = [...chart.querySelectorAll('rect title')].map((title) => title.textContent);
    expect(bars).toContain('Sở Y tế: Khen thưởng trong kỳ 2');
    expect(bars).toContain('Sở Giáo dục và Đào tạo: Hồ sơ trình trong kỳ 2');

    fireEvent.change(screen.getByLabelText('Biểu đồ theo'), { target: { value: 'nominee' } });
    expect(screen.getByTestId('statistics-chart').querySelector('title')?.textContent).toBe('Số khen thưởng và số hồ sơ trình trong kỳ — theo đối tượng');
  });

  it('quick choices and the date fields change the period in the address; a period upside down is refused before asking', async () => {
    renderPage(<StatisticsPage />, { token: fakeToken({ roles: ['council'] }), path: '/statistics?from=2026-05-01&to=2026-05-31' });
    await screen.findByTestId('statistics-report');
    const quick = screen.getByRole('group', { name: 'Chọn nhanh' });
    fireEvent.click(within(quick).getByRole('button', { name: 'Năm trước' }));
    await waitFor(() => expect(window.location.search).toMatch(/^\?from=\d{4}-01-01&to=\d{4}-12-31$/));
    await waitFor(() => expect(api.calls).toHaveLength(2));
    expect(within(quick).getByRole('button', { name: 'Năm trước' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '2026-06-30' } });
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2026-06-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem thống kê' }));
    expect((await screen.findByTestId('statistics-period-problem')).textContent).toBe('Ngày kết thúc không được trước ngày bắt đầu.');
    expect(window.location.search).toBe('?from=2026-06-30&to=2026-06-01');
    expect(api.calls).toHaveLength(2);
  });

  it('downloads the spreadsheet of the period shown', async () => {
    const created = vi.fn(() => 'blob:stats');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => undefined }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderPage(<StatisticsPage />, { token: fakeToken({ roles: ['unit_head'], unitId: 'u-health' }), path: '/statistics?from=2026-05-01&to=2026-05-31' });
    await screen.findByTestId('statistics-report');
    fireEvent.click(screen.getByRole('button', { name: 'Tải bảng tính (.xlsx)' }));
    await screen.findByText('Đã tải xuống thong-ke.xlsx.');
    const sent = api.sent('GET', '/api/statistics').at(-1)!;
    expect(Object.fromEntries(sent.query)).toEqual({ from: '2026-05-01', to: '2026-05-31', format: 'xlsx' });
    expect(click).toHaveBeenCalledOnce();
  });

  it('speaks English too', async () => {
    renderPage(<StatisticsPage />, { token: fakeToken({ roles: ['chairman'] }), path: '/statistics?from=2026-05-01&to=2026-05-31', lang: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Commendation statistics' });
    const units = await screen.findByTestId('statistics-table-unit');
    expect([...units.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Unit',
      'Awarded in the period',
      'Submitted in the period',
      'Of which: awarded',
      'Of which: rejected',
      'Of which: in progress',
      'Of which: withdrawn',
    ]);
    expect(screen.getByTestId('statistics-table-nominee').textContent).toContain('Individual, gender not stated');
  });
});

describe('BarChart', () => {
  it('draws each bar to scale, writes its value, and says when there is nothing to draw', () => {
    const { container, rerender } = renderPage(
      <BarChart
        title="Chart"
        description="Two series"
        empty="Nothing"
        series={[
          { name: 'A', className: 'a' },
          { name: 'B', className: 'b' },
        ]}
        groups={[
          { label: 'One', values: [4, 8] },
          { label: 'Two', values: [0, 2] },
        ]}
      />,
    );
    const widths = [...container.querySelectorAll('g[data-series] rect')].map((rect) => Number(rect.getAttribute('width')));
    expect(widths[1]).toBe(widths[0]! * 2);
    expect(widths[2]).toBe(0);
    expect([...container.querySelectorAll('.stats-chart__value')].map((text) => text.textContent)).toEqual(['4', '8', '0', '2']);
    expect(container.querySelector('desc')?.textContent).toBe('Two series');
    rerender(<BarChart title="Chart" description="" empty="Nothing" series={[{ name: 'A', className: 'a' }]} groups={[]} />);
    expect(screen.getByText('Nothing')).toBeTruthy();
  });
});
