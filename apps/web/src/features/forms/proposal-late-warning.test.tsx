import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CampaignView } from '../../api/api-types.js';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { stubFetch, type StubRoute } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import NewProposalPage from './new-proposal.page.js';

const UNIT = '0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d';
const CAMPAIGN = '7f1e2d3c-4b5a-4697-8877-665544332211';

/** A campaign whose TH-5 deadline (15 working days before the ceremony) was Monday 4 May 2026. */
const lateCampaign: CampaignView = {
  id: CAMPAIGN,
  title: 'Phong trào "Dân vận khéo" 2026',
  round: 'campaign',
  plan: { ref: '45/KH-UBND', issuedAt: '2026-01-15' },
  launchedAt: '2026-02-01',
  finalReviewAt: '2026-05-20',
  guidance: { ref: '12/HD-SNV', issuedAt: '2026-02-01', achievementPeriod: { from: '2026-01-01', to: '2026-05-01' } },
  ceremonyDate: '2026-05-26',
  dossierDeadline: { rule: 'TH-5', dueDate: '2026-05-04', dueAt: '2026-05-04T17:00:00.000Z', provisional: false },
  createdAt: '2026-01-15T00:00:00Z',
  updatedAt: '2026-01-15T00:00:00Z',
} as unknown as CampaignView;

const YEAR_2026 = { year: 2026, provisional: false, source: 'test', daysOff: [], workingSaturdays: [] };

const ROUTES: StubRoute[] = [
  { method: 'POST', path: '/api/proposals', status: 201, body: { id: 'p-late' } },
  { path: '/api/campaigns', body: { items: [lateCampaign] } },
  { path: `/api/units/${UNIT}`, body: { id: UNIT, code: 'SO-YTE', name: 'Sở Y tế', createdAt: '2026-01-01T00:00:00Z' } },
  { path: '/api/calendar/2026', body: YEAR_2026 },
  // An achievement of Thursday 30 April: day 10 is Sunday 10 May, so the deadline is the end of Monday 11 May.
  { path: '/api/calendar/deadline', body: { rule: 'DX-4', dueDate: '2026-05-11', dueAt: '2026-05-11T17:00:00.000Z', provisional: false, computation: {} } },
];

const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function renderForm() {
  const server = stubFetch(ROUTES);
  renderPage(<NewProposalPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/proposals/new' });
  return server;
}

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  // Friday 15 May 2026, 10:00 in Vietnam: fifteen days after the achievement.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-15T03:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  clearCalendarCache();
});

describe('a proposal that would be late, before it is saved', () => {
  it('DX-4: warns with the working days overdue and the rule link instead of "nothing against the rulebook", and saves only once acknowledged', async () => {
    const server = renderForm();
    await screen.findByTestId('proposal-unit');
    change('Loại khen thưởng', 'extraordinary');
    change('Họ tên cá nhân hoặc tên tập thể', 'Nguyễn Văn An');
    change('Tóm tắt thành tích', 'Cứu 3 người trong lũ quét');
    change('Ngày lập thành tích', '2026-04-30');
    change('Căn cứ khen thưởng đột xuất', 'rescue');

    const warning = await screen.findByTestId('proposal-late-warning');
    // 12, 13, 14 and 15 May are working days after the last day.
    await waitFor(() => expect(warning.textContent).toContain('Hồ sơ sẽ bị ghi nhận là nộp quá hạn 4 ngày làm việc (DX-4): hạn trình là hết ngày 11/05/2026'));
    expect(within(warning).getByRole('link', { name: 'DX-4' }).getAttribute('href')).toBe('/rules/DX-4');
    const findings = screen.getByTestId('proposal-findings');
    expect(findings.textContent).not.toContain('Chưa thấy điều gì trái quy định');
    const save = screen.getByTestId('proposal-save');
    expect(save.textContent).toBe('Lưu (hồ sơ quá hạn)');

    fireEvent.click(save);
    expect(server.sent('POST', '/api/proposals')).toHaveLength(0);
    expect(document.getElementById('proposal-late-ack-problem')?.textContent).toBe('Xin đánh dấu ô xác nhận đã biết hồ sơ quá hạn trước khi lưu.');
    expect(document.activeElement).toBe(screen.getByLabelText('Tôi đã biết hồ sơ này quá hạn và vẫn muốn lưu'));

    fireEvent.click(screen.getByLabelText('Tôi đã biết hồ sơ này quá hạn và vẫn muốn lưu'));
    fireEvent.click(save);
    await waitFor(() => expect(server.sent('POST', '/api/proposals')).toHaveLength(1));
    await waitFor(() => expect(window.location.pathname).toBe('/proposals/p-late'));
  });

  it('DX-4: no warning on the last day itself', async () => {
    // Monday 11 May, the last day: submitted today, it is on time.
    vi.setSystemTime(new Date('2026-05-11T03:00:00Z'));
    renderForm();
    await screen.findByTestId('proposal-unit');
    change('Loại khen thưởng', 'extraordinary');
    change('Họ tên cá nhân hoặc tên tập thể', 'Nguyễn Văn An');
    change('Tóm tắt thành tích', 'Cứu 3 người trong lũ quét');
    change('Căn cứ khen thưởng đột xuất', 'rescue');
    change('Ngày lập thành tích', '2026-04-30');
    await waitFor(() => expect(screen.getByTestId('proposal-deadline').querySelector('[data-due="2026-05-11"]')).not.toBeNull());
    expect(screen.queryByTestId('proposal-late-warning')).toBeNull();
    expect(screen.getByTestId('proposal-findings').textContent).toContain('Chưa thấy điều gì trái quy định');
    expect(screen.getByTestId('proposal-save').textContent).toBe('Lưu hồ sơ');
  });

  it('TH-5: a campaign whose dossier deadline has passed makes a thematic proposal late', async () => {
    renderForm();
    await screen.findByRole('option', { name: lateCampaign.title });
    change('Phong trào thi đua', CAMPAIGN);
    const warning = await screen.findByTestId('proposal-late-warning');
    // 5 … 8 May and 11 … 15 May: nine working days.
    await waitFor(() => expect(warning.textContent).toContain('Hồ sơ sẽ bị ghi nhận là nộp quá hạn 9 ngày làm việc (TH-5)'));
    expect(warning.textContent).toContain('hồ sơ phải đến Sở Nội vụ chậm nhất hết ngày 04/05/2026');
    expect(within(warning).getByRole('link', { name: 'TH-5' }).getAttribute('href')).toBe('/rules/TH-5');
    expect(screen.getByTestId('proposal-save').textContent).toBe('Lưu (hồ sơ quá hạn)');
  });

  it('says so in English too', async () => {
    stubFetch(ROUTES);
    renderPage(<NewProposalPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/proposals/new', lang: 'en' });
    await screen.findByTestId('proposal-unit');
    fireEvent.change(screen.getByLabelText('Kind of award'), { target: { value: 'extraordinary' } });
    fireEvent.change(screen.getByLabelText('Date of the achievement'), { target: { value: '2026-04-30' } });
    const warning = await screen.findByTestId('proposal-late-warning');
    await waitFor(() => expect(warning.textContent).toContain('The proposal will be recorded as 4 working days late (DX-4)'));
    expect(screen.getByTestId('proposal-save').textContent).toBe('Save (late proposal)');
  });
});
