import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProposalView } from '../../api/api-types.js';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { json, stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import InboxPage from './inbox.page.js';

const UNIT = '11111111-1111-4111-8111-111111111111';
const CAMPAIGN = '22222222-2222-4222-8222-222222222222';

const proposal = (id: string, overrides: Partial<ProposalView> = {}): ProposalView => ({
  id,
  kind: 'extraordinary',
  unitId: UNIT,
  campaignId: null,
  awardForm: 'chairman_certificate',
  nominee: { type: 'individual', name: `Nguyễn Văn ${id}` },
  achievement: { summary: 'Cứu người', date: '2026-02-02' },
  state: 'councilScreening',
  version: 3,
  machineVersion: 2,
  deadline: { rule: 'DX-4', dueDate: '2026-03-20', dueAt: '2026-03-20T16:59:59Z', provisional: false },
  deadlineMetAt: null,
  late: false,
  lateRule: null,
  escalation: 'none',
  warnings: [],
  allowedEvents: [],
  lastReason: null,
  vote: null,
  decision: null,
  submittedAt: null,
  forwardedAt: null,
  createdAt: '2026-02-03T01:00:00Z',
  updatedAt: '2026-02-03T01:00:00Z',
  ...overrides,
});

describe('InboxPage', () => {
  let api: FetchStub;
  const proposalQueries = () => api.sent('GET', '/api/proposals').map((call) => call.query);
  const otherRequests = () => api.calls.filter((call) => call.path !== '/api/proposals').map((call) => call.path);

  beforeEach(() => {
    clearCalendarCache();
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    api = stubFetch(({ path, query }) => {
      if (path === '/api/proposals') {
        // "The rest" of an inbox ("Đang theo dõi"): one proposal drafted at a unit, waiting on its clerk.
        if (query.get('actionable') === 'false') return { items: [proposal('W', { state: 'drafting' })], nextCursor: null };
        if (query.get('cursor') === 'next-1') return { items: [proposal('C')], nextCursor: null };
        return {
          items: [
            proposal('A', { late: true, lateRule: 'DX-4', escalation: 'escalated' }),
            proposal('B', { escalation: 'reminded', awardForm: 'unit_certificate', state: 'unitDecision', deadline: null }),
          ],
          nextCursor: 'next-1',
        };
      }
      if (path === '/api/units') return { items: [{ id: UNIT, code: 'SYT', name: 'Sở Y tế', createdAt: '2025-01-01T00:00:00Z' }] };
      if (path === '/api/campaigns') return { items: [{ id: CAMPAIGN, title: 'Phong trào thi đua 2026' }] };
      const year = /^\/api\/calendar\/(\d+)$/.exec(path)?.[1];
      if (year) return { year: Number(year), provisional: false, source: 'test', daysOff: [], workingSaturdays: [] };
      return undefined;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows each proposal with its state, unit, deadline, late and escalation badges', async () => {
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['council'] }) });
    expect(screen.getByRole('heading', { level: 1, name: 'Hồ sơ chờ xử lý' })).toBeTruthy();
    const table = await screen.findByTestId('inbox-table');
    expect(table.classList.contains('responsive')).toBe(true);

    const rowA = table.querySelector<HTMLElement>('tr[data-proposal-id="A"]')!;
    expect(within(rowA).getByRole('link', { name: 'Nguyễn Văn A' }).getAttribute('href')).toBe('/proposals/A');
    expect(rowA.querySelector('.badge--late')?.textContent).toBe('Quá hạn');
    expect(rowA.querySelector('.inbox__flag a[data-rule="DX-4"]')?.getAttribute('href')).toBe('/rules/DX-4');
    expect(rowA.querySelector('.badge--escalated')?.textContent).toBe('Đã báo cáo cấp trên');
    expect(rowA.querySelector('.badge--state')?.textContent).toBe('Hội đồng TĐKT xét');
    expect(rowA.textContent).toContain('Bằng khen của Chủ tịch UBND tỉnh');
    await waitFor(() => expect(within(rowA).getByText('Sở Y tế')).toBeTruthy());
    expect(rowA.querySelector('.countdown')?.getAttribute('data-due')).toBe('2026-03-20');
    for (const cell of rowA.querySelectorAll('td')) expect(cell.getAttribute('data-label')).toBeTruthy();

    const rowB = table.querySelector<HTMLElement>('tr[data-proposal-id="B"]')!;
    expect(rowB.querySelector('.badge--reminded')?.textContent).toBe('Đã nhắc hạn');
    expect(rowB.querySelector('.badge--late')).toBeNull();
    expect(rowB.querySelector('.inbox__flag')).toBeNull();
    expect(rowB.textContent).toContain('Giấy khen');

    // One request for each part of the inbox, the two lists once each; never one per row.
    expect(proposalQueries()).toHaveLength(2);
    expect(proposalQueries().map((query) => query.get('actionable')).sort()).toEqual(['false', 'true']);
    for (const query of proposalQueries()) expect([query.get('inbox'), query.get('limit')]).toEqual(['true', '50']);
    // "Đến lượt tôi" first, then "Đang theo dõi" with what waits on someone else.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['Đến lượt tôi', 'Đang theo dõi']);
    expect(table.querySelector('tr[data-proposal-id="W"]')).toBeNull();
    expect(screen.getByTestId('inbox-watching-table').querySelector('tr[data-proposal-id="W"]')).toBeTruthy();
    await waitFor(() => expect(otherRequests().filter((path) => path.startsWith('/api/calendar/')).length).toBeGreaterThan(0));
    expect(otherRequests().filter((path) => path === '/api/units')).toHaveLength(1);
    expect(otherRequests().filter((path) => path === '/api/campaigns')).toHaveLength(1);
    expect(new Set(otherRequests()).size).toBe(otherRequests().length);
    // A council member is not a unit clerk: the unit filter is offered, and "new proposal" is not.
    expect(screen.getByLabelText('Đơn vị')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Lập hồ sơ' })).toBeNull();
  });

  it('reads the filters from the URL and sends them with the request', async () => {
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['council'] }), path: `/?state=councilScreening&campaignId=${CAMPAIGN}&late=true` });
    await screen.findByTestId('inbox-table');
    const query = proposalQueries().find((sent) => sent.get('actionable') === 'true')!;
    expect(Object.fromEntries(query)).toEqual({ inbox: 'true', actionable: 'true', state: 'councilScreening', campaignId: CAMPAIGN, late: 'true', limit: '50' });
    expect((screen.getByLabelText('Trạng thái') as HTMLSelectElement).value).toBe('councilScreening');
    expect((screen.getByLabelText('Chỉ hồ sơ quá hạn') as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect((screen.getByLabelText('Phong trào') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Phong trào thi đua 2026'));
  });

  it('puts a changed filter into the URL and asks again from the first page', async () => {
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['council'] }) });
    await screen.findByTestId('inbox-table');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Sở Y tế' })).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(screen.getByTestId('inbox-table').querySelector('tr[data-proposal-id="C"]')).toBeTruthy());
    expect(proposalQueries().at(-1)!.get('cursor')).toBe('next-1');
    expect(proposalQueries().at(-1)!.get('actionable')).toBe('true');
    expect(screen.getByText('Trang 2')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Đơn vị'), { target: { value: UNIT } });
    fireEvent.click(screen.getByLabelText('Chỉ hồ sơ quá hạn'));
    expect(window.location.pathname + window.location.search).toBe(`/?unitId=${UNIT}&late=true`);
    await waitFor(() => expect(proposalQueries().at(-1)!.get('late')).toBe('true'));
    const last = proposalQueries().at(-1)!;
    expect(last.get('unitId')).toBe(UNIT);
    expect(last.get('cursor')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    expect(window.location.search).toBe('');
  });

  it('offers auditors everything they may see, not an empty inbox', async () => {
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['auditor'] }), lang: 'en' });
    await screen.findByTestId('inbox-table');
    expect(screen.getByRole('heading', { level: 1, name: 'Waiting on me' })).toBeTruthy();
    expect(proposalQueries()[0]!.get('inbox')).toBeNull();
    const toggle = screen.getByLabelText('All I may see (not only what waits on me)') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(window.location.search).toBe('?all=false');
    await waitFor(() => expect(proposalQueries().at(-1)!.get('inbox')).toBe('true'));
  });

  it('hides the unit filter from unit clerks and offers them a new proposal', async () => {
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }) });
    await screen.findByTestId('inbox-table');
    expect(screen.queryByLabelText('Đơn vị')).toBeNull();
    expect(screen.queryByLabelText(/Mọi hồ sơ tôi được xem/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Lập hồ sơ' }).getAttribute('href')).toBe('/proposals/new');
  });

  it('says so kindly when nothing waits', async () => {
    stubFetch(({ path }) => (path === '/api/proposals' ? { items: [], nextCursor: null } : { items: [] }));
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['chairman'] }) });
    const table = await screen.findByTestId('inbox-table');
    expect(table.querySelectorAll('tr[data-proposal-id]')).toHaveLength(0);
    expect(table.textContent).toContain('Không có hồ sơ nào đến lượt bạn xử lý.');
    expect(screen.getByTestId('inbox-watching-table-empty').textContent).toBe('Không có hồ sơ nào khác đang theo dõi.');
    expect(screen.queryByRole('button', { name: 'Trang sau' })).toBeNull();
  });

  it('shows the server’s refusal with a way to try again', async () => {
    stubFetch(({ path }) => (path === '/api/proposals' ? json({ code: 'VALIDATION_FAILED', message: 'unitId must be a UUID' }, 400) : { items: [] }));
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['council'] }), path: '/?unitId=nope' });
    const alert = await screen.findByRole('alert');
    // One alert for both parts of the inbox (they ask with the same filters), in the console's own words.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeTruthy();
    expect(screen.queryByTestId('inbox-table')).toBeNull();
  });

  it('searches by name: the typed text goes to both lists as q, and into the URL', async () => {
    renderPage(<InboxPage />, { token: fakeToken({ roles: ['unit_head'], unitId: UNIT }) });
    await screen.findByTestId('inbox-table');
    // When the head types a name without diacritics and presses Enter
    fireEvent.change(screen.getByLabelText('Tìm theo tên người hoặc tập thể'), { target: { value: ' nguyen van an ' } });
    fireEvent.submit(screen.getByRole('search', { name: 'Tìm hồ sơ theo tên' }));
    // Then the address holds the search and both parts of the inbox ask for it, from their first page
    expect(window.location.search).toBe('?q=nguyen+van+an');
    await waitFor(() => expect(proposalQueries().filter((query) => query.get('q') === 'nguyen van an')).toHaveLength(2));
    expect(proposalQueries().at(-1)!.get('cursor')).toBeNull();
    // And "clear" empties the box with the other filters
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    expect(window.location.search).toBe('');
    await waitFor(() => expect((screen.getByLabelText('Tìm theo tên người hoặc tập thể') as HTMLInputElement).value).toBe(''));
  });
});
