import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DemoUser } from '../../api/api-types.js';
import { useSession } from '../../session/session.js';
import { json, stubFetch, type FetchStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import SignInPage from './sign-in.page.js';

const UNIT = '11111111-1111-4111-8111-111111111111';
const USERS: DemoUser[] = [
  { key: `drafter:${UNIT}`, name: 'Chuyên viên SYT', roles: ['drafter'], unitId: UNIT, unitName: 'Sở Y tế' },
  { key: `unit_head:${UNIT}`, name: 'Thủ trưởng SYT', roles: ['unit_head'], unitId: UNIT, unitName: 'Sở Y tế' },
  { key: 'council', name: 'Thư ký Hội đồng TĐKT tỉnh', roles: ['council'], unitId: null, unitName: null },
];

/** A token as the server signs it: claims in UTF-8 (fakeToken's btoa cannot carry Vietnamese names). */
function serverToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => {
    const bytes = new TextEncoder().encode(JSON.stringify(value));
    return btoa(String.fromCharCode(...bytes)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ exp: 4_000_000_000, ...claims })}.sig`;
}

/** Shows who the session says is signed in, as the app shell would. */
function Probe() {
  const { user } = useSession();
  return <p data-testid="who">{user ? `${user.name}|${user.roles.join(',')}` : 'nobody'}</p>;
}

const page = (options: { lang?: 'vi' | 'en' } = {}) =>
  renderPage(
    <>
      <SignInPage />
      <Probe />
    </>,
    options,
  );

describe('SignInPage', () => {
  let api: FetchStub;
  let demoStatus = 200;
  const headToken = serverToken({ sub: 'demo-unit_head', name: 'Thủ trưởng SYT', roles: ['unit_head'], unitId: UNIT });

  beforeEach(() => {
    demoStatus = 200;
    api = stubFetch(({ path }) => {
      if (path === '/api/dev/demo-users') return demoStatus === 200 ? { users: USERS } : json({ message: 'Cannot GET /api/dev/demo-users' }, demoStatus);
      if (path === '/api/dev/sign-in') return { token: headToken, user: USERS[1] };
      return undefined;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists the demo users by unit, then the provincial offices, and signs in as the one picked', async () => {
    const { container } = page();
    await screen.findByRole('heading', { name: 'Sở Y tế' });
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('button[data-user]')];
    expect(buttons.map((button) => button.dataset.user)).toEqual([`drafter:${UNIT}`, `unit_head:${UNIT}`, 'council']);
    expect(buttons[0]!.textContent).toBe('Chuyên viên SYT — Cán bộ soạn hồ sơ · Sở Y tế');
    expect(buttons[2]!.textContent).toBe('Thư ký Hội đồng TĐKT tỉnh — Hội đồng TĐKT');
    expect(screen.getByRole('heading', { name: 'Cơ quan cấp tỉnh' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Thủ trưởng SYT — Thủ trưởng đơn vị · Sở Y tế' }));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('Thủ trưởng SYT|unit_head'));
    const posts = api.sent('POST', '/api/dev/sign-in').map(({ body, headers }) => ({ body, auth: headers.get('Authorization') }));
    expect(posts).toEqual([{ body: { key: `unit_head:${UNIT}` }, auth: null }]);
    expect(sessionStorage.getItem('kt.token')).toBe(headToken);
  });

  it('offers only the token when the server has no demo users (production)', async () => {
    demoStatus = 404;
    const { container } = page();
    await waitFor(() => expect(screen.queryByText('Đang tải…')).toBeNull());
    expect(container.querySelector('button[data-user]')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Mã truy cập (token)')).toBeTruthy();
  });

  it('explains a malformed token and does not sign in', async () => {
    page();
    fireEvent.change(screen.getByLabelText('Mã truy cập (token)'), { target: { value: 'not-a-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Đây không phải một mã truy cập');
    expect(screen.getByLabelText('Mã truy cập (token)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('who').textContent).toBe('nobody');
  });

  it('explains an expired token and one without roles, in English too', async () => {
    page({ lang: 'en' });
    const box = screen.getByLabelText('Access token');
    const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '');
    fireEvent.change(box, { target: { value: `${encode({ alg: 'HS256' })}.${encode({ sub: 'x', roles: ['council'], exp: 1 })}.sig` } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('has expired');
    fireEvent.change(box, { target: { value: fakeToken({ roles: [] }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('grants no role'));
    expect(screen.getByTestId('who').textContent).toBe('nobody');
  });

  it('signs in with a pasted token', async () => {
    page();
    fireEvent.change(screen.getByLabelText('Mã truy cập (token)'), { target: { value: `  ${serverToken({ sub: 'ct', name: 'Chủ tịch', roles: ['chairman'] })}\n` } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('Chủ tịch|chairman'));
  });
});
