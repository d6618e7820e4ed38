import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/api-client.js';
import { readToken, type SessionUser } from './session-token.js';

interface SessionValue {
  token: string | null;
  user: SessionUser | null;
  api: ApiClient;
  signIn(token: string): void;
  signOut(): void;
}

// Per tab, not per browser: two officials may share a machine, and a closed tab should leave no token behind.
const STORAGE_KEY = 'kt.token';
const SessionContext = createContext<SessionValue | null>(null);

function storedToken(): string | null {
  const token = globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? null;
  return token && 'user' in readToken(token) ? token : null;
}

export function SessionProvider({ children, initialToken }: { children: ReactNode; initialToken?: string }) {
  const [token, setToken] = useState<string | null>(initialToken ?? storedToken);
  const signOut = useCallback(() => {
    globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    setToken(null);
  }, []);
  const signIn = useCallback((next: string) => {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, next);
    setToken(next);
  }, []);
  const value = useMemo<SessionValue>(() => {
    const read = token ? readToken(token) : null;
    const user = read && 'user' in read ? read.user : null;
    return { token: user ? token : null, user, api: new ApiClient(user ? token : null, signOut), signIn, signOut };
  }, [token, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The API client of the signed-in user. */
export const useApi = () => useSession().api;
