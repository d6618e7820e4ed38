import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProposalView } from '../../api/api-types.js';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { json, stubFetch, type StubCall } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import EditProposalPage from './edit-proposal.page.js';

const UNIT = '0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d';
const ID = '9d8c7b6a-1111-4222-8333-444455556666';
const PERSON = '5a1d2c3b-0000-4000-8000-00000000a001';

/** A proposal the unit head returned to drafting, as GET /api/proposals/:id shows it to the unit's clerk. */
const returned: ProposalView = {
  id: ID,
  kind: 'extraordinary',
  unitId: UNIT,
  campaignId: null,
  awardForm: 'chairman_certificate',
  nominee: { type: 'individual', name: 'Nguyễn Thị Hoa', personId: PERSON, birthYear: 1985, gender: 'female', title: 'Trưởng phòng', workplace: 'Sở Y tế' },
  achievement: { summary: 'Cứu 3 người trong lũ quét', date: '2026-04-22', basis: 'rescue' },
  state: 'drafting',
  version: 3,
  machineVersion: 2,
  deadline: { rule: 'DX-4', dueDate: '2026-05-04', dueAt: '2026-05-04T17:00:00.000Z', provisional: false },
  deadlineMetAt: null,
  late: false,
  lateRule: null,
  escalation: 'none',
  warnings: [],
  allowedEvents: ['UPDATE', 'SUBMIT', 'WITHDRAW'],
  lastReason: 'Tóm tắt thành tích chưa nêu rõ số người được cứu và thời điểm',
  vote: null,
  decision: null,
  submittedAt: '2026-04-23T02:00:00.000Z',
  forwardedAt: null,
  createdAt: '2026-04-22T02:00:00.000Z',
  updatedAt: '2026-04-24T02:00:00.000Z',
};

function server(proposal: ProposalView, onEvent: (call: StubCall) => unknown = () => json(proposal)) {
  return stubFetch((call) => {
    if (call.method === 'POST' && call.path === `/api/proposals/${ID}/events`) return onEvent(call);
    if (call.path === `/api/proposals/${ID}`) return json(proposal, 200, { ETag: `"${proposal.version}"` });
    if (call.path === `/api/units/${UNIT}`) return { id: UNIT, code: 'SO-YTE', name: 'Sở Y tế', createdAt: '2026-01-01T00:00:00Z' };
    if (call.path === '/api/calendar/deadline') return { rule: 'DX-4', dueDate: '2026-05-04', dueAt: '2026-05-04T17:00:00.000Z', provisional: false, computation: {} };
    if (call.path === '/api/people') return { items: [], nextCursor: null };
    return undefined;
  });
}

function renderEdit(lang: 'vi' | 'en' = 'vi') {
  renderPage(<EditProposalPage params={{ id: ID }} />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: `/proposals/${ID}/edit`, lang });
}

const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-04-25T03:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  clearCalendarCache();
});

describe('EditProposalPage', () => {
  it('opens a returned draft filled in, with why it was returned, and what cannot change shown read-only', async () => {
    server(returned);
    renderEdit();
    expect((await screen.findByTestId('proposal-return-reason')).textContent).toBe('Lý do trả lại: Tóm tắt thành tích chưa nêu rõ số người được cứu và thời điểm');
    expect((screen.getByLabelText('Họ tên cá nhân hoặc tên tập thể') as HTMLInputElement).value).toBe('Nguyễn Thị Hoa');
    expect((screen.getByLabelText('Năm sinh') as HTMLInputElement).value).toBe('1985');
    expect((screen.getByLabelText('Tóm tắt thành tích') as HTMLTextAreaElement).value).toBe('Cứu 3 người trong lũ quét');
    expect((screen.getByLabelText('Hình thức khen thưởng') as HTMLSelectElement).value).toBe('chairman_certificate');
    expect((screen.getByLabelText('Căn cứ khen thưởng đột xuất') as HTMLSelectElement).value).toBe('rescue');
    // Kind and unit are facts here, not inputs: UPDATE does not take them.
    expect(screen.queryByLabelText('Loại khen thưởng')).toBeNull();
    const fixed = screen.getByTestId('proposal-fixed');
    expect(fixed.textContent).toContain('Khen thưởng đột xuất');
    await waitFor(() => expect(within(fixed).getByTestId('proposal-unit').textContent).toBe('Sở Y tế'));
    expect(screen.getByTestId('proposal-save').textContent).toBe('Lưu thay đổi');
  });

  it('saves only the part changed, as an UPDATE event with If-Match, and goes back to the proposal', async () => {
    const api = server(returned, () => json({ ...returned, version: 4 }));
    renderEdit();
    await screen.findByTestId('proposal-return-reason');
    change('Tóm tắt thành tích', 'Cứu 3 người (2 trẻ em) trong lũ quét đêm 21/4');
    fireEvent.click(screen.getByTestId('proposal-save'));

    await waitFor(() => expect(api.sent('POST', `/api/proposals/${ID}/events`)).toHaveLength(1));
    const sent = api.sent('POST', `/api/proposals/${ID}/events`)[0]!;
    expect(sent.body).toEqual({
      type: 'UPDATE',
      changes: { achievement: { summary: 'Cứu 3 người (2 trẻ em) trong lũ quét đêm 21/4', date: '2026-04-22', basis: 'rescue' } },
    });
    expect(sent.headers.get('If-Match')).toBe('"3"');
    await waitFor(() => expect(window.location.pathname).toBe(`/proposals/${ID}`));
  });

  it('sends the nominee whole when its details change, keeping the registry link unless the name is edited', async () => {
    const api = server(returned);
    renderEdit();
    await screen.findByTestId('proposal-return-reason');
    change('Chức vụ', 'Phó Giám đốc');
    change('Hình thức khen thưởng', 'unit_certificate');
    fireEvent.click(screen.getByTestId('proposal-save'));
    await waitFor(() => expect(api.sent('POST', `/api/proposals/${ID}/events`)).toHaveLength(1));
    expect(api.sent('POST', `/api/proposals/${ID}/events`)[0]!.body).toEqual({
      type: 'UPDATE',
      changes: {
        awardForm: 'unit_certificate',
        nominee: { type: 'individual', name: 'Nguyễn Thị Hoa', personId: PERSON, birthYear: 1985, gender: 'female', title: 'Phó Giám đốc', workplace: 'Sở Y tế' },
      },
    });
  });

  it('sends nothing when nothing changed, and says so', async () => {
    const api = server(returned);
    renderEdit();
    await screen.findByTestId('proposal-return-reason');
    fireEvent.click(screen.getByTestId('proposal-save'));
    expect(screen.getByTestId('proposal-problems').textContent).toContain('Chưa sửa mục nào: hồ sơ vẫn như trước.');
    expect(api.sent('POST', `/api/proposals/${ID}/events`)).toHaveLength(0);
  });

  it("shows the API's refusal of an UPDATE field in Vietnamese under the field", async () => {
    server(returned, () =>
      json(
        {
          code: 'VALIDATION_FAILED',
          message: 'changes.achievement.recognizedAt 2026-04-20 is before the achievement on 2026-04-22',
          errors: [{ field: 'changes.achievement.recognizedAt', message: 'changes.achievement.recognizedAt 2026-04-20 is before the achievement on 2026-04-22' }],
        },
        400,
      ),
    );
    renderEdit();
    await screen.findByTestId('proposal-return-reason');
    // Not caught by the form (the stub refuses what the form would let through): the server's word is shown.
    change('Tóm tắt thành tích', 'Cứu 3 người');
    fireEvent.click(screen.getByTestId('proposal-save'));
    await waitFor(() => expect(document.getElementById('proposal-recognized-at-problem')?.textContent).toBe('Ngày ghi nhận không được trước ngày lập thành tích.'));
    expect(document.body.textContent).not.toContain('changes.achievement');
    expect(window.location.pathname).toBe(`/proposals/${ID}/edit`);
  });

  it('when someone changed the proposal first (409), says so and reloads it on request', async () => {
    const api = server(returned, () => json({ code: 'VERSION_CONFLICT', message: 'version 3 is not current (4)' }, 409));
    renderEdit();
    await screen.findByTestId('proposal-return-reason');
    change('Tóm tắt thành tích', 'Cứu 3 người');
    fireEvent.click(screen.getByTestId('proposal-save'));
    const conflict = await screen.findByTestId('conflict-message');
    expect(conflict.textContent).toContain('Hồ sơ vừa được người khác thay đổi');
    const before = api.sent('GET', `/api/proposals/${ID}`).length;
    fireEvent.click(within(conflict).getByRole('button', { name: 'Tải lại hồ sơ' }));
    await waitFor(() => expect(api.sent('GET', `/api/proposals/${ID}`).length).toBe(before + 1));
  });

  it('a proposal past drafting is not editable: a plain message and the way back, no form', async () => {
    server({ ...returned, state: 'unitDecision', allowedEvents: [], lastReason: null });
    renderEdit();
    const message = await screen.findByTestId('proposal-not-editable');
    expect(message.textContent).toContain('Hồ sơ này hiện không sửa được');
    expect(screen.queryByTestId('proposal-save')).toBeNull();
    expect(screen.getAllByRole('link', { name: /Quay lại hồ sơ/ })[0]!.getAttribute('href')).toBe(`/proposals/${ID}`);
  });

  it('a draft of another unit (no UPDATE allowed) is not editable either', async () => {
    server({ ...returned, allowedEvents: [] });
    renderEdit('en');
    expect((await screen.findByTestId('proposal-not-editable')).textContent).toContain('This proposal cannot be edited now.');
  });
});
