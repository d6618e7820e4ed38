import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProposalView } from '../../api/api-types.js';
import { stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import PrintListPage from './print-list.page.js';
import { unitChange } from '../../test-support/unit-fixtures.js';

const UNIT = '11111111-1111-4111-8111-111111111111';
const CAMPAIGN = '22222222-2222-4222-8222-222222222222';

const proposal = (id: string, overrides: Partial<ProposalView> = {}): ProposalView => ({
  id,
  kind: 'extraordinary',
  unitId: UNIT,
  campaignId: null,
  awardForm: 'chairman_certificate',
  nominee: { type: 'individual', name: `Nguyễn Văn ${id}` },
  achievement: { summary: `Thành tích ${id}`, date: '2026-02-02' },
  state: 'councilScreening',
  version: 3,
  machineVersion: 2,
  deadline: { rule: 'DX-4', dueDate: '2026-03-20', dueAt: '2026-03-20T16:59:59Z', provisional: false },
  deadlineMetAt: null,
  late: false,
  lateRule: null,
  escalation: 'none',
  warnings: [],
  allowedEvents: [],
  lastReason: null,
  vote: null,
  decision: null,
  submittedAt: null,
  forwardedAt: null,
  createdAt: '2026-02-03T01:00:00Z',
  updatedAt: '2026-02-03T01:00:00Z',
  ...overrides,
});

describe('PrintListPage', () => {
  let api: FetchStub;
  beforeEach(() => {
    api = stubFetch(({ path, query }) => {
      if (path === '/api/proposals') {
        if (query.get('cursor') === 'k2') return { items: [proposal('C', { nominee: { type: 'collective', name: 'Khoa Cấp cứu' }, deadline: null })], nextCursor: null };
        return {
          items: [
            proposal('A', { late: true, nominee: { type: 'individual', name: 'Nguyễn Văn A', position: 'Bác sĩ' } as ProposalView['nominee'] }),
            proposal('B', { awardForm: 'unit_certificate', state: 'unitDecision' }),
          ],
          nextCursor: 'k2',
        };
      }
      if (path === '/api/units') return { items: [{ id: UNIT, code: 'SYT', name: 'Sở Y tế', createdAt: '2025-01-01T00:00:00Z' }] };
      if (path === '/api/campaigns') return { items: [{ id: CAMPAIGN, title: 'Phong trào thi đua 2026' }] };
      return undefined;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('prints every page of the filtered list as a plain table, STT to Hạn', async () => {
    renderPage(<PrintListPage />, { token: fakeToken({ roles: ['council'] }), path: `/print/proposals?state=councilScreening&campaignId=${CAMPAIGN}&late=true&all=false` });
    const table = await screen.findByTestId('print-table');
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['STT', 'Họ tên', 'Chức vụ', 'Đơn vị', 'Hình thức', 'Tóm tắt thành tích', 'Trạng thái', 'Hạn']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);
    await waitFor(() => expect(cells(rows[0]!)[3]).toBe('Sở Y tế'));
    expect(cells(rows[0]!)).toEqual(['1', 'Nguyễn Văn A', 'Bác sĩ', 'Sở Y tế', 'Bằng khen của Chủ tịch UBND tỉnh', 'Thành tích A', 'Hội đồng TĐKT xét', '20/03/2026 (quá hạn)']);
    expect(cells(rows[1]!)).toEqual(['2', 'Nguyễn Văn B', '—', 'Sở Y tế', 'Giấy khen', 'Thành tích B', 'Chờ thủ trưởng đơn vị', '20/03/2026']);
    expect(cells(rows[2]!)).toEqual(['3', 'Khoa Cấp cứu', '—', 'Sở Y tế', 'Bằng khen của Chủ tịch UBND tỉnh', 'Thành tích C', 'Hội đồng TĐKT xét', '—']);

    // The same filters as the inbox, at the API's largest page, following the cursor.
    const asked = api.sent('GET', '/api/proposals');
    expect(asked.map((call) => Object.fromEntries(call.query))).toEqual([
      { inbox: 'true', state: 'councilScreening', campaignId: CAMPAIGN, late: 'true', limit: '200' },
      { inbox: 'true', state: 'councilScreening', campaignId: CAMPAIGN, late: 'true', limit: '200', cursor: 'k2' },
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Danh sách hồ sơ đề nghị khen thưởng');
    await waitFor(() => expect(screen.getByText(/Phong trào: Phong trào thi đua 2026/)).toBeTruthy());
    expect(screen.getByText(/Tổng số: 3 hồ sơ/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Về danh sách hồ sơ' }).getAttribute('href')).toBe(`/?state=councilScreening&campaignId=${CAMPAIGN}&late=true`);
  });

  it('names a merged district as it was when the proposal was drafted, and what it is now', async () => {
    const DISTRICT = '33333333-3333-4333-8333-333333333333';
    const COMMUNE = '44444444-4444-4444-8444-444444444444';
    const merged = unitChange({ successorId: COMMUNE });
    api = stubFetch(({ path }) => {
      if (path === '/api/proposals') return { items: [proposal('D', { unitId: DISTRICT, createdAt: '2025-03-02T01:00:00Z' })], nextCursor: null };
      if (path === '/api/units') {
        return {
          items: [
            { id: DISTRICT, code: 'HCL', name: 'Huyện Cao Lộc', dissolvedOn: '2025-07-01', successorId: COMMUNE, history: [merged], current: { id: COMMUNE, name: 'Xã Cao Lộc' } },
            { id: COMMUNE, code: 'XCL', name: 'Xã Cao Lộc', dissolvedOn: null, successorId: null, history: [], current: { id: COMMUNE, name: 'Xã Cao Lộc' } },
          ],
        };
      }
      return undefined;
    });
    renderPage(<PrintListPage />, { token: fakeToken({ roles: ['council'] }), path: '/print/proposals' });
    const table = await screen.findByTestId('print-table');
    const row = within(table).getAllByRole('row')[1]!;
    await waitFor(() => expect(within(row).getAllByRole('cell')[3]!.textContent).toBe('Huyện Cao Lộc (nay là Xã Cao Lộc)'));
  });

  it('prints with the browser’s own dialog, the toolbar left off the paper', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderPage(<PrintListPage />, { token: fakeToken({ roles: ['auditor'] }), path: '/print/proposals' });
    await screen.findByTestId('print-table');
    // An auditor's list is everything they may see.
    expect(api.sent('GET', '/api/proposals')[0]!.query.get('inbox')).toBeNull();
    const button = screen.getByRole('button', { name: 'In' });
    expect(button.closest('.no-print')).not.toBeNull();
    fireEvent.click(button);
    expect(print).toHaveBeenCalledTimes(1);
  });
});
