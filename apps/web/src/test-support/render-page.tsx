import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { LangProvider, type Lang } from '../i18n/i18n.js';
import { RouterProvider } from '../router/router.js';
import { SessionProvider } from '../session/session.js';

/** Encodes claims as an unsigned token: the console only reads it; these tests never reach a server. */
export function fakeToken(claims: { sub?: string; name?: string; roles: string[]; unitId?: string | null }): string {
  // UTF-8 first: btoa takes Latin-1 only, and names here are Vietnamese.
  const encode = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: 'u1', name: 'Test', unitId: null, exp: 4_000_000_000, ...claims })}.sig`;
}

/** Renders a screen inside the console's providers, signed in with `token` when given. */
export function renderPage(ui: ReactElement, options: { lang?: Lang; token?: string; path?: string } = {}) {
  return render(
    <LangProvider lang={options.lang ?? 'vi'}>
      <SessionProvider initialToken={options.token}>
        <RouterProvider initialPath={options.path ?? '/'}>{ui}</RouterProvider>
      </SessionProvider>
    </LangProvider>,
  );
}
