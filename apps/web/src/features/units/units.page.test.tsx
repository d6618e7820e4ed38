import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClusterBody, UnitBody, UnitHistoryEntry } from '#contracts';
import { json, stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import { unitBody, unitChange } from '../../test-support/unit-fixtures.js';
import { forgetUnitNames } from './unit-name.js';
import UnitsPage from './units.page.js';

const CLUSTER: ClusterBody = { id: 'c1', name: 'Các xã đồng bằng', kind: 'cum', createdAt: '2025-01-01T00:00:00.000Z' };
const BLOC: ClusterBody = { id: 'c2', name: 'Các sở, ban, ngành', kind: 'khoi', createdAt: '2025-01-01T00:00:00.000Z' };

const entry = unitChange;
const unit = unitBody;

const XA = unit({ id: 'xa', name: 'Xã Nghi Lộc', clusterId: 'c1' });
const SO = unit({ id: 'so', name: 'Sở Giáo dục và Đào tạo', type: 'so_ban_nganh', clusterId: 'c2' });
const HUYEN = unit({
  id: 'huyen',
  name: 'Huyện Nghi Lộc',
  type: 'huyen_cu',
  clusterId: 'c1',
  dissolvedOn: '2025-07-01',
  successorId: 'xa',
  current: { id: 'xa', name: 'Xã Nghi Lộc' },
  history: [entry({ successorId: 'xa' })],
});

describe('UnitsPage', () => {
  let api: FetchStub;
  let units: UnitBody[];
  beforeEach(() => {
    forgetUnitNames();
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    units = [XA, SO, HUYEN];
    api = stubFetch(({ method, path, body }) => {
      if (method === 'GET' && path === '/api/units') return { items: units };
      if (method === 'GET' && path === '/api/clusters') return { items: [CLUSTER, BLOC] };
      if (method === 'GET' && path === '/api/units/huyen') return HUYEN;
      if (method === 'POST' && path === '/api/units/xa/changes') {
        const change = body as { name: string; from: string; document: UnitHistoryEntry['document'] };
        const renamed = { ...XA, name: change.name, history: [entry({ kind: 'renamed', name: change.name, previousName: XA.name, from: change.from, document: change.document })] };
        units = [renamed, SO, { ...HUYEN, current: { id: 'xa', name: change.name } }];
        return json(renamed, 201);
      }
      if (method === 'POST' && path === '/api/units') return json({ code: 'DUPLICATE', message: 'A unit with code SO-GDDT already exists', field: 'code' }, 409);
      return undefined;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('groups the units by cluster and bloc, puts the former district last, and tells its history in plain Vietnamese', async () => {
    renderPage(<UnitsPage />, { token: fakeToken({ roles: ['admin'] }), path: '/units' });
    await screen.findByRole('heading', { level: 1, name: 'Đơn vị' });
    const cluster = await screen.findByTestId('units-group-c1');
    expect(within(cluster).getByRole('heading', { level: 2 }).textContent).toBe('Cụm thi đua: Các xã đồng bằng (1)');
    expect(within(cluster).getByTestId('unit-XA').textContent).toContain('Xã Nghi Lộc');
    expect(within(screen.getByTestId('units-group-c2')).getByRole('heading', { level: 2 }).textContent).toBe('Khối thi đua: Các sở, ban, ngành (1)');
    expect(within(screen.getByTestId('units-group-c2')).getByText('Sở, ban, ngành')).toBeTruthy();

    const former = screen.getByTestId('units-group-former');
    const district = within(former).getByTestId('unit-HUYEN');
    expect(district.textContent).toContain('Cấp huyện (cũ)');
    expect(district.textContent).toContain('Đã sáp nhập vào Xã Nghi Lộc từ 01/07/2025');
    expect(within(district).getByRole('listitem').textContent).toBe(
      'Từ 01/07/2025: sáp nhập vào Xã Nghi Lộc theo Nghị quyết số 1678/NQ-UBTVQH15 ngày 16/06/2025',
    );
    // The commune names what merged into it as its old proposals do, and links to them.
    const predecessors = within(cluster).getByTestId('unit-XA-predecessors');
    await waitFor(() => expect(predecessors.querySelector('li')?.textContent).toBe('Huyện Nghi Lộc (nay là Xã Nghi Lộc, sáp nhập từ 01/07/2025) Xem hồ sơ'));
    expect(within(predecessors).getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href')).toBe('/?unitId=huyen&all=true');
    // A merged unit takes no further change: no button for it.
    expect(within(district).queryByRole('button')).toBeNull();
    // No code or id on screen.
    expect(document.body.textContent).not.toContain('huyen_cu');
    expect(document.body.textContent).not.toContain('merged_into');
  });

  it('finds a unit without accents, by its former name too', async () => {
    renderPage(<UnitsPage />, { token: fakeToken({ roles: ['council'] }), path: '/units' });
    const search = await screen.findByLabelText('Tìm đơn vị');
    fireEvent.change(search, { target: { value: 'giao duc' } });
    expect(screen.getByTestId('unit-SO')).toBeTruthy();
    expect(screen.queryByTestId('unit-XA')).toBeNull();
    fireEvent.change(search, { target: { value: 'khong co' } });
    expect(screen.getByText('Không có đơn vị nào khớp.')).toBeTruthy();
    // Anyone reads; only the administrator writes.
    expect(screen.queryByRole('form', { name: 'Thêm đơn vị' })).toBeNull();
    expect(screen.queryByText('Thêm đơn vị')).toBeNull();
    expect(screen.queryByRole('button', { name: /Ghi nhận thay đổi/ })).toBeNull();
  });

  it('records a rename with its effective day and document, then shows it in the timeline', async () => {
    renderPage(<UnitsPage />, { token: fakeToken({ roles: ['admin'] }), path: '/units' });
    fireEvent.click(await screen.findByRole('button', { name: 'Ghi nhận thay đổi của Xã Nghi Lộc' }));
    const form = screen.getByRole('form', { name: 'Ghi nhận thay đổi của Xã Nghi Lộc' });
    const save = within(form).getByRole('button', { name: 'Ghi nhận' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Tên mới'), { target: { value: 'Xã Nghi Lộc Mới' } });
    fireEvent.change(within(form).getByLabelText('Có hiệu lực từ ngày'), { target: { value: '2025-09-01' } });
    fireEvent.change(within(form).getByLabelText('Số, ký hiệu văn bản'), { target: { value: '12/NQ-HĐND' } });
    fireEvent.change(within(form).getByLabelText('Ngày ban hành'), { target: { value: '2025-08-20' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);

    await screen.findByText('Đã ghi nhận thay đổi của Xã Nghi Lộc.');
    expect(api.sent('POST', '/api/units/xa/changes').map((call) => call.body)).toEqual([
      { kind: 'renamed', from: '2025-09-01', name: 'Xã Nghi Lộc Mới', document: { ref: '12/NQ-HĐND', issuedAt: '2025-08-20', kind: 'Nghị quyết' } },
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('unit-XA').textContent).toContain(
        'Từ 01/09/2025: đổi tên thành Xã Nghi Lộc Mới (trước đó: Xã Nghi Lộc) theo Nghị quyết số 12/NQ-HĐND ngày 20/08/2025',
      ),
    );
    expect(api.sent('GET', '/api/units')).toHaveLength(2);
  });

  it('shows the refusal of a new unit in plain words, beside its field', async () => {
    renderPage(<UnitsPage />, { token: fakeToken({ roles: ['admin'] }), path: '/units' });
    fireEvent.click(await screen.findByText('Thêm đơn vị', { selector: 'summary' }));
    const form = await screen.findByRole('form', { name: 'Thêm đơn vị' });
    fireEvent.change(within(form).getByLabelText('Tên đơn vị'), { target: { value: 'Sở Giáo dục và Đào tạo' } });
    fireEvent.change(within(form).getByLabelText('Mã đơn vị'), { target: { value: 'SO-GDDT' } });
    fireEvent.change(within(form).getByLabelText('Cụm, khối thi đua'), { target: { value: 'c2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Thêm đơn vị' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('DUPLICATE');
    expect(api.sent('POST', '/api/units').map((call) => call.body)).toEqual([{ code: 'SO-GDDT', name: 'Sở Giáo dục và Đào tạo', clusterId: 'c2' }]);
  });
});
