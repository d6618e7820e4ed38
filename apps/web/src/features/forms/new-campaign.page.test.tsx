import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { stubFetch, type StubRoute } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import NewCampaignPage from './new-campaign.page.js';

const UNIT = '0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d';

const BASE_ROUTES: StubRoute[] = [
  {
    path: '/api/calendar/deadline',
    body: { rule: 'TH-5', dueDate: '2026-06-01', dueAt: '2026-06-01T17:00:00.000Z', provisional: true, computation: {} },
  },
  { path: '/api/units', body: { items: [{ id: UNIT, code: 'SO-YTE', name: 'Sở Y tế', createdAt: '2026-01-01T00:00:00Z' }] } },
];

function renderForm(routes: StubRoute[] = []) {
  const server = stubFetch([...routes, ...BASE_ROUTES]);
  renderPage(<NewCampaignPage />, { token: fakeToken({ roles: ['home_affairs'] }), path: '/campaigns/new' });
  return server;
}

const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const th1Texts = () => screen.queryAllByTestId('finding-TH-1').map((item) => item.textContent ?? '');

function fillCampaign() {
  change('Tên phong trào thi đua', ' Phong trào "Chuyển đổi số" 2026 ');
  change('Số hiệu kế hoạch thi đua', '45/KH-UBND');
  change('Ngày ban hành kế hoạch', '2026-01-15');
  change('Ngày phát động', '2026-02-01');
  change('Ngày tổng kết', '2026-05-20');
  change('Ngày hội nghị trao thưởng', '2026-06-22');
}

function fillGuidance() {
  change('Số hiệu hướng dẫn khen thưởng', '12/HD-SNV');
  change('Ngày ban hành hướng dẫn', '2026-05-25');
  change('Phạm vi khen thưởng', 'Toàn tỉnh');
  change('Đối tượng khen thưởng', 'Tập thể, cá nhân');
  change('Tiêu chuẩn khen thưởng', 'Hoàn thành xuất sắc nhiệm vụ');
  change('Thời gian lập thành tích: từ ngày', '2026-01-01');
  change('Thời gian lập thành tích: đến ngày', '2026-05-31');
  fireEvent.click(screen.getByLabelText('Bằng khen của Chủ tịch UBND tỉnh'));
  change('Số lượng Bằng khen của Chủ tịch UBND tỉnh', '20');
}

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  clearCalendarCache();
});

describe('NewCampaignPage', () => {
  it('speaks English when switched', () => {
    stubFetch(BASE_ROUTES);
    renderPage(<NewCampaignPage />, { token: fakeToken({ roles: ['admin'] }), path: '/campaigns/new', lang: 'en' });
    expect(screen.getAllByTestId('finding-TH-1').at(-1)!.textContent).toContain('No award guidance has been issued for the campaign.');
    expect(screen.getByRole('button', { name: 'Create the campaign' }).getAttribute('data-testid')).toBe('campaign-save');
    expect(screen.getByLabelText('Number of awards, Unit certificate (Giấy khen)')).toBeTruthy();
  });

  it('names, under TH-1, everything an empty campaign lacks, each linking to the rule', () => {
    renderForm();
    const texts = th1Texts();
    expect(texts).toEqual([
      expect.stringContaining('chưa có kế hoạch thi đua'),
      expect.stringContaining('chưa được phát động'),
      expect.stringContaining('chưa tổ chức tổng kết'),
      expect.stringContaining('Chưa ban hành hướng dẫn khen thưởng'),
    ]);
    const findings = screen.getByRole('region', { name: /sẽ bị từ chối khi trình \(TH-1\)/ });
    expect(within(findings).getAllByRole('link', { name: 'TH-1' })[0]!.getAttribute('href')).toBe('/rules/TH-1');
  });

  it('lists each missing piece of a guidance once it is started, and nothing once all is filled in', () => {
    renderForm();
    fillCampaign();
    expect(th1Texts()).toEqual([expect.stringContaining('Chưa ban hành hướng dẫn khen thưởng')]);

    change('Số hiệu hướng dẫn khen thưởng', '12/HD-SNV');
    expect(th1Texts().some((text) => text.includes('chưa xác định tiêu chuẩn khen thưởng'))).toBe(true);
    expect(th1Texts().some((text) => text.includes('chưa xác định số lượng khen thưởng'))).toBe(true);

    fillGuidance();
    expect(screen.queryAllByTestId('finding-TH-1')).toHaveLength(0);
    expect(screen.getByText('Đủ điều kiện của TH-1: hồ sơ của phong trào có thể được trình.')).toBeTruthy();
  });

  it('names an offered award form that has no number', () => {
    renderForm();
    fillCampaign();
    fillGuidance();
    fireEvent.click(screen.getByLabelText('Giấy khen'));
    expect(th1Texts()).toEqual([expect.stringContaining('chưa quy định số lượng cho hình thức "Giấy khen"')]);
  });

  it('previews the TH-5 dossier deadline of the ceremony', async () => {
    const server = renderForm();
    change('Ngày hội nghị trao thưởng', '2026-06-22');
    const preview = await screen.findByTestId('campaign-deadline');
    await waitFor(() => expect(preview.querySelector('[data-due="2026-06-01"]')).not.toBeNull());
    expect(Object.fromEntries(server.sent('GET', '/api/calendar/deadline').at(-1)!.query)).toEqual({ rule: 'TH-5', ceremony: '2026-06-22' });
  });

  it('posts the body CreateCampaignDto takes and returns to the list', async () => {
    const server = renderForm([{ method: 'POST', path: '/api/campaigns', status: 201, body: { id: 'c-1' } }]);
    fillCampaign();
    fillGuidance();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo phong trào' }));

    await waitFor(() => expect(window.location.pathname).toBe('/campaigns'));
    expect(server.sent('POST', '/api/campaigns').map((call) => call.body)).toEqual([
      {
        title: 'Phong trào "Chuyển đổi số" 2026',
        round: 'campaign',
        plan: { ref: '45/KH-UBND', issuedAt: '2026-01-15' },
        launchedAt: '2026-02-01',
        finalReviewAt: '2026-05-20',
        ceremonyDate: '2026-06-22',
        guidance: {
          ref: '12/HD-SNV',
          issuedAt: '2026-05-25',
          scope: 'Toàn tỉnh',
          subjects: 'Tập thể, cá nhân',
          criteria: 'Hoàn thành xuất sắc nhiệm vụ',
          achievementPeriod: { from: '2026-01-01', to: '2026-05-31' },
          awardForms: ['chairman_certificate'],
          quota: { chairman_certificate: 20 },
        },
      },
    ]);
  });

  it('leaves out a plan not started, and sends the guidance as it stands for the server to name what is missing', async () => {
    const server = renderForm([{ method: 'POST', path: '/api/campaigns', status: 201, body: { id: 'c-2' } }]);
    change('Tên phong trào thi đua', 'Phong trào "Dân vận khéo"');
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(server.sent('POST', '/api/campaigns')).toHaveLength(1));
    expect(server.sent('POST', '/api/campaigns')[0]!.body).toEqual({
      title: 'Phong trào "Dân vận khéo"',
      round: 'campaign',
      guidance: {
        ref: '',
        issuedAt: '',
        scope: '',
        subjects: '',
        criteria: '',
        achievementPeriod: { from: '', to: '' },
        awardForms: [],
        quota: {},
      },
    });
  });

  it('sends the numbers each unit agreed with Home Affairs in an anniversary round (TH-2)', async () => {
    const server = renderForm([{ method: 'POST', path: '/api/campaigns', status: 201, body: { id: 'c-3' } }]);
    fillCampaign();
    change('Loại đợt khen thưởng', 'anniversary');
    fillGuidance();
    fireEvent.change(await screen.findByLabelText('Sở Y tế: số lượng Bằng khen của Chủ tịch UBND tỉnh'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(server.sent('POST', '/api/campaigns')).toHaveLength(1));
    const body = server.sent('POST', '/api/campaigns')[0]!.body as { round: string; guidance: Record<string, unknown> };
    expect(body.round).toBe('anniversary');
    expect(body.guidance.unitQuota).toEqual({ [UNIT]: { chairman_certificate: 3 } });
  });

  it('refuses a number of awards that is not a whole number without asking the server', async () => {
    const server = renderForm();
    fillCampaign();
    fillGuidance();
    change('Số lượng Bằng khen của Chủ tịch UBND tỉnh', '2.5');
    const quota = screen.getByLabelText('Số lượng Bằng khen của Chủ tịch UBND tỉnh');
    expect(quota.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByTestId('campaign-save'));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Sửa các ô được đánh dấu trước khi tạo phong trào.');
    expect(document.activeElement).toBe(quota);
    expect(server.sent('POST', '/api/campaigns')).toHaveLength(0);
  });

  it('shows the field problems of a 400 beside their fields', async () => {
    renderForm([
      {
        method: 'POST',
        path: '/api/campaigns',
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'guidance.criteria should not be empty',
          errors: [{ field: 'guidance.criteria', message: 'guidance.criteria should not be empty' }],
        },
      },
    ]);
    change('Tên phong trào thi đua', 'Phong trào');
    change('Số hiệu hướng dẫn khen thưởng', '12/HD-SNV');
    fireEvent.click(screen.getByTestId('campaign-save'));
    const criteria = screen.getByLabelText('Tiêu chuẩn khen thưởng');
    await waitFor(() => expect(criteria.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(screen.getByText('Chưa nhập mục này.')).toBeTruthy();
    expect(screen.queryByText(/should not be empty/)).toBeNull();
  });
});
