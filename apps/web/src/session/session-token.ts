import { PERSON_ROLES, type PersonRole } from '#kernel';

/** Who the token says the user is. The API checks the signature; the console only reads it to choose screens. */
export interface SessionUser {
  id: string;
  name: string;
  roles: PersonRole[];
  unitId: string | null;
  /** Seconds since the epoch. */
  expiresAt: number | null;
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The user a pasted token stands for, or an explanation of why it is not a token. */
export function readToken(token: string, now = Date.now()): { user: SessionUser } | { problem: 'malformed' | 'expired' | 'no_roles' } {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { problem: 'malformed' };
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(decodeBase64Url(parts[1]!)) as Record<string, unknown>;
  } catch {
    return { problem: 'malformed' };
  }
  const roles = (Array.isArray(claims.roles) ? claims.roles : []).filter((role): role is PersonRole =>
    (PERSON_ROLES as readonly unknown[]).includes(role),
  );
  if (roles.length === 0) return { problem: 'no_roles' };
  const expiresAt = typeof claims.exp === 'number' ? claims.exp : null;
  if (expiresAt !== null && expiresAt * 1000 <= now) return { problem: 'expired' };
  const id = typeof claims.sub === 'string' ? claims.sub : 'unknown';
  return {
    user: {
      id,
      name: typeof claims.name === 'string' ? claims.name : id,
      roles,
      unitId: typeof claims.unitId === 'string' ? claims.unitId : null,
      expiresAt,
    },
  };
}

export const holdsAny = (user: SessionUser | null, ...roles: PersonRole[]) => !!user && user.roles.some((role) => roles.includes(role));
