import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { json, stubFetch, type StubCall } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import NewProposalPage from './new-proposal.page.js';

const UNIT = '0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d';
const PERSON = '5a1d2c3b-0000-4000-8000-00000000a001';

const registered = {
  id: PERSON,
  type: 'individual',
  name: 'Nguyễn Thị Hoa',
  birthYear: 1985,
  gender: 'female',
  title: 'Trưởng phòng Kế hoạch',
  workplace: 'Sở Y tế',
  unitId: UNIT,
  createdAt: '2026-01-01T00:00:00Z',
};

/** The shared answers, and the people registry as `people` answers it (or not at all). */
function server(people: (call: StubCall) => unknown) {
  return stubFetch((call) => {
    if (call.path === '/api/people') return people(call);
    if (call.method === 'POST' && call.path === '/api/proposals') return json({ id: 'p-7' }, 201);
    if (call.path === '/api/campaigns') return { items: [] };
    if (call.path === `/api/units/${UNIT}`) return { id: UNIT, code: 'SO-YTE', name: 'Sở Y tế', createdAt: '2026-01-01T00:00:00Z' };
    if (call.path === '/api/calendar/deadline') return { rule: 'DX-4', dueDate: '2026-05-04', dueAt: '2026-05-04T17:00:00.000Z', provisional: false, computation: {} };
    return undefined;
  });
}

const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const NAME = 'Họ tên cá nhân hoặc tên tập thể';
const suggestions = () => [...screen.getByTestId('person-suggestions').querySelectorAll('[role="option"]')];

function fillTheRest() {
  change('Loại khen thưởng', 'extraordinary');
  change('Căn cứ khen thưởng đột xuất', 'rescue');
  change('Tóm tắt thành tích', 'Cứu 3 người trong lũ quét');
  change('Ngày lập thành tích', '2026-04-22');
}

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

describe('choosing the nominee from the people registry', () => {
  it('suggests registered people as the name is typed, fills the details from the one chosen and sends its personId', async () => {
    const api = server((call) => ({ items: call.query.get('q') === 'hoa' ? [registered] : [], nextCursor: null }));
    renderPage(<NewProposalPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/proposals/new' });
    await screen.findByTestId('proposal-unit');
    fillTheRest();
    change(NAME, 'h');
    change(NAME, 'ho');
    change(NAME, 'hoa');

    const option = await screen.findByRole('option', { name: /Nguyễn Thị Hoa/ });
    expect(option.textContent).toBe('Nguyễn Thị Hoa — sinh năm 1985, Nữ, Trưởng phòng Kế hoạch, Sở Y tế');
    // Debounced: one request for what was typed last, none for a single letter.
    expect(api.sent('GET', '/api/people').map((call) => Object.fromEntries(call.query))).toEqual([{ q: 'hoa', type: 'individual' }]);

    fireEvent.mouseDown(option);
    expect(suggestions()).toHaveLength(0);
    expect((screen.getByLabelText(NAME) as HTMLInputElement).value).toBe('Nguyễn Thị Hoa');
    expect((screen.getByLabelText('Năm sinh') as HTMLInputElement).value).toBe('1985');
    expect((screen.getByLabelText('Giới tính') as HTMLSelectElement).value).toBe('female');
    expect((screen.getByLabelText('Chức vụ') as HTMLInputElement).value).toBe('Trưởng phòng Kế hoạch');
    expect((screen.getByLabelText('Đơn vị công tác') as HTMLInputElement).value).toBe('Sở Y tế');
    expect(screen.getByText('Đã chọn từ danh sách đối tượng. Sửa tên sẽ bỏ chọn.')).toBeTruthy();

    fireEvent.click(screen.getByTestId('proposal-save'));
    await waitFor(() => expect(api.sent('POST', '/api/proposals')).toHaveLength(1));
    expect((api.sent('POST', '/api/proposals')[0]!.body as { nominee: unknown }).nominee).toEqual({
      type: 'individual',
      name: 'Nguyễn Thị Hoa',
      personId: PERSON,
      birthYear: 1985,
      gender: 'female',
      title: 'Trưởng phòng Kế hoạch',
      workplace: 'Sở Y tế',
    });
  });

  it('chooses with the keyboard, and editing the name afterwards unlinks the person', async () => {
    const api = server(() => ({ items: [registered], nextCursor: null }));
    renderPage(<NewProposalPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/proposals/new' });
    await screen.findByTestId('proposal-unit');
    fillTheRest();
    const input = screen.getByLabelText(NAME);
    change(NAME, 'Nguyễn');
    await screen.findByRole('option', { name: /Nguyễn Thị Hoa/ });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.getAttribute('data-person-id')).toBe(PERSON);

    change(NAME, 'Nguyễn Thị Hoà');
    expect(input.getAttribute('data-person-id')).toBeNull();
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.click(screen.getByTestId('proposal-save'));
    await waitFor(() => expect(api.sent('POST', '/api/proposals')).toHaveLength(1));
    const nominee = (api.sent('POST', '/api/proposals')[0]!.body as { nominee: Record<string, unknown> }).nominee;
    expect(nominee.personId).toBeUndefined();
    expect(nominee.name).toBe('Nguyễn Thị Hoà');
  });

  it('a collective is searched as a collective and asks only for its agency', async () => {
    const api = server(() => ({ items: [], nextCursor: null }));
    renderPage(<NewProposalPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/proposals/new' });
    await screen.findByTestId('proposal-unit');
    change('Đối tượng', 'collective');
    expect(screen.queryByLabelText('Năm sinh')).toBeNull();
    expect(screen.queryByLabelText('Giới tính')).toBeNull();
    expect(screen.queryByLabelText('Chức vụ')).toBeNull();
    change(NAME, 'Phòng Kế hoạch');
    await waitFor(() => expect(api.sent('GET', '/api/people')).toHaveLength(1));
    expect(api.sent('GET', '/api/people')[0]!.query.get('type')).toBe('collective');
    change('Thuộc cơ quan, đơn vị (nếu có)', 'Sở Y tế');
    change('Tóm tắt thành tích', 'Hoàn thành xuất sắc');
    change('Ngày lập thành tích', '2026-03-10');
    fireEvent.click(screen.getByTestId('proposal-save'));
    await waitFor(() => expect(api.sent('POST', '/api/proposals')).toHaveLength(1));
    expect((api.sent('POST', '/api/proposals')[0]!.body as { nominee: unknown }).nominee).toEqual({
      type: 'collective',
      name: 'Phòng Kế hoạch',
      workplace: 'Sở Y tế',
    });
  });

  it('without a registry (404, or a server error) the name is a plain field and the proposal is still saved', async () => {
    const api = server(() => json({ code: 'NOT_FOUND', message: 'Cannot GET /api/people' }, 404));
    renderPage(<NewProposalPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/proposals/new' });
    await screen.findByTestId('proposal-unit');
    fillTheRest();
    change(NAME, 'Lê Văn Cường');
    await waitFor(() => expect(api.sent('GET', '/api/people')).toHaveLength(1));
    expect(suggestions()).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
    change('Năm sinh', '1990');
    change('Giới tính', 'male');
    fireEvent.click(screen.getByTestId('proposal-save'));
    await waitFor(() => expect(api.sent('POST', '/api/proposals')).toHaveLength(1));
    expect((api.sent('POST', '/api/proposals')[0]!.body as { nominee: unknown }).nominee).toEqual({
      type: 'individual',
      name: 'Lê Văn Cường',
      birthYear: 1990,
      gender: 'male',
    });
  });

  it('a birth year that is not a year is caught before sending', async () => {
    const api = server(() => ({ items: [], nextCursor: null }));
    renderPage(<NewProposalPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/proposals/new' });
    await screen.findByTestId('proposal-unit');
    fillTheRest();
    change(NAME, 'Lê Văn Cường');
    change('Năm sinh', '2030');
    fireEvent.click(screen.getByTestId('proposal-save'));
    expect(document.getElementById('proposal-birth-year-problem')?.textContent).toBe('Năm sinh phải là năm có bốn chữ số, không sau năm nay.');
    expect(api.sent('POST', '/api/proposals')).toHaveLength(0);
  });
});
