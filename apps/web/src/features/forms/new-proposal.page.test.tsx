import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CampaignView } from '../../api/api-types.js';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { stubFetch, type StubRoute } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import NewProposalPage from './new-proposal.page.js';

const UNIT = '0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d';
const CAMPAIGN = '7f1e2d3c-4b5a-4697-8877-665544332211';

const campaignWithoutGuidance: CampaignView = {
  id: CAMPAIGN,
  title: 'Phong trào "Chuyển đổi số" 2026',
  round: 'campaign',
  plan: { ref: '45/KH-UBND', issuedAt: '2026-01-15' },
  launchedAt: '2026-02-01',
  finalReviewAt: '2026-05-20',
  guidance: null,
  ceremonyDate: '2026-06-22',
  dossierDeadline: null,
  createdAt: '2026-01-15T00:00:00Z',
  updatedAt: '2026-01-15T00:00:00Z',
};

const BASE_ROUTES: StubRoute[] = [
  { path: '/api/campaigns', body: { items: [campaignWithoutGuidance] } },
  { path: `/api/units/${UNIT}`, body: { id: UNIT, code: 'SO-YTE', name: 'Sở Y tế', createdAt: '2026-01-01T00:00:00Z' } },
  {
    path: '/api/calendar/deadline',
    body: { rule: 'DX-4', dueDate: '2026-05-04', dueAt: '2026-05-04T17:00:00.000Z', provisional: false, computation: {} },
  },
];

function renderForm(routes: StubRoute[] = []) {
  const server = stubFetch([...routes, ...BASE_ROUTES]);
  renderPage(<NewProposalPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/proposals/new' });
  return server;
}

const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** An extraordinary proposal for an individual, complete but for what each test leaves out. */
function fillExtraordinary() {
  change('Loại khen thưởng', 'extraordinary');
  change('Hình thức khen thưởng', 'chairman_certificate');
  change('Họ tên cá nhân hoặc tên tập thể', '  Nguyễn Văn An ');
  change('Tóm tắt thành tích', 'Cứu 3 người trong lũ quét');
  change('Ngày lập thành tích', '2026-04-22');
}

/** Today, in Vietnam, is fixed: the form judges dates against it (not in the future, already late). */
function today(isoInstant: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(isoInstant));
}

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  // Saturday 25 April 2026 in Vietnam: the DX-4 deadline of the stubbed answer (4 May) is still ahead.
  today('2026-04-25T03:00:00Z');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  clearCalendarCache();
});

describe('NewProposalPage', () => {
  it('speaks English when switched, rule findings included', async () => {
    stubFetch(BASE_ROUTES);
    renderPage(<NewProposalPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/proposals/new', lang: 'en' });
    fireEvent.change(screen.getByLabelText('Kind of award'), { target: { value: 'extraordinary' } });
    expect(screen.getByTestId('finding-DX-1').textContent).toContain('The proposal names none.');
    expect(screen.getByRole('button', { name: 'Save the proposal' }).getAttribute('data-testid')).toBe('proposal-save');
    await screen.findByTestId('proposal-unit');
  });

  it('shows the unit of the signed-in drafter', async () => {
    renderForm();
    expect(await screen.findByTestId('proposal-unit')).toHaveProperty('textContent', 'Sở Y tế');
  });

  it('warns DX-1 while an extraordinary proposal names no basis, linking to the rule, and stops once one is chosen', async () => {
    renderForm();
    fillExtraordinary();
    const finding = await screen.findByTestId('finding-DX-1');
    expect(within(finding).getByRole('link', { name: 'DX-1' }).getAttribute('href')).toBe('/rules/DX-1');
    expect(finding.textContent).toContain('Hồ sơ chưa nêu căn cứ');

    change('Căn cứ khen thưởng đột xuất', 'rescue');
    expect(screen.queryByTestId('finding-DX-1')).toBeNull();
  });

  it('warns DX-2 for a collective until its own share of the forces is stated and reaches 2/3', async () => {
    renderForm();
    fillExtraordinary();
    change('Căn cứ khen thưởng đột xuất', 'rescue');
    change('Đối tượng', 'collective');

    const dx2Texts = () => screen.queryAllByTestId('finding-DX-2').map((item) => item.textContent ?? '');
    expect(dx2Texts().some((text) => text.includes('phải nêu số cán bộ của đơn vị tham gia'))).toBe(true);
    expect(screen.getAllByRole('link', { name: 'DX-2' })[0]!.getAttribute('href')).toBe('/rules/DX-2');

    change('Số cán bộ của đơn vị tham gia', '19');
    change('Tổng số lực lượng tham gia', '30');
    expect(dx2Texts().some((text) => text.includes('ít nhất 2/3') && text.includes('19/30'))).toBe(true);

    change('Số cán bộ của đơn vị tham gia', '20');
    // 20 of 30 qualifies; what stays is the rule's "individuals first", which every collective carries.
    expect(dx2Texts()).toHaveLength(1);
    expect(dx2Texts()[0]).toContain('cân nhắc khen thưởng các cá nhân trước');
  });

  it('warns TH-1 when the chosen campaign has no award guidance', async () => {
    renderForm();
    expect((await screen.findAllByTestId('finding-TH-1'))[0]!.textContent).toContain('hồ sơ chưa chọn phong trào thi đua');
    await screen.findByRole('option', { name: campaignWithoutGuidance.title });

    change('Phong trào thi đua', CAMPAIGN);
    const th1 = screen.getAllByTestId('finding-TH-1').map((item) => item.textContent);
    expect(th1.some((text) => text?.includes('Chưa ban hành hướng dẫn khen thưởng cho phong trào thi đua.'))).toBe(true);
    expect(within(screen.getAllByTestId('finding-TH-1')[0]!).getByRole('link', { name: 'TH-1' }).getAttribute('href')).toBe('/rules/TH-1');
  });

  it('previews the DX-4 deadline the server computes for the achievement date', async () => {
    const server = renderForm();
    fillExtraordinary();
    change('Ngày cơ quan có thẩm quyền ghi nhận (nếu có)', '2026-04-24');
    const preview = await screen.findByTestId('proposal-deadline');
    await waitFor(() => expect(preview.querySelector('[data-due="2026-05-04"]')).not.toBeNull());
    const asked = server.sent('GET', '/api/calendar/deadline').at(-1)!;
    expect(Object.fromEntries(asked.query)).toEqual({ rule: 'DX-4', from: '2026-04-22', recognizedAt: '2026-04-24' });
  });

  it('posts the body CreateProposalDto takes and opens the new proposal', async () => {
    const server = renderForm([{ method: 'POST', path: '/api/proposals', status: 201, body: { id: 'p-42' } }]);
    await screen.findByTestId('proposal-unit');
    fillExtraordinary();
    change('Căn cứ khen thưởng đột xuất', 'rescue');
    change('Ngày cơ quan có thẩm quyền ghi nhận (nếu có)', '2026-04-24');
    fireEvent.click(screen.getByLabelText('Thành tích phục vụ hội nghị, hội thảo, diễn đàn hoặc chương trình phối hợp'));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ' }));

    await waitFor(() => expect(window.location.pathname).toBe('/proposals/p-42'));
    expect(server.sent('POST', '/api/proposals')).toHaveLength(1);
    expect(server.sent('POST', '/api/proposals')[0]!.body).toEqual({
      kind: 'extraordinary',
      unitId: UNIT,
      awardForm: 'chairman_certificate',
      nominee: { type: 'individual', name: 'Nguyễn Văn An' },
      achievement: { summary: 'Cứu 3 người trong lũ quét', date: '2026-04-22', basis: 'rescue', recognizedAt: '2026-04-24', serviceWork: true },
    });
  });

  it('sends a thematic proposal with its campaign and the collective facts that apply to it', async () => {
    const server = renderForm([{ method: 'POST', path: '/api/proposals', status: 201, body: { id: 'p-43' } }]);
    await screen.findByRole('option', { name: campaignWithoutGuidance.title });
    change('Phong trào thi đua', CAMPAIGN);
    change('Đối tượng', 'collective');
    change('Họ tên cá nhân hoặc tên tập thể', 'Phòng Kế hoạch');
    fireEvent.click(screen.getByLabelText('Là Ban Chỉ đạo (hoặc tập thể tương đương)'));
    change('Tóm tắt thành tích', 'Hoàn thành xuất sắc');
    change('Ngày lập thành tích', '2026-03-10');
    fireEvent.click(screen.getByTestId('proposal-save'));

    await waitFor(() => expect(server.sent('POST', '/api/proposals')).toHaveLength(1));
    expect(server.sent('POST', '/api/proposals')[0]!.body).toEqual({
      kind: 'thematic',
      campaignId: CAMPAIGN,
      unitId: UNIT,
      awardForm: 'unit_certificate',
      nominee: { type: 'collective', name: 'Phòng Kế hoạch', steeringCommittee: true },
      achievement: { summary: 'Hoàn thành xuất sắc', date: '2026-03-10' },
    });
  });

  it('shows the rule violations of a 422 with links to the rules', async () => {
    renderForm([
      {
        method: 'POST',
        path: '/api/proposals',
        status: 422,
        body: {
          code: 'RULE_VIOLATION',
          message: 'Quy định không cho phép',
          violations: [{ rule: 'ND-1', message: 'Đang xem xét kỷ luật: chưa xem xét khen thưởng', messageEn: 'Under discipline' }],
        },
      },
    ]);
    await screen.findByTestId('proposal-unit');
    fillExtraordinary();
    fireEvent.click(screen.getByTestId('proposal-save'));

    // The refusal's wording is the shared ErrorView's; what matters here is that it names the rule, linked.
    const alert = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[role="alert"][data-code="RULE_VIOLATION"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(alert.textContent).toContain('Đang xem xét kỷ luật: chưa xem xét khen thưởng');
    expect(within(alert).getByRole('link', { name: 'ND-1' }).getAttribute('href')).toBe('/rules/ND-1');
    expect(window.location.pathname).toBe('/proposals/new');
  });

  it('says in Vietnamese, under the field, what the API refused, never its English or the field path', async () => {
    const server = renderForm([
      {
        method: 'POST',
        path: '/api/proposals',
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'achievement.date 2026-04-22 is after today (2026-04-21): an achievement cannot be in the future; nominee.title must be something new',
          errors: [
            { field: 'achievement.date', message: 'achievement.date 2026-04-22 is after today (2026-04-21): an achievement cannot be in the future' },
            { field: 'nominee.title', message: 'nominee.title must be something new' },
            { field: 'nominee.name', message: 'nominee.name must be shorter than or equal to 500 characters' },
          ],
        },
      },
    ]);
    await screen.findByTestId('proposal-unit');
    fillExtraordinary();
    change('Chức vụ', 'Trưởng phòng');
    fireEvent.click(screen.getByTestId('proposal-save'));

    await waitFor(() => expect(server.sent('POST', '/api/proposals')).toHaveLength(1));
    const date = screen.getByLabelText('Ngày lập thành tích');
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${date.id}-problem`)?.textContent).toBe('Ngày lập thành tích không được sau hôm nay.');
    // A check the console has no sentence for still reads in Vietnamese, naming the field in words.
    expect(document.getElementById('proposal-title-problem')?.textContent).toBe('Chức vụ chưa hợp lệ, xin kiểm tra lại.');
    expect(document.getElementById('proposal-nominee-name-problem')?.textContent).toBe('Họ tên cá nhân hoặc tên tập thể không được dài quá 500 ký tự.');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(alert.textContent).toContain('Hồ sơ chưa lưu được');
    const page = document.body.textContent ?? '';
    expect(page).not.toContain('nominee.');
    expect(page).not.toContain('achievement.');
    expect(page).not.toContain('cannot be in the future');
  });

  it('catches an empty name and a future date before sending, in Vietnamese, and moves the focus to the first', async () => {
    const server = renderForm([{ method: 'POST', path: '/api/proposals', status: 201, body: { id: 'p-44' } }]);
    await screen.findByTestId('proposal-unit');
    change('Tóm tắt thành tích', 'Hoàn thành xuất sắc');
    change('Ngày lập thành tích', '2026-04-26');
    fireEvent.click(screen.getByTestId('proposal-save'));

    expect(server.sent('POST', '/api/proposals')).toHaveLength(0);
    const name = screen.getByLabelText('Họ tên cá nhân hoặc tên tập thể');
    expect(document.getElementById('proposal-nominee-name-problem')?.textContent).toBe('Chưa nhập họ tên cá nhân hoặc tên tập thể.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(document.getElementById('proposal-date-problem')?.textContent).toBe('Ngày lập thành tích không được sau hôm nay.');
    expect(screen.getByTestId('proposal-problems').textContent).toContain('Chưa nhập họ tên cá nhân hoặc tên tập thể.');

    // Corrected, the problems go as the clerk types, and the proposal is sent.
    change('Họ tên cá nhân hoặc tên tập thể', 'Phạm Thị Dung');
    change('Ngày lập thành tích', '2026-04-20');
    expect(document.getElementById('proposal-nominee-name-problem')).toBeNull();
    fireEvent.click(screen.getByTestId('proposal-save'));
    await waitFor(() => expect(server.sent('POST', '/api/proposals')).toHaveLength(1));
  });
});
