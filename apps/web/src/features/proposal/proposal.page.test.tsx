import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { machineGraph } from '#workflows/proposal';
import type { CampaignView, Deadline, HistoryEvent, ProposalView } from '../../api/api-types.js';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { forgetUnitNames } from '../units/unit-name.js';
import { localToday } from '../../calendar/working-days.js';
import { EVENT_NAMES, ROLE_NAMES, STATE_NAMES } from '../../i18n/common.messages.js';
import { json, stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import ProposalPage from './proposal.page.js';

const HASH_1 = 'a'.repeat(64);
const HASH_2 = 'b'.repeat(64);

function proposal(overrides: Partial<ProposalView> = {}): ProposalView {
  return {
    id: 'p1',
    kind: 'extraordinary',
    unitId: 'u1',
    campaignId: null,
    awardForm: 'chairman_certificate',
    nominee: { type: 'individual', name: 'Nguyễn Văn An' },
    achievement: { summary: 'Cứu 3 người trong lũ quét', date: '2026-11-20', basis: 'rescue', recognizedAt: '2026-11-22' },
    state: 'councilScreening',
    version: 4,
    machineVersion: 2,
    deadline: { rule: 'DX-4', dueDate: '2026-12-02', dueAt: '2026-12-02T17:00:00.000Z', provisional: false },
    deadlineMetAt: '2026-11-23T03:00:00.000Z',
    late: true,
    lateRule: 'DX-4',
    escalation: 'missed',
    warnings: [{ rule: 'TH-2', message: 'Cần nêu rõ thành tích xuất sắc', messageEn: 'Say what is outstanding' } as ProposalView['warnings'][number]],
    allowedEvents: ['RECOMMEND', 'RETURN', 'REJECT'],
    lastReason: null,
    vote: null,
    decision: null,
    submittedAt: '2026-11-21T02:00:00.000Z',
    forwardedAt: '2026-11-23T03:00:00.000Z',
    createdAt: '2026-11-21T01:00:00.000Z',
    updatedAt: '2026-11-23T03:00:00.000Z',
    ...overrides,
  };
}

const HISTORY: HistoryEvent[] = [
  {
    proposalId: 'p1',
    seq: 1,
    type: 'CREATED',
    actor: { id: 'd1', name: 'Trần Thị Bình', roles: ['drafter'], unitId: 'u1' },
    at: '2026-11-21T01:00:00.000Z',
    payload: {},
    machineVersion: 2,
    state: 'drafting',
    prevHash: '0'.repeat(64),
    hash: HASH_1,
  },
  {
    proposalId: 'p1',
    seq: 2,
    type: 'RETURN',
    actor: { id: 'h1', name: 'Lê Văn Cường', roles: ['unit_head'], unitId: 'u1' },
    at: '2026-11-21T03:00:00.000Z',
    payload: { reason: 'Bổ sung xác nhận của xã' },
    machineVersion: 2,
    state: 'drafting',
    prevHash: HASH_1,
    hash: HASH_2,
  },
  {
    proposalId: 'p1',
    seq: 3,
    type: 'MIGRATED',
    actor: { id: 'a1', name: 'Quản trị', roles: ['admin'], unitId: null },
    at: '2026-11-22T03:00:00.000Z',
    payload: { fromVersion: 1, toVersion: 2 },
    machineVersion: 2,
    state: 'drafting',
    prevHash: HASH_2,
    hash: 'c'.repeat(64),
  },
];

const COMPUTATION: Deadline = {
  rule: 'DX-4',
  dueDate: '2026-12-02',
  dueAt: '2026-12-02T17:00:00.000Z',
  provisional: true,
  computation: {
    start: { date: '2026-11-22', basis: 'recognition' },
    countedDays: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'],
    skippedDays: [{ date: '2026-12-03', weekday: 'Thu', status: 'holiday', name: 'Ngày thử nghiệm', nameEn: 'Test day' }],
    years: [
      { year: 2026, provisional: false },
      { year: 2027, provisional: true },
    ],
    explanation: ['DX-4: the unit submits within 10 days.', 'Deadline: 24:00 Wed 2026-12-02, Asia/Ho_Chi_Minh.'],
  },
};

const CAMPAIGN = { id: 'c1', title: 'Phong trào thi đua 80 năm', ceremonyDate: '2026-12-22' } as CampaignView;

let api: FetchStub;
let current: ProposalView;
let postAnswer: { status: number; body: unknown; after?: ProposalView } | null;

beforeEach(() => {
  clearCalendarCache();
  forgetUnitNames();
  current = proposal();
  postAnswer = null;
  api = stubFetch((call) => {
    if (call.method === 'POST' && call.path === '/api/proposals/p1/events') {
      const answer = postAnswer ?? { status: 200, body: current };
      if (answer.after) current = answer.after;
      return json(answer.body, answer.status);
    }
    const year = /^\/api\/calendar\/(\d{4})$/.exec(call.path);
    if (year) return { year: Number(year[1]), provisional: false, source: 'test', daysOff: [], workingSaturdays: [] };
    switch (call.path) {
      case '/api/proposals/p1':
        // The version If-Match must repeat comes from here, as from the API.
        return json(current, 200, { ETag: `"${current.version}"` });
      case '/api/proposals/p1/history':
        return { events: HISTORY };
      case '/api/machines/2':
        return machineGraph(2);
      case '/api/units/u1':
        return {
          id: 'u1',
          code: 'SO-YTE',
          name: 'Sở Y tế',
          createdAt: '2026-01-01T00:00:00.000Z',
          history: [],
          dissolvedOn: null,
          successorId: null,
          current: { id: 'u1', name: 'Sở Y tế' },
        };
      case '/api/campaigns/c1':
        return CAMPAIGN;
      case '/api/calendar/deadline':
        return COMPUTATION;
      default:
        return undefined;
    }
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const council = fakeToken({ roles: ['council'], name: 'Council member' });
const renderProposal = (token = council, lang: 'vi' | 'en' = 'vi', path = '/proposals/p1') =>
  renderPage(<ProposalPage params={{ id: 'p1' }} />, { token, lang, path });
const renderAuditTab = (token = council) => renderProposal(token, 'vi', '/proposals/p1?tab=kiem-tra');

/** A day `n` days before today in Vietnam, as the API writes days. */
const daysAgo = (n: number) => {
  const today = localToday();
  return new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
};
const HEX64 = /\b[0-9a-f]{64}\b/;

const gets = (path: string) => api.sent('GET', path).length;

describe('ProposalPage', () => {
  it('shows what the proposal is, where it stands, and what the rulebook says', async () => {
    const { container } = renderProposal();
    expect(await screen.findByRole('heading', { level: 1, name: /Nguyễn Văn An/ })).toBeTruthy();
    expect(screen.getByTestId('proposal-state').textContent).toBe(STATE_NAMES.vi.councilScreening);
    expect(container.querySelector('.badge--late')!.textContent).toBe('Quá hạn');
    expect(container.querySelector('.proposal-late a[data-rule="DX-4"]')!.getAttribute('href')).toBe('/rules/DX-4');
    expect(container.querySelector('.badge--missed')!.textContent).toBe('Quá hạn');
    expect(await screen.findByText('Sở Y tế')).toBeTruthy();
    expect(screen.getByText('Bằng khen của Chủ tịch UBND tỉnh')).toBeTruthy();
    expect(screen.getByText('Hành động dũng cảm cứu người, cứu tài sản')).toBeTruthy();
    expect(screen.getByText('Cứu 3 người trong lũ quét')).toBeTruthy();
    expect(screen.getByText('22/11/2026')).toBeTruthy();
    const warning = screen.getByTestId('finding-TH-2');
    expect(within(warning).getByRole('link', { name: 'TH-2' }).getAttribute('href')).toBe('/rules/TH-2');
    expect(container.querySelector('[data-version]')!.getAttribute('data-version')).toBe('4');
    // The deadline, counted on the calendar.
    expect(container.querySelector('.countdown[data-due="2026-12-02"]')).not.toBeNull();
  });

  it('tells the history in plain words on the default tab, with no hash, version or diagram', async () => {
    const { container } = renderProposal();
    const list = await screen.findByRole('list', { name: 'Quá trình xử lý' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-event'))).toEqual(['CREATED', 'RETURN', 'MIGRATED']);
    expect(items[0]!.textContent).toContain('Lập hồ sơ đề nghị khen thưởng');
    expect(items[0]!.textContent).toContain('Trần Thị Bình · ' + ROLE_NAMES.vi.drafter);
    expect(items[0]!.textContent).toContain('Hồ sơ chuyển sang' + 'Đơn vị đang soạn hồ sơ');
    expect(items[1]!.textContent).toContain('Bổ sung xác nhận của xã');
    expect(items[1]!.querySelector('time')!.textContent).toBe('21/11/2026 10:00');
    expect(screen.getByTestId('tab-dossier').getAttribute('aria-selected')).toBe('true');
    const text = container.textContent!;
    expect(text).not.toMatch(HEX64);
    expect(text).not.toContain(HASH_1.slice(0, 12));
    expect(text).not.toContain('Phiên bản dữ liệu');
    expect(text).not.toContain('Không vẽ');
    expect(container.querySelector('svg')).toBeNull();
    expect(gets('/api/machines/2')).toBe(0);
  });

  it('opens the audit tab on demand: versions, the diagram and the hashes, in the address for bookmarking', async () => {
    const { container } = renderProposal();
    fireEvent.click(await screen.findByTestId('tab-audit'));
    expect(window.location.search).toBe('?tab=kiem-tra');
    expect(screen.getByTestId('tab-audit').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('proposal-version').textContent).toBe('4');
    expect(container.textContent).toContain('Phiên bản dữ liệu');
    await waitFor(() => expect(container.querySelector('[aria-current="step"]')).not.toBeNull());
    expect(container.querySelector('code.hash')!.getAttribute('title')).toMatch(HEX64);
    // No action panel there: acting is the Hồ sơ tab's.
    expect(container.querySelectorAll('button[data-event]')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('tab-dossier'));
    expect(window.location.search).toBe('');
    expect(container.textContent).not.toMatch(HEX64);
  });

  it('draws the machine with the current stage marked, and the log with its hashes, in the audit tab', async () => {
    const { container } = renderAuditTab();
    await waitFor(() => expect(container.querySelector('[aria-current="step"]')).not.toBeNull());
    expect(container.querySelector('[aria-current="step"]')!.getAttribute('data-state')).toBe('councilScreening');
    const log = await screen.findByRole('list', { name: 'Nhật ký xử lý' });
    expect(screen.getByTestId('tab-audit').getAttribute('aria-selected')).toBe('true');
    const items = within(log).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-seq'))).toEqual(['1', '2', '3']);
    expect(items[0]!.textContent).toContain(EVENT_NAMES.vi.CREATED);
    expect(items[0]!.textContent).toContain(ROLE_NAMES.vi.drafter);
    expect(items[1]!.textContent).toContain('Bổ sung xác nhận của xã');
    expect(items[2]!.textContent).toContain(EVENT_NAMES.vi.MIGRATED);
    expect(items[2]!.textContent).toContain('từ phiên bản 1 sang 2');
    const hashes = items[1]!.querySelectorAll('code.hash');
    expect(hashes[0]!.getAttribute('title')).toBe(HASH_2);
    expect(hashes[0]!.textContent).toBe(`${HASH_2.slice(0, 12)}…`);
    expect(hashes[1]!.getAttribute('title')).toBe(HASH_1);
    // Vietnam's time, whatever the zone of the machine running the test: 03:00Z is 10:00 in Hà Nội.
    expect(items[1]!.querySelector('time')!.textContent).toContain('10:00');
  });

  it('explains the deadline on demand, from the recognition date', async () => {
    const { container } = renderProposal();
    await screen.findByRole('heading', { level: 1 });
    expect(gets('/api/calendar/deadline')).toBe(0);
    const details = container.querySelector('details.deadline-explanation') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await screen.findByText('Ngày thử nghiệm')).toBeTruthy();
    const asked = api.sent('GET', '/api/calendar/deadline')[0]!;
    expect(Object.fromEntries(asked.query)).toEqual({ rule: 'DX-4', from: '2026-11-20', recognizedAt: '2026-11-22' });
    expect(screen.getByTestId('deadline-start').textContent).toContain('22/11/2026');
    expect(container.querySelectorAll('.day-list li')).toHaveLength(10);
    expect(container.querySelector('[data-year="2027"] .badge--provisional')).not.toBeNull();
    expect(container.querySelector('[data-year="2026"] .badge--provisional')).toBeNull();
    // The server's own sentences are English: Vietnamese readers get the lists above, not them.
    expect(screen.queryByText('DX-4: the unit submits within 10 days.')).toBeNull();
  });

  it('gives English readers the server’s explanation too', async () => {
    const { container } = renderProposal(council, 'en');
    await screen.findByRole('heading', { level: 1 });
    const details = container.querySelector('details.deadline-explanation') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await screen.findByText('DX-4: the unit submits within 10 days.')).toBeTruthy();
  });

  it('says nothing is against the rules only when nothing is, late included', async () => {
    current = proposal({ warnings: [], late: false, lateRule: null, escalation: 'none' });
    renderProposal();
    expect((await screen.findByTestId('findings-none')).textContent).toBe('Chưa thấy điều gì trái quy định.');
    expect(screen.queryByTestId('finding-late')).toBeNull();
  });

  it('an achievement 15 days old: the notes warn it is late instead of “nothing against the rules”, and SUBMIT warns it will be recorded late', async () => {
    current = proposal({
      state: 'drafting',
      awardForm: 'unit_certificate',
      achievement: { summary: 'Cứu 3 người trong lũ quét', date: daysAgo(15), basis: 'rescue' },
      deadline: { rule: 'DX-4', dueDate: daysAgo(5), dueAt: `${daysAgo(4)}T17:00:00.000Z`, provisional: false },
      deadlineMetAt: null,
      late: false,
      lateRule: null,
      escalation: 'missed',
      warnings: [],
      allowedEvents: ['UPDATE', 'SUBMIT', 'WITHDRAW'],
      submittedAt: null,
      forwardedAt: null,
    });
    renderProposal(fakeToken({ roles: ['drafter'], unitId: 'u1', name: 'Cán bộ' }));
    const late = await screen.findByTestId('finding-late');
    await waitFor(() => expect(late.textContent).toMatch(/Hồ sơ đã quá hạn \d+ ngày làm việc: khi trình thủ trưởng đơn vị, hồ sơ sẽ được ghi nhận là nộp quá hạn theo DX-4/));
    expect(within(late).getByRole('link', { name: 'DX-4' }).getAttribute('href')).toBe('/rules/DX-4');
    expect(screen.queryByTestId('findings-none')).toBeNull();
    expect(screen.queryByText('Chưa thấy điều gì trái quy định.')).toBeNull();
    fireEvent.click(document.querySelector('button[data-event="SUBMIT"]')!);
    const confirm = within(screen.getByRole('dialog')).getByTestId('late-confirm');
    expect(confirm.textContent).toMatch(/^Hồ sơ sẽ được ghi nhận là nộp quá hạn \d+ ngày làm việc theo DX-4 \(hạn cuối \d{2}\/\d{2}\/\d{4}\)\./);
  });

  it('an open Art. 4 matter (GET `blockers`) shows as a refusal above the buttons, which stay: the server decides', async () => {
    const message = '"Nguyễn Văn An" đang bị xem xét kỷ luật theo Công văn số 215/CV-UBND ngày 01/12/2026 của UBND xã Hòa Bình: chưa xem xét khen thưởng (Điều 4 Nghị định 152/2025/NĐ-CP).';
    current = {
      ...proposal({ warnings: [], late: false, lateRule: null, escalation: 'none' }),
      blockers: [{ rule: 'ND-1', message, messageEn: 'is being considered for discipline' }],
    } as ProposalView;
    const { container } = renderProposal();
    const blocker = await screen.findByTestId('blocker');
    expect(blocker.textContent).toContain(`Chưa thể khen thưởng: ${message}`);
    expect(blocker.getAttribute('data-rule')).toBe('ND-1');
    expect(within(blocker).getByRole('link', { name: 'ND-1' }).getAttribute('href')).toBe('/rules/ND-1');
    expect(blocker.closest('.findings--violation')).not.toBeNull();
    // In the notes card, before the action panel, and never with "nothing against the rules" beside it.
    const panel = container.querySelector('.action-panel')!;
    expect(blocker.closest('.proposal-notes')).not.toBeNull();
    expect(blocker.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText('Chưa thấy điều gì trái quy định.')).toBeNull();
    expect(container.querySelector('button[data-event="RECOMMEND"]')).not.toBeNull();
  });

  it('says nothing of blockers when the server lists none', async () => {
    current = { ...proposal(), blockers: [] } as ProposalView;
    renderProposal();
    await screen.findByTestId('finding-TH-2');
    expect(screen.queryByTestId('blockers')).toBeNull();
  });

  it('a proposal already marked late says so in the notes', async () => {
    renderProposal();
    const late = await screen.findByTestId('finding-late');
    expect(late.getAttribute('data-status')).toBe('marked');
    expect(late.textContent).toContain('Hồ sơ đã được ghi nhận là nộp quá hạn theo DX-4 (hạn cuối 02/12/2026).');
  });

  it('a returned proposal shows the reason, who returned it, and “Sửa hồ sơ”', async () => {
    current = proposal({
      state: 'drafting',
      lastReason: 'Bổ sung xác nhận của xã',
      allowedEvents: ['UPDATE', 'SUBMIT', 'WITHDRAW'],
      late: false,
      lateRule: null,
      deadline: null,
      deadlineMetAt: null,
    });
    renderProposal(fakeToken({ roles: ['drafter'], unitId: 'u1' }));
    const notice = await screen.findByTestId('returned-notice');
    expect(notice.textContent).toContain('Hồ sơ bị trả lại: Bổ sung xác nhận của xã');
    await waitFor(() => expect(notice.textContent).toContain('Lê Văn Cường · ' + ROLE_NAMES.vi.unit_head + ' · 21/11/2026 10:00'));
    expect(screen.getByTestId('proposal-edit').getAttribute('href')).toBe('/proposals/p1/edit');
  });

  it('counts a thematic proposal back from its campaign’s ceremony', async () => {
    current = proposal({ kind: 'thematic', campaignId: 'c1', deadline: { rule: 'TH-5', dueDate: '2026-11-30', dueAt: '2026-11-30T17:00:00.000Z', provisional: false } });
    const { container } = renderProposal();
    expect(await screen.findByText('Phong trào thi đua 80 năm')).toBeTruthy();
    const details = container.querySelector('details.deadline-explanation') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(gets('/api/calendar/deadline')).toBeGreaterThan(0));
    const asked = api.sent('GET', '/api/calendar/deadline')[0]!;
    expect(Object.fromEntries(asked.query)).toEqual({ rule: 'TH-5', ceremony: '2026-12-22' });
  });

  it('after a conflict, says so and shows the proposal as it now is', async () => {
    postAnswer = {
      status: 409,
      body: { code: 'VERSION_CONFLICT', message: 'stale' },
      after: proposal({ state: 'homeAffairsAgreement', version: 5, allowedEvents: [] }),
    };
    const { container } = renderProposal();
    fireEvent.click(await screen.findByRole('button', { name: 'Trả lại đơn vị' }));
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'Chưa đủ hồ sơ' } });
    fireEvent.click(screen.getByTestId('event-send'));
    expect((await screen.findByTestId('conflict-message')).textContent).toContain('Người khác đã xử lý hồ sơ này trước bạn.');
    const post = api.calls.find((call) => call.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"4"');
    await waitFor(() => expect(screen.getByTestId('proposal-state').textContent).toBe(STATE_NAMES.vi.homeAffairsAgreement));
    expect(container.querySelector('[data-version]')!.getAttribute('data-version')).toBe('5');
    expect(gets('/api/proposals/p1')).toBe(2);
    expect(gets('/api/proposals/p1/history')).toBe(2);
    expect(container.querySelectorAll('button[data-event]')).toHaveLength(0);
    expect(screen.getByTestId('conflict-message')).toBeTruthy();
  });

  it('after an event goes through, loads everything again and says it was recorded', async () => {
    postAnswer = { status: 200, body: {}, after: proposal({ state: 'homeAffairsAgreement', version: 5, allowedEvents: [] }) };
    renderProposal();
    fireEvent.click(await screen.findByRole('button', { name: 'Đề nghị khen thưởng (ghi kết quả biểu quyết)' }));
    fireEvent.change(screen.getByLabelText('Số thành viên Hội đồng'), { target: { value: '9' } });
    fireEvent.change(screen.getByLabelText('Số phiếu tán thành'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Số phiếu không tán thành'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('event-send'));
    await waitFor(() => expect(screen.getByTestId('proposal-state').textContent).toBe(STATE_NAMES.vi.homeAffairsAgreement));
    expect(screen.getByRole('status').textContent).toContain('Đề nghị khen thưởng (ghi kết quả biểu quyết)');
    expect(api.calls.find((call) => call.method === 'POST')!.body).toEqual({ type: 'RECOMMEND', vote: { members: 9, for: 7, against: 2 } });
  });

  it('offers the replay to auditors and administrators only, in the audit tab', async () => {
    renderAuditTab(fakeToken({ roles: ['auditor'] }));
    const link = await screen.findByRole('link', { name: 'Phát lại nhật ký (kiểm tra)' });
    expect(link.getAttribute('href')).toBe('/proposals/p1/replay');
  });

  it('does not offer the replay to others', async () => {
    renderAuditTab();
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('link', { name: 'Phát lại nhật ký (kiểm tra)' })).toBeNull();
  });

  it('says in plain words when the proposal cannot be read, without the server’s English', async () => {
    stubFetch(() => json({ code: 'NOT_FOUND', message: 'Proposal p1 does not exist' }, 404));
    renderProposal();
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('NOT_FOUND');
    expect(alert.textContent).toContain('Không tìm thấy nội dung cần mở');
    expect(alert.textContent).not.toContain('Proposal p1 does not exist');
  });
});
