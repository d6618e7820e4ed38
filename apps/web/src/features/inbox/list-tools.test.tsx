import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import InboxPage from './inbox.page.js';

const UNIT = '11111111-1111-4111-8111-111111111111';
const CAMPAIGN = '22222222-2222-4222-8222-222222222222';

describe('the inbox list to take away', () => {
  let api: FetchStub;
  let saved: { href: string; download: string }[];
  let xlsx: Response | null;

  beforeEach(() => {
    saved = [];
    xlsx = null;
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:console.test/list');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    api = stubFetch(({ path, query }) => {
      if (path === '/api/proposals' && query.get('format') === 'xlsx') return xlsx ?? json({ code: 'FORBIDDEN', message: 'no' }, 403);
      if (path === '/api/proposals') return { items: [], nextCursor: null };
      return { items: [] };
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const excelCalls = () => api.sent('GET', '/api/proposals').filter((call) => call.query.get('format') === 'xlsx');

  it('downloads the Excel list with the filters on screen, every page, under the server’s name', async () => {
    xlsx = new Response('PK', {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': "attachment; filename=\"danh-sach.xlsx\"; filename*=UTF-8''Danh%20s%C3%A1ch%20h%E1%BB%93%20s%C6%A1.xlsx",
      },
    });
    const token = fakeToken({ roles: ['council'] });
    renderPage(<InboxPage />, { token, path: `/?state=councilScreening&unitId=${UNIT}&campaignId=${CAMPAIGN}&late=true` });
    await screen.findByTestId('inbox-table');
    fireEvent.click(screen.getByRole('button', { name: 'Tải danh sách Excel' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(excelCalls()).toHaveLength(1);
    expect(Object.fromEntries(excelCalls()[0]!.query)).toEqual({
      inbox: 'true',
      state: 'councilScreening',
      unitId: UNIT,
      campaignId: CAMPAIGN,
      late: 'true',
      format: 'xlsx',
    });
    expect(excelCalls()[0]!.headers.get('Authorization')).toBe(`Bearer ${token}`);
    expect(saved[0]!.download).toBe('Danh sách hồ sơ.xlsx');
    expect(screen.getByText('Đã tải về Danh sách hồ sơ.xlsx.')).toBeTruthy();
  });

  it('asks for everything the caller may see when that is what the list shows', async () => {
    xlsx = new Response('PK');
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['auditor'] }), path: '/?state=awarded' });
    await screen.findByTestId('inbox-table');
    fireEvent.click(screen.getByRole('button', { name: 'Tải danh sách Excel' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(Object.fromEntries(excelCalls()[0]!.query)).toEqual({ state: 'awarded', format: 'xlsx' });
    expect(saved[0]!.download).toBe('danh-sach-ho-so.xlsx');
  });

  it('says plainly when the list cannot be downloaded', async () => {
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['council'] }) });
    await screen.findByTestId('inbox-table');
    fireEvent.click(screen.getByRole('button', { name: 'Tải danh sách Excel' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Bạn không có quyền tải danh sách này.');
  });

  it('links to the print view with the same filters', async () => {
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['council'] }), path: `/?state=councilScreening&late=true` });
    await screen.findByTestId('inbox-table');
    const link = screen.getByRole('link', { name: 'Bản in' });
    expect(link.getAttribute('href')).toBe('/print/proposals?state=councilScreening&late=true&all=false');
    fireEvent.change(screen.getByLabelText('Trạng thái'), { target: { value: 'awarded' } });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Bản in' }).getAttribute('href')).toBe('/print/proposals?state=awarded&late=true&all=false'));
  });
});
