import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AwardForm, ProposalEventType, ProposalState } from '#workflows/proposal';
import { actionLabel } from './action-names.messages.js';
import { json, stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import { ActionPanel } from './action-panel.js';
import type { LateOutlook } from './late-outlook.js';

const CONFLICT_VI =
  'Người khác đã xử lý hồ sơ này trước bạn. Trang đã được tải lại với trạng thái mới; hãy xem lại trước khi thao tác.';

type Answer = { status: number; body: unknown };

let answers: Answer[];
let api: FetchStub;

beforeEach(() => {
  answers = [];
  // The panel only ever sends its one event, so the answers go in order, whatever the path.
  api = stubFetch(() => {
    const answer = answers.shift() ?? { status: 200, body: { id: 'p1', state: 'councilScreening', version: 5 } };
    return json(answer.body, answer.status, { ETag: '"5"' });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

interface PanelOptions {
  lang?: 'vi' | 'en';
  state?: ProposalState;
  awardForm?: AwardForm;
  lastReason?: string | null;
  outlook?: LateOutlook | null;
  roles?: string[];
}

/** The stage each event is tried in, unless a test says otherwise: the one whose office sends it. */
const STAGE_OF: Partial<Record<ProposalEventType, ProposalState>> = {
  SUBMIT: 'drafting',
  WITHDRAW: 'drafting',
  FORWARD: 'unitDecision',
  AWARD_AT_UNIT: 'unitDecision',
  RECOMMEND: 'councilScreening',
  AGREE: 'homeAffairsAgreement',
  REQUEST_SUPPLEMENT: 'homeAffairsAgreement',
  SUPPLEMENT: 'supplementRequested',
  APPROVE: 'chairmanDecision',
};

function renderPanel(allowedEvents: ProposalEventType[], options: PanelOptions = {}) {
  const onChanged = vi.fn();
  const state = options.state ?? allowedEvents.map((type) => STAGE_OF[type]).find(Boolean) ?? 'councilScreening';
  const view = renderPage(
    <ActionPanel
      proposal={{
        id: 'p1',
        allowedEvents,
        nominee: { type: 'individual', name: 'Nguyễn Văn An' },
        state,
        awardForm: options.awardForm ?? 'chairman_certificate',
        lastReason: options.lastReason ?? null,
      }}
      version={4}
      onChanged={onChanged}
      outlook={options.outlook}
    />,
    { token: fakeToken({ roles: options.roles ?? ['unit_head', 'council', 'chairman'], unitId: 'u1' }), lang: options.lang ?? 'vi' },
  );
  return { ...view, onChanged, state };
}

const button = (type: ProposalEventType) => document.querySelector(`button[data-event="${type}"]`) as HTMLButtonElement;

function open(type: ProposalEventType) {
  fireEvent.click(button(type));
  return screen.getByRole('dialog');
}

describe('ActionPanel', () => {
  it('offers a button for each allowed event, and for nothing else', () => {
    const { container } = renderPanel(['UPDATE', 'AWARD_AT_UNIT', 'FORWARD', 'RETURN', 'REJECT'], { state: 'unitDecision' });
    const buttons = [...container.querySelectorAll('button[data-event]')];
    // Onward first, whatever the server's order.
    expect(buttons.map((button) => button.getAttribute('data-event'))).toEqual(['FORWARD', 'AWARD_AT_UNIT', 'RETURN', 'REJECT']);
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Trình UBND tỉnh khen thưởng',
      'Khen thưởng theo thẩm quyền của đơn vị',
      'Trả lại để hoàn thiện',
      'Không đề nghị khen thưởng',
    ]);
    // Editing is a page of its own, and only while drafting.
    expect(screen.queryByTestId('proposal-edit')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ký quyết định khen thưởng' })).toBeNull();
  });

  it('says so when there is nothing to do', () => {
    const { container } = renderPanel(['UPDATE'], { state: 'councilScreening' });
    expect(container.querySelectorAll('button[data-event]')).toHaveLength(0);
    expect(screen.getByText('Ở bước này bạn không có thao tác nào với hồ sơ.')).toBeTruthy();
  });

  it('names each act as the office of its stage names it: only the chairman has “Không khen thưởng”', () => {
    const labels = (state: ProposalState, events: ProposalEventType[]) => {
      const view = renderPanel(events, { state });
      const texts = [...view.container.querySelectorAll('button[data-event]')].map((b) => `${b.getAttribute('data-event')}=${b.textContent}`);
      view.unmount();
      return texts;
    };
    expect(labels('councilScreening', ['RECOMMEND', 'RETURN', 'REJECT'])).toEqual([
      'RECOMMEND=Đề nghị khen thưởng (ghi kết quả biểu quyết)',
      'RETURN=Trả lại đơn vị',
      'REJECT=Không đề nghị khen thưởng',
    ]);
    expect(labels('homeAffairsAgreement', ['AGREE', 'REQUEST_SUPPLEMENT', 'RETURN', 'REJECT'])).toEqual([
      'AGREE=Thống nhất, trình Chủ tịch UBND tỉnh',
      'REQUEST_SUPPLEMENT=Đề nghị bổ sung hồ sơ',
      'RETURN=Trả lại đơn vị',
      'REJECT=Không thống nhất',
    ]);
    expect(labels('supplementRequested', ['REJECT'])).toEqual(['REJECT=Không thống nhất']);
    expect(labels('chairmanDecision', ['APPROVE', 'RETURN', 'REJECT'])).toEqual([
      'APPROVE=Ký quyết định khen thưởng',
      'RETURN=Trả lại Sở Nội vụ',
      'REJECT=Không khen thưởng',
    ]);
    expect(labels('drafting', ['SUBMIT', 'WITHDRAW'])).toEqual(['SUBMIT=Trình thủ trưởng đơn vị', 'WITHDRAW=Rút hồ sơ']);
  });

  it('asks each office its own question: the council declines to recommend, the chairman decides', () => {
    renderPanel(['RECOMMEND', 'RETURN', 'REJECT'], { state: 'councilScreening' });
    const council = open('REJECT');
    expect(within(council).getByRole('heading').textContent).toBe('Không đề nghị khen thưởng');
    expect(council.textContent).toContain('Hội đồng không đề nghị khen thưởng Nguyễn Văn An');
    expect(council.textContent).not.toContain('Không khen thưởng');
  });

  it('words the chairman’s refusal and decision as decisions', () => {
    renderPanel(['APPROVE', 'RETURN', 'REJECT'], { state: 'chairmanDecision', roles: ['chairman'] });
    const dialog = open('REJECT');
    expect(within(dialog).getByRole('heading').textContent).toBe('Không khen thưởng');
    expect(dialog.textContent).toContain('Không khen thưởng Nguyễn Văn An: hồ sơ kết thúc.');
  });

  it('a unit head turning down a Giấy khen decides not to award it', () => {
    renderPanel(['AWARD_AT_UNIT', 'REJECT'], { state: 'unitDecision', awardForm: 'unit_certificate' });
    expect(button('REJECT').textContent).toBe('Không khen thưởng');
    expect(actionLabel('vi', 'unitDecision', 'REJECT', 'chairman_certificate')).toBe('Không đề nghị khen thưởng');
  });

  it('while drafting, “Sửa hồ sơ” leads to the edit page', () => {
    renderPanel(['UPDATE', 'SUBMIT', 'WITHDRAW'], { state: 'drafting' });
    const edit = screen.getByTestId('proposal-edit');
    expect(edit.textContent).toBe('Sửa hồ sơ');
    expect(edit.getAttribute('href')).toBe('/proposals/p1/edit');
    expect(screen.queryByTestId('returned-notice')).toBeNull();
  });

  it('a returned proposal says so, with the reason, above “Sửa hồ sơ”', () => {
    renderPanel(['UPDATE', 'SUBMIT', 'WITHDRAW'], { state: 'drafting', lastReason: 'Bổ sung xác nhận của UBND xã' });
    const notice = screen.getByTestId('returned-notice');
    expect(notice.textContent).toContain('Hồ sơ bị trả lại: Bổ sung xác nhận của UBND xã');
    expect(screen.getByTestId('proposal-edit').className).toContain('primary');
  });

  it('a clerk without the right to edit gets no edit link', () => {
    renderPanel(['SUBMIT'], { state: 'drafting' });
    expect(screen.queryByTestId('proposal-edit')).toBeNull();
  });

  it('warns in the SUBMIT dialog that a unit’s own award will be recorded late', () => {
    renderPanel(['UPDATE', 'SUBMIT'], {
      state: 'drafting',
      awardForm: 'unit_certificate',
      outlook: { status: 'pending', rule: 'DX-4', dueDate: '2026-11-30', meetBy: 'SUBMIT', days: 3 },
    });
    const dialog = open('SUBMIT');
    const late = within(dialog).getByTestId('late-confirm');
    expect(late.textContent).toContain('Hồ sơ sẽ được ghi nhận là nộp quá hạn 3 ngày làm việc theo DX-4 (hạn cuối 30/11/2026).');
    expect(within(late).getByRole('link', { name: 'DX-4' }).getAttribute('href')).toBe('/rules/DX-4');
  });

  it('warns in the SUBMIT dialog of a provincial award that the unit head’s FORWARD will be late, and in FORWARD’s that it will be recorded so', () => {
    const outlook: LateOutlook = { status: 'pending', rule: 'DX-4', dueDate: '2026-11-30', meetBy: 'FORWARD', days: 2 };
    const view = renderPanel(['SUBMIT'], { state: 'drafting', outlook });
    expect(within(open('SUBMIT')).getByTestId('late-confirm').textContent).toContain(
      'Hồ sơ đã quá hạn 2 ngày làm việc theo DX-4 (hạn cuối 30/11/2026). Khi thủ trưởng đơn vị trình UBND tỉnh, hồ sơ sẽ được ghi nhận là nộp quá hạn.',
    );
    view.unmount();
    renderPanel(['FORWARD', 'RETURN'], { state: 'unitDecision', outlook });
    expect(within(open('FORWARD')).getByTestId('late-confirm').textContent).toContain('Hồ sơ sẽ được ghi nhận là nộp quá hạn 2 ngày làm việc theo DX-4');
  });

  it('says nothing of lateness in other dialogs, or when on time', () => {
    const view = renderPanel(['FORWARD', 'RETURN'], {
      state: 'unitDecision',
      outlook: { status: 'pending', rule: 'DX-4', dueDate: '2026-11-30', meetBy: 'FORWARD', days: 2 },
    });
    expect(within(open('RETURN')).queryByTestId('late-confirm')).toBeNull();
    view.unmount();
    renderPanel(['FORWARD'], { state: 'unitDecision', outlook: null });
    expect(within(open('FORWARD')).queryByTestId('late-confirm')).toBeNull();
  });

  it('will not send RETURN without a reason', async () => {
    const { onChanged } = renderPanel(['RETURN']);
    const dialog = open('RETURN');
    const reason = within(dialog).getByLabelText('Lý do');
    expect(document.activeElement).toBe(reason);

    fireEvent.click(within(dialog).getByTestId('event-send'));
    expect(api.calls).toHaveLength(0);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Cần điền mục này.')).toBeTruthy();

    fireEvent.change(reason, { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByTestId('event-send'));
    expect(api.calls).toHaveLength(0);

    fireEvent.change(reason, { target: { value: 'Thiếu biên bản xác nhận của địa phương' } });
    fireEvent.click(within(dialog).getByTestId('event-send'));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0]!.body).toEqual({ type: 'RETURN', reason: 'Thiếu biên bản xác nhận của địa phương' });
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('sends the event with If-Match carrying the version the screen shows', async () => {
    const { onChanged } = renderPanel(['FORWARD']);
    const dialog = open('FORWARD');
    expect(document.activeElement).toBe(within(dialog).getByTestId('event-send'));
    fireEvent.click(within(dialog).getByTestId('event-send'));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    const [request] = api.calls;
    expect(request!.path).toBe('/api/proposals/p1/events');
    expect(request!.method).toBe('POST');
    expect(request!.headers.get('If-Match')).toBe('"4"');
    expect(request!.body).toEqual({ type: 'FORWARD' });
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toContain('Trình UBND tỉnh khen thưởng'));
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('sends the vote numbers with RECOMMEND, once they add up', async () => {
    renderPanel(['RECOMMEND', 'RETURN', 'REJECT']);
    const dialog = open('RECOMMEND');
    const members = within(dialog).getByLabelText('Số thành viên Hội đồng');
    expect(document.activeElement).toBe(members);
    fireEvent.change(members, { target: { value: '9' } });
    fireEvent.change(within(dialog).getByLabelText('Số phiếu tán thành'), { target: { value: '8' } });
    fireEvent.change(within(dialog).getByLabelText('Số phiếu không tán thành'), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByTestId('event-send'));
    expect(api.calls).toHaveLength(0);
    expect(within(dialog).getByText('Số phiếu tán thành cộng không tán thành không được vượt quá số thành viên.')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Số phiếu không tán thành'), { target: { value: '1' } });
    fireEvent.click(within(dialog).getByTestId('event-send'));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0]!.body).toEqual({ type: 'RECOMMEND', vote: { members: 9, for: 8, against: 1 } });
  });

  it('asks for the decision with APPROVE, dated today and signed by the signed-in person unless changed', async () => {
    renderPanel(['APPROVE', 'RETURN', 'REJECT']);
    const dialog = open('APPROVE');
    const date = within(dialog).getByLabelText('Ngày ký') as HTMLInputElement;
    expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const signer = within(dialog).getByLabelText('Người ký') as HTMLInputElement;
    expect(signer.value).toBe('Test');
    fireEvent.change(within(dialog).getByLabelText('Số quyết định'), { target: { value: '1520/QĐ-UBND' } });
    fireEvent.change(date, { target: { value: '2026-12-01' } });
    fireEvent.change(signer, { target: { value: ' ' } });
    fireEvent.click(within(dialog).getByTestId('event-send'));
    expect(api.calls).toHaveLength(0);
    fireEvent.change(signer, { target: { value: 'Chủ tịch UBND tỉnh' } });
    fireEvent.click(within(dialog).getByTestId('event-send'));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0]!.body).toEqual({
      type: 'APPROVE',
      decision: { number: '1520/QĐ-UBND', date: '2026-12-01', signedBy: 'Chủ tịch UBND tỉnh' },
    });
  });

  it('explains a version conflict and has the proposal loaded again', async () => {
    answers.push({ status: 409, body: { code: 'VERSION_CONFLICT', message: 'Proposal p1 is at version 5, not 4', current: 5 } });
    const { onChanged } = renderPanel(['AGREE']);
    fireEvent.click(within(open('AGREE')).getByTestId('event-send'));
    const message = await screen.findByTestId('conflict-message');
    expect(message.textContent).toBe(CONFLICT_VI);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('explains a version conflict in English too', async () => {
    answers.push({ status: 409, body: { code: 'VERSION_CONFLICT', message: 'stale' } });
    renderPanel(['AGREE'], { lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Agree, submit to the chairman' }));
    fireEvent.click(screen.getByTestId('event-send'));
    expect((await screen.findByTestId('conflict-message')).textContent).toBe(
      'Someone acted on this proposal first. The page has been reloaded with its new state; check it before acting.',
    );
  });

  it('shows a rule refusal in each rule’s own words, each with a small link to the rule, and no code', async () => {
    answers.push({
      status: 422,
      body: {
        code: 'RULE_VIOLATION',
        message: 'Refused by DX-2, ND-1',
        violations: [
          { rule: 'DX-2', message: 'Tập thể phải có ít nhất 2/3 lực lượng của mình', messageEn: 'two thirds' },
          { rule: 'ND-1', message: 'Đang bị xem xét kỷ luật', messageEn: 'under discipline' },
        ],
      },
    });
    const { onChanged } = renderPanel(['FORWARD']);
    fireEvent.click(within(open('FORWARD')).getByTestId('event-send'));
    const dx2 = await screen.findByRole('link', { name: 'DX-2' });
    expect(dx2.getAttribute('href')).toBe('/rules/DX-2');
    expect(screen.getByRole('link', { name: 'ND-1' }).getAttribute('href')).toBe('/rules/ND-1');
    const alert = dx2.closest('[data-code]')!;
    expect(alert.getAttribute('data-code')).toBe('RULE_VIOLATION');
    expect(alert.textContent).toContain('Chưa thực hiện được vì hồ sơ chưa đáp ứng quy định:');
    expect(within(alert as HTMLElement).getByTestId('finding-DX-2').textContent).toBe('Tập thể phải có ít nhất 2/3 lực lượng của mình (xem quy định DX-2)');
    expect(alert.textContent).toContain('Đang bị xem xét kỷ luật');
    expect(alert.textContent).not.toContain('Refused by');
    expect(alert.textContent).not.toContain('Mã lỗi');
    expect(alert.textContent).not.toContain('RULE_VIOLATION');
    expect(screen.queryByTestId('conflict-message')).toBeNull();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows a rule’s refusal in the rule’s own words, with no code of the API', async () => {
    answers.push({
      status: 422,
      body: {
        code: 'RULE_VIOLATION',
        message: 'Refused by DX-1',
        violations: [
          {
            rule: 'DX-1',
            message:
              'Khen thưởng đột xuất phải nêu rõ căn cứ: thành tích ngoài chương trình, kế hoạch, nhiệm vụ phải đảm nhiệm; hành động dũng cảm cứu người, cứu tài sản của Nhân dân, của Nhà nước; hoặc trong chiến đấu, phục vụ chiến đấu. Hồ sơ chưa nêu căn cứ.',
            messageEn:
              "An extraordinary award needs its basis: an achievement outside the nominee's programme, plan or duties; a brave act saving people or the property of the People or the State; or combat or its support. The proposal names none.",
          },
        ],
      },
    });
    renderPanel(['FORWARD']);
    fireEvent.click(within(open('FORWARD')).getByTestId('event-send'));
    const finding = await screen.findByTestId('finding-DX-1');
    expect(finding.textContent).toContain('nhiệm vụ phải đảm nhiệm; hành động dũng cảm cứu người');
    expect(finding.textContent).toContain('hoặc trong chiến đấu, phục vụ chiến đấu. Hồ sơ chưa nêu căn cứ. (xem quy định DX-1)');
    expect(finding.textContent).not.toMatch(/outside_duty|rescue|combat|An extraordinary award/);
  });

  it('shows technical details to an auditor only', async () => {
    answers.push({ status: 403, body: { code: 'FORBIDDEN', message: 'Only the unit head may FORWARD' } });
    renderPanel(['FORWARD'], { roles: ['unit_head', 'admin'] });
    fireEvent.click(within(open('FORWARD')).getByTestId('event-send'));
    const alert = (await screen.findByText(/Bạn không có quyền thực hiện việc này/)).closest('[data-code]')!;
    const details = alert.querySelector('details.technical-details')!;
    expect(details.querySelector('summary')!.textContent).toBe('Chi tiết kỹ thuật');
    expect(details.textContent).toContain('FORBIDDEN');
    expect(details.textContent).toContain('Only the unit head may FORWARD');
  });

  it('explains a refused transition in plain words, without the server’s codes, and loads the proposal again', async () => {
    answers.push({ status: 409, body: { code: 'INVALID_TRANSITION', message: 'FORWARD is not allowed in councilScreening', allowed: ['RECOMMEND'] } });
    const { onChanged } = renderPanel(['FORWARD']);
    fireEvent.click(within(open('FORWARD')).getByTestId('event-send'));
    const alert = (await screen.findByText(/Ở bước hiện tại, hồ sơ không nhận thao tác này nữa/)).closest('[data-code]')!;
    expect(alert.getAttribute('data-code')).toBe('INVALID_TRANSITION');
    expect(alert.textContent).not.toMatch(/FORWARD|councilScreening|INVALID_TRANSITION/);
    expect(alert.querySelector('details')).toBeNull();
    expect(screen.queryByTestId('conflict-message')).toBeNull();
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('keeps the dialog open on a field problem the server found, so it can be corrected', async () => {
    answers.push({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: 'Invalid request', errors: [{ field: 'reason', message: 'reason must be shorter than or equal to 2000 characters' }] },
    });
    renderPanel(['REJECT']);
    const dialog = open('REJECT');
    fireEvent.change(within(dialog).getByLabelText('Lý do'), { target: { value: 'Không đủ tiêu chuẩn' } });
    fireEvent.click(within(dialog).getByTestId('event-send'));
    expect(await within(dialog).findByText('Lý do: dài quá 2000 ký tự')).toBeTruthy();
    expect(dialog.textContent).not.toContain('shorter than');
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('closes on Escape without sending, and gives the focus back to its button', () => {
    renderPanel(['WITHDRAW']);
    const withdraw = screen.getByRole('button', { name: 'Rút hồ sơ' });
    withdraw.focus();
    fireEvent.click(withdraw);
    const dialog = screen.getByRole('dialog');
    fireEvent.keyDown(within(dialog).getByLabelText('Lý do'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rút hồ sơ' }));
  });

  it('lets SUPPLEMENT go with or without a note', async () => {
    renderPanel(['SUPPLEMENT']);
    fireEvent.click(within(open('SUPPLEMENT')).getByTestId('event-send'));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0]!.body).toEqual({ type: 'SUPPLEMENT' });
  });
});
