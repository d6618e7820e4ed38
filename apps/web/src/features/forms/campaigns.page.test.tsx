import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CampaignQuota, CampaignView } from '../../api/api-types.js';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { stubFetch } from '../../test-support/fetch-stub.js';
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
});
