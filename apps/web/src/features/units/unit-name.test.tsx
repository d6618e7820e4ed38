import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UnitBody, UnitHistoryEntry } from '#contracts';
import { json, stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import { unitChange } from '../../test-support/unit-fixtures.js';
import { forgetUnitNames, UnitName } from './unit-name.js';

const change = (overrides: Partial<UnitHistoryEntry>) => unitChange({ kind: 'renamed', ...overrides });

const DISTRICT: UnitBody = {
  id: 'huyen',
  code: 'HUYEN-NL',
  name: 'Huyện Nghi Lộc',
  type: 'huyen_cu',
  clusterId: null,
  dissolvedOn: '2025-07-01',
  successorId: 'xa',
  current: { id: 'xa', name: 'Xã Nghi Lộc' },
  history: [change({ kind: 'merged_into', successorId: 'xa' })],
  createdAt: '2024-01-01T00:00:00.000Z',
};
const RENAMED: UnitBody = {
  ...DISTRICT,
  id: 'xa2',
  code: 'XA2',
  name: 'Xã Hưng Nguyên',
  type: 'xa',
  dissolvedOn: null,
  successorId: null,
  current: { id: 'xa2', name: 'Xã Hưng Nguyên' },
  history: [change({ name: 'Xã Hưng Nguyên', previousName: 'Xã Hưng Thịnh', from: '2025-07-01' })],
};
const PLAIN: UnitBody = { ...RENAMED, id: 'so', code: 'SO', name: 'Sở Y tế', type: 'so_ban_nganh', current: { id: 'so', name: 'Sở Y tế' }, history: [] };

describe('UnitName', () => {
  let api: FetchStub;
  beforeEach(() => {
    forgetUnitNames();
    api = stubFetch(({ path }) => {
      const unit = [DISTRICT, RENAMED, PLAIN].find((u) => path === `/api/units/${u.id}`);
      return unit ?? json({ code: 'NOT_FOUND', message: 'no unit' }, 404);
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('gives a former district its name of the day and what it is now, asking once for the same unit', async () => {
    renderPage(
      <p>
        <span data-testid="a">
          <UnitName unitId="huyen" on="2025-03-10" />
        </span>
        <span data-testid="b">
          <UnitName unitId="huyen" on="2025-03-11" />
        </span>
      </p>,
      { token: fakeToken({ roles: ['council'] }) },
    );
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('Huyện Nghi Lộc (nay là Xã Nghi Lộc, sáp nhập từ 01/07/2025)'));
    expect(screen.getByTestId('b').textContent).toBe('Huyện Nghi Lộc (nay là Xã Nghi Lộc, sáp nhập từ 01/07/2025)');
    expect(api.calls.filter((call) => call.path === '/api/units/huyen')).toHaveLength(1);
  });

  it('gives a renamed unit its old name before the rename, with "nay là", and only its name after', async () => {
    renderPage(
      <p>
        <span data-testid="before">
          <UnitName unitId="xa2" on="2025-06-30" />
        </span>
        <span data-testid="after">
          <UnitName unitId="xa2" on="2025-07-01" />
        </span>
        <span data-testid="plain">
          <UnitName unitId="so" />
        </span>
      </p>,
      { token: fakeToken({ roles: ['council'] }) },
    );
    await waitFor(() => expect(screen.getByTestId('before').textContent).toBe('Xã Hưng Thịnh (nay là Xã Hưng Nguyên)'));
    expect(screen.getByTestId('after').textContent).toBe('Xã Hưng Nguyên');
    await waitFor(() => expect(screen.getByTestId('plain').textContent).toBe('Sở Y tế'));
  });

  it('says it in English too, and shows nothing that looks like a name when the unit cannot be read', async () => {
    renderPage(
      <p>
        <span data-testid="en">
          <UnitName unitId="huyen" on="2024-12-01" />
        </span>
        <span data-testid="ghost">
          <UnitName unitId="ghost" />
        </span>
      </p>,
      { token: fakeToken({ roles: ['council'] }), lang: 'en' },
    );
    await waitFor(() => expect(screen.getByTestId('en').textContent).toBe('Huyện Nghi Lộc (now Xã Nghi Lộc, merged from 01/07/2025)'));
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/units/ghost')).toBe(true));
    expect(screen.getByTestId('ghost').textContent).toBe('');
  });
});

describe('UnitName, read from the list of units', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the list once for every unit of the page, and alone only for a unit the list does not hold', async () => {
    forgetUnitNames();
    const api = stubFetch(({ path }) => {
      if (path === '/api/units') return { items: [DISTRICT, RENAMED] };
      if (path === '/api/units/so') return PLAIN;
      return undefined;
    });
    renderPage(
      <p>
        <span data-testid="district">
          <UnitName unitId="huyen" on="2025-03-10" />
        </span>
        <span data-testid="renamed">
          <UnitName unitId="xa2" on="2025-06-30" />
        </span>
        <span data-testid="new">
          <UnitName unitId="so" />
        </span>
      </p>,
      { token: fakeToken({ roles: ['council'] }) },
    );
    await waitFor(() => expect(screen.getByTestId('new').textContent).toBe('Sở Y tế'));
    expect(screen.getByTestId('district').textContent).toBe('Huyện Nghi Lộc (nay là Xã Nghi Lộc, sáp nhập từ 01/07/2025)');
    expect(screen.getByTestId('renamed').textContent).toBe('Xã Hưng Thịnh (nay là Xã Hưng Nguyên)');
    expect(api.calls.map((call) => call.path).sort()).toEqual(['/api/units', '/api/units/so']);
  });
});
