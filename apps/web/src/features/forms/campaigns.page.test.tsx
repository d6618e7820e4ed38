import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CampaignQuota, CampaignView } from '../../api/api-types.js';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { json, stubFetch } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import CampaignsPage from './campaigns.page.js';

const campaign = (id: string, title: string): CampaignView => ({
  id,
  title,
  round: 'campaign',
  plan: null,
  launchedAt: null,
  finalReviewAt: null,
  guidance: null,
  ceremonyDate: '2026-06-22',
  dossierDeadline: { rule: 'TH-5', dueDate: '2026-06-01', dueAt: '2026-06-01T17:00:00.000Z', provisional: false },
  createdAt: '2026-01-15T00:00:00Z',
  updatedAt: '2026-01-15T00:00:00Z',
});

const quotas: Record<string, CampaignQuota> = {
  c1: {
    campaignId: 'c1',
    byAwardForm: [
      { awardForm: 'chairman_certificate', limit: 20, used: 7 },
      { awardForm: 'unit_certificate', limit: null, used: 4 },
    ],
  },
  c2: {
    campaignId: 'c2',
    byAwardForm: [
      { awardForm: 'chairman_certificate', limit: 5, used: 6 },
      { awardForm: 'unit_certificate', limit: 10, used: 10 },
    ],
  },
};

function renderList(roles: string[]) {
  const server = stubFetch([
    { path: '/api/campaigns', body: { items: [campaign('c1', 'Chuyển đổi số'), campaign('c2', 'Dân vận khéo')] } },
    { path: '/api/campaigns/c1/quota', body: quotas.c1 },
    { path: '/api/campaigns/c2/quota', body: quotas.c2 },
  ]);
  renderPage(<CampaignsPage />, { token: fakeToken({ roles }), path: '/campaigns' });
  return server;
}

afterEach(() => {
  vi.unstubAllGlobals();
  clearCalendarCache();
});

describe('CampaignsPage', () => {
  it('shows each award form as used / limit with a bar, and marks a quota reached or exceeded', async () => {
    renderList(['drafter']);
    const first = await screen.findByTestId('campaign-c1');
    const chairman = await within(first).findByTestId('quota-chairman_certificate');
    expect(chairman.textContent).toContain('7 / 20');
    const bar = within(chairman).getByRole('meter', { name: 'Bằng khen của Chủ tịch UBND tỉnh: số lượng đã dùng' });
    expect(bar.getAttribute('value')).toBe('7');
    expect(bar.getAttribute('max')).toBe('20');
    expect(within(chairman).queryByTestId('quota-over')).toBeNull();
    const unit = within(first).getByTestId('quota-unit_certificate');
    expect(unit.textContent).toContain('4 / chưa quy định số lượng');
    expect(within(unit).queryByRole('meter')).toBeNull();
    expect(within(unit).queryByTestId('quota-over')).toBeNull();

    const second = screen.getByTestId('campaign-c2');
    await waitFor(() => expect(within(second).getAllByTestId('quota-over')).toHaveLength(2));
    expect(within(second).getByTestId('quota-chairman_certificate').textContent).toContain('6 / 5');
    expect(within(within(second).getByTestId('quota-chairman_certificate')).getByTestId('quota-over').textContent).toBe('Vượt số lượng');
    expect(within(within(second).getByTestId('quota-unit_certificate')).getByTestId('quota-over').textContent).toBe('Đã đủ số lượng');
  });

  it('shows the round, the ceremony, the TH-5 deadline and a link to the campaign’s proposals', async () => {
    renderList(['drafter']);
    const row = await screen.findByTestId('campaign-c1');
    expect(row.textContent).toContain('Chuyển đổi số');
    expect(row.textContent).toContain('22/06/2026');
    expect(row.querySelector('[data-due="2026-06-01"]')).not.toBeNull();
    expect(within(row).getByRole('link', { name: 'TH-5' }).getAttribute('href')).toBe('/rules/TH-5');
    expect(within(row).getByRole('link', { name: /Xem hồ sơ của phong trào/ }).getAttribute('href')).toBe('/?campaignId=c1');
  });

  it('offers a new campaign only to Home Affairs and administrators', async () => {
    renderList(['drafter']);
    await screen.findByTestId('campaign-c1');
    expect(screen.queryByRole('link', { name: 'Tạo phong trào mới' })).toBeNull();
  });

  it('offers a new campaign to Home Affairs', async () => {
    renderList(['home_affairs']);
    expect((await screen.findByRole('link', { name: 'Tạo phong trào mới' })).getAttribute('href')).toBe('/campaigns/new');
  });

  it('downloads the whole campaign’s award decision in Word or PDF, and says when there is none yet', async () => {
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:console.test/decision');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const token = fakeToken({ roles: ['home_affairs'] });
    const server = stubFetch((call) => {
      if (call.path === '/api/campaigns') return { items: [campaign('c1', 'Chuyển đổi số'), campaign('c2', 'Dân vận khéo')] };
      if (call.path === '/api/campaigns/c1/forms/quyet-dinh') {
        return new Response('PK', { headers: { 'Content-Disposition': "attachment; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20-%20Chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91.docx" } });
      }
      if (call.path === '/api/campaigns/c2/forms/quyet-dinh') return json({ code: 'FORM_NOT_READY', message: 'No approved proposal' }, 409);
      if (call.path.endsWith('/quota')) return quotas[call.path.split('/')[3]!];
      return undefined;
    });
    renderPage(<CampaignsPage />, { token, path: '/campaigns' });
    const first = await screen.findByTestId('campaign-c1');
    expect(within(first).getByText('Quyết định khen thưởng (cả đợt)')).toBeTruthy();
    fireEvent.click(within(first).getByRole('button', { name: 'Quyết định khen thưởng (cả đợt): Chuyển đổi số — Word (.docx)' }));
    await waitFor(() => expect(saved).toEqual(['Quyết định - Chuyển đổi số.docx']));
    const asked = server.sent('GET', '/api/campaigns/c1/forms/quyet-dinh');
    expect(asked.map((call) => call.query.toString())).toEqual(['format=docx']);
    expect(asked[0]!.headers.get('Authorization')).toBe(`Bearer ${token}`);

    const second = screen.getByTestId('campaign-c2');
    fireEvent.click(within(second).getByRole('button', { name: 'Quyết định khen thưởng (cả đợt): Dân vận khéo — PDF' }));
    const alert = await within(second).findByRole('alert');
    expect(alert.textContent).toBe('Chưa lập được Quyết định khen thưởng của đợt: chưa có hồ sơ nào của phong trào được quyết định khen thưởng.');
    expect(server.sent('GET', '/api/campaigns/c2/forms/quyet-dinh')[0]!.query.get('format')).toBe('pdf');
    vi.restoreAllMocks();
  });
});
