import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PersonBody, PersonDetailBody, RestrictionBody, UnitBody } from '#contracts';
import { json, stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import { forgetUnitNames } from '../units/unit-name.js';
import PeoplePage from './people.page.js';
import PersonPage from './person.page.js';

const UNIT = '11111111-1111-4111-8111-111111111111';
const PERSON_ID = '22222222-2222-4222-8222-222222222222';

const unit: UnitBody = {
  id: UNIT,
  code: 'XA-HB',
  name: 'Xã Hòa Bình',
  type: 'xa',
  clusterId: null,
  dissolvedOn: null,
  successorId: null,
  current: { id: UNIT, name: 'Xã Hòa Bình' },
  history: [],
  createdAt: '2026-01-01T00:00:00.000Z',
};

const person: PersonBody = {
  id: PERSON_ID,
  type: 'individual',
  name: 'Nguyễn Văn An',
  birthYear: 1985,
  gender: 'male',
  title: 'Phó Trưởng phòng',
  workplace: 'Phòng Văn hóa xã',
  unitId: UNIT,
  createdAt: '2026-03-01T02:00:00.000Z',
};

const matter: RestrictionBody = {
  id: '33333333-3333-4333-8333-333333333333',
  personId: PERSON_ID,
  kind: 'discipline_considered',
  from: '2026-04-01',
  endsOn: null,
  document: { type: 'Công văn', number: '123/CV-UBND', date: '2026-04-01', issuer: 'UBND xã Hòa Bình' },
  note: null,
  recordedBy: { id: 'u-1', name: 'Trần Văn Chủ', roles: ['unit_head'] },
  recordedAt: '2026-04-02T03:00:00.000Z',
  open: true,
  closedOn: null,
  closingDocument: null,
  closedBy: null,
  closedAt: null,
};

const detail = (overrides: Partial<PersonDetailBody> = {}): PersonDetailBody => ({
  ...person,
  awards: [
    {
      proposalId: '44444444-4444-4444-8444-444444444444',
      kind: 'thematic',
      unitId: UNIT,
      campaignId: '55555555-5555-4555-8555-555555555555',
      campaignTitle: 'Phong trào "Chuyển đổi số"',
      awardForm: 'chairman_certificate',
      state: 'awarded',
      outcome: 'awarded',
      achievement: { date: '2026-03-15', summary: 'Dẫn đầu phong trào chuyển đổi số' },
      decision: { number: '1234/QĐ-UBND', date: '2026-05-20', signedBy: 'Chủ tịch UBND tỉnh' },
      createdAt: '2026-03-16T02:00:00.000Z',
    },
  ],
  proposals: [],
  restrictions: [],
  canRecordRestrictions: true,
  ...overrides,
});

describe('PeoplePage', () => {
  let api: FetchStub;
  beforeEach(() => {
    forgetUnitNames();
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    api = stubFetch(({ path, query }) => {
      if (path === '/api/people') {
        const q = query.get('q') ?? '';
        return { items: !q || 'nguyen van an'.includes(q) ? [person] : [], nextCursor: null };
      }
      if (path === `/api/units/${UNIT}`) return unit;
      return undefined;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists people with their details and searches by name as typed, keeping the search in the address', async () => {
    renderPage(<PeoplePage />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: '/people' });
    await screen.findByRole('heading', { level: 1, name: 'Cá nhân, tập thể' });
    const table = await screen.findByTestId('people-table');
    const row = within(table).getByRole('link', { name: 'Nguyễn Văn An' }).closest('tr')!;
    expect(row.textContent).toContain('Cá nhân, Nam');
    expect(row.textContent).toContain('1985');
    expect(row.textContent).toContain('Phó Trưởng phòng');
    await waitFor(() => expect(row.textContent).toContain('Xã Hòa Bình'));
    expect(within(table).getByRole('link', { name: 'Nguyễn Văn An' }).getAttribute('href')).toBe(`/people/${PERSON_ID}`);

    fireEvent.change(screen.getByLabelText('Tìm theo tên'), { target: { value: 'tran thi' } });
    expect(window.location.search).toBe('?q=tran+thi');
    expect(await screen.findByText('Không tìm thấy ai có tên như vậy.')).toBeTruthy();
    expect(api.sent('GET', '/api/people').at(-1)!.query.get('q')).toBe('tran thi');
  });
});

describe('PersonPage', () => {
  let api: FetchStub;
  let current: PersonDetailBody;
  beforeEach(() => {
    forgetUnitNames();
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    current = detail();
    api = stubFetch(({ method, path }) => {
      if (method === 'GET' && path === `/api/people/${PERSON_ID}`) return current;
      if (method === 'POST' && path === `/api/people/${PERSON_ID}/restrictions`) {
        current = { ...current, restrictions: [matter] };
        return json(matter, 201);
      }
      if (path === `/api/units/${UNIT}`) return unit;
      return undefined;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the award history with the decision, in dd/mm/yyyy', async () => {
    renderPage(<PersonPage params={{ id: PERSON_ID }} />, { token: fakeToken({ roles: ['unit_head'], unitId: UNIT }), path: `/people/${PERSON_ID}` });
    await screen.findByRole('heading', { level: 1, name: /Nguyễn Văn An/ });
    const awards = screen.getByTestId('person-awards-table');
    expect(awards.textContent).toContain('15/03/2026');
    expect(awards.textContent).toContain('Bằng khen');
    expect(awards.textContent).toContain('Chủ tịch UBND tỉnh đã khen thưởng');
    expect(awards.textContent).toContain('Số 1234/QĐ-UBND ngày 20/05/2026');
    expect(awards.textContent).toContain('Phong trào "Chuyển đổi số"');
    expect(screen.getByText('Không có vụ việc nào được ghi nhận.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ND-1' }).getAttribute('href')).toBe('/rules/ND-1');
  });

  it('records an Art. 4 matter with its document, then shows it open with who recorded it', async () => {
    renderPage(<PersonPage params={{ id: PERSON_ID }} />, { token: fakeToken({ roles: ['unit_head'], unitId: UNIT }), path: `/people/${PERSON_ID}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi nhận vụ việc' }));
    const form = screen.getByTestId('record-matter-form');
    expect(within(form).getByLabelText('Vụ việc')).toBeTruthy();
    const options = [...within(form).getByLabelText<HTMLSelectElement>('Vụ việc').options].map((o) => o.textContent);
    expect(options).toEqual([
      'Đang bị xem xét kỷ luật',
      'Đang thi hành kỷ luật',
      'Đang bị điều tra, thanh tra, kiểm tra có dấu hiệu vi phạm',
      'Có đơn thư khiếu nại, tố cáo đang được xác minh',
      'Có vấn đề báo chí nêu đang được xác minh',
    ]);
    fireEvent.change(within(form).getByLabelText('Từ ngày'), { target: { value: '2026-04-01' } });
    fireEvent.change(within(form).getByLabelText('Số, ký hiệu văn bản'), { target: { value: '123/CV-UBND' } });
    fireEvent.change(within(form).getByLabelText('Ngày văn bản'), { target: { value: '2026-04-01' } });
    fireEvent.change(within(form).getByLabelText('Cơ quan ban hành'), { target: { value: 'UBND xã Hòa Bình' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ghi nhận' }));

    await screen.findByText('Đã ghi nhận vụ việc.');
    expect(api.sent('POST', `/api/people/${PERSON_ID}/restrictions`)[0]!.body).toEqual({
      kind: 'discipline_considered',
      from: '2026-04-01',
      document: { type: 'Công văn', number: '123/CV-UBND', date: '2026-04-01', issuer: 'UBND xã Hòa Bình' },
    });
    const card = await screen.findByTestId('matter');
    expect(card.textContent).toContain('Đang bị xem xét kỷ luật');
    expect(card.textContent).toContain('Công văn số 123/CV-UBND ngày 01/04/2026 của UBND xã Hòa Bình');
    expect(card.textContent).toContain('Ghi nhận bởi Trần Văn Chủ, lúc 02/04/2026 10:00');
    expect(card.getAttribute('data-open')).toBe('true');
    expect(screen.getByTestId('open-matter-badge').textContent).toBe('Có vụ việc đang xem xét');
  });

  it('shows no recording form to someone who may not record, and the end date of a served discipline in English', async () => {
    current = detail({
      canRecordRestrictions: false,
      restrictions: [{ ...matter, kind: 'discipline_served', endsOn: '2026-09-30', document: { ...matter.document, type: 'Quyết định' } }],
    });
    renderPage(<PersonPage params={{ id: PERSON_ID }} />, { token: fakeToken({ roles: ['drafter'], unitId: UNIT }), path: `/people/${PERSON_ID}`, lang: 'en' });
    const card = await screen.findByTestId('matter');
    expect(card.textContent).toContain('Serving a discipline');
    expect(card.textContent).toContain('discipline served until the end of 30/09/2026');
    expect(screen.queryByRole('button', { name: 'Record a matter' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close the matter' })).toBeNull();
  });
});
