import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProposalEventType } from '#workflows/proposal';
import { EVENT_NAMES } from '../../i18n/common.messages.js';
import { json, stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import { ActionPanel } from './action-panel.js';

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

function renderPanel(allowedEvents: ProposalEventType[], lang: 'vi' | 'en' = 'vi') {
  const onChanged = vi.fn();
  const view = renderPage(
    <ActionPanel proposal={{ id: 'p1', allowedEvents, nominee: { type: 'individual', name: 'Nguyễn Văn An' } }} version={4} onChanged={onChanged} />,
    { token: fakeToken({ roles: ['unit_head', 'council', 'chairman'], unitId: 'u1' }), lang },
  );
  return { ...view, onChanged };
}


function open(type: ProposalEventType) {
  fireEvent.click(screen.getByRole('button', { name: EVENT_NAMES.vi[type] }));
  return screen.getByRole('dialog');
}

describe('ActionPanel', () => {
  it('offers a button for each allowed event, and for nothing else', () => {
    const { container } = renderPanel(['UPDATE', 'AWARD_AT_UNIT', 'FORWARD', 'RETURN', 'REJECT']);
    const buttons = [...container.querySelectorAll('button[data-event]')];
    expect(buttons.map((button) => button.getAttribute('data-event'))).toEqual(['AWARD_AT_UNIT', 'FORWARD', 'RETURN', 'REJECT']);
    for (const type of ['AWARD_AT_UNIT', 'FORWARD', 'RETURN', 'REJECT'] as const) {
      expect(screen.getByRole('button', { name: EVENT_NAMES.vi[type] }).getAttribute('data-event')).toBe(type);
    }
    expect(screen.queryByRole('button', { name: EVENT_NAMES.vi.UPDATE })).toBeNull();
    expect(screen.queryByRole('button', { name: EVENT_NAMES.vi.APPROVE })).toBeNull();
    expect(screen.queryByRole('button', { name: EVENT_NAMES.vi.SUBMIT })).toBeNull();
  });

  it('says so when there is nothing to do', () => {
    const { container } = renderPanel(['UPDATE']);
    expect(container.querySelectorAll('button[data-event]')).toHaveLength(0);
    expect(screen.getByText('Ở bước này bạn không có thao tác nào với hồ sơ.')).toBeTruthy();
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
    await waitFor(() => expect(status.textContent).toContain(EVENT_NAMES.vi.FORWARD));
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
    renderPanel(['AGREE'], 'en');
    fireEvent.click(screen.getByRole('button', { name: EVENT_NAMES.en.AGREE }));
    fireEvent.click(screen.getByTestId('event-send'));
    expect((await screen.findByTestId('conflict-message')).textContent).toBe(
      'Someone acted on this proposal first. The page has been reloaded with its new state; check it before acting.',
    );
  });

  it('shows a rule refusal with every rule ID as a link to the rule', async () => {
    answers.push({
      status: 422,
      body: {
        code: 'RULE_VIOLATION',
        message: 'Hồ sơ không đáp ứng quy định',
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
    expect(screen.getByText(/Hồ sơ không đáp ứng quy định/)).toBeTruthy();
    expect(screen.queryByTestId('conflict-message')).toBeNull();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows a refused transition as the server words it, and loads the proposal again', async () => {
    answers.push({ status: 409, body: { code: 'INVALID_TRANSITION', message: 'FORWARD is not allowed in councilScreening', allowed: ['RECOMMEND'] } });
    const { onChanged } = renderPanel(['FORWARD']);
    fireEvent.click(within(open('FORWARD')).getByTestId('event-send'));
    const alert = await screen.findByText(/FORWARD is not allowed in councilScreening/);
    expect(alert.closest('[data-code]')!.getAttribute('data-code')).toBe('INVALID_TRANSITION');
    expect(screen.queryByTestId('conflict-message')).toBeNull();
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('keeps the dialog open on a field problem the server found, so it can be corrected', async () => {
    answers.push({ status: 400, body: { code: 'VALIDATION_FAILED', message: 'Invalid request', errors: [{ field: 'reason', message: 'reason is too long' }] } });
    renderPanel(['REJECT']);
    const dialog = open('REJECT');
    fireEvent.change(within(dialog).getByLabelText('Lý do'), { target: { value: 'Không đủ tiêu chuẩn' } });
    fireEvent.click(within(dialog).getByTestId('event-send'));
    expect(await within(dialog).findByText(/reason is too long/)).toBeTruthy();
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('closes on Escape without sending, and gives the focus back to its button', () => {
    renderPanel(['WITHDRAW']);
    const button = screen.getByRole('button', { name: EVENT_NAMES.vi.WITHDRAW });
    button.focus();
    fireEvent.click(button);
    const dialog = screen.getByRole('dialog');
    fireEvent.keyDown(within(dialog).getByLabelText('Lý do'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: EVENT_NAMES.vi.WITHDRAW }));
  });

  it('lets SUPPLEMENT go with or without a note', async () => {
    renderPanel(['SUPPLEMENT']);
    fireEvent.click(within(open('SUPPLEMENT')).getByTestId('event-send'));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0]!.body).toEqual({ type: 'SUPPLEMENT' });
  });
});
