import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { PERSON_ROLES, type Actor, type PersonRole } from '#kernel';

/** The claims docs/architecture.md fixes for a bearer token. */
export interface TokenClaims {
  sub: string;
  name: string;
  roles: PersonRole[];
  unitId: string | null;
}

/** A verified token: its claims and when it stops being good (ms since the epoch). */
export interface VerifiedToken extends TokenClaims {
  expiresAtMs: number;
}

/**
 * The longest a token may be good for. A token without an end, or one minted for months, outlives the person's
 * role (people move, retire, lose a post); the identity provider mints a new one each working day or week.
 */
export const MAX_TOKEN_LIFETIME_HOURS = 7 * 24;

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

export function signAccessToken(claims: TokenClaims, secret: string, expiresInSeconds = 8 * 3600): string {
  return jwt.sign({ name: claims.name, roles: claims.roles, unitId: claims.unitId }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    expiresIn: expiresInSeconds,
  });
}

/**
 * Handed a string, jsonwebtoken first tries to read it as a PEM public key and fails (about 0.7 ms, a fifth
 * of an API request's CPU); a secret key object made once skips that.
 */
const secretKeys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) secretKeys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

/** Only HS256 is accepted: a token cannot choose a weaker algorithm (or `none`) for itself. */
export function verifyAccessToken(token: string, secret: string): VerifiedToken {
  let decoded: jwt.JwtPayload | string;
  try {
    decoded = jwt.verify(token, secretKey(secret), { algorithms: ['HS256'] });
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  if (typeof decoded === 'string' || typeof decoded.sub !== 'string' || !decoded.sub) {
    throw new InvalidTokenError('token has no subject');
  }
  const roles = decoded.roles;
  if (!Array.isArray(roles) || roles.some((role) => !PERSON_ROLES.includes(role))) {
    throw new InvalidTokenError(`roles must be a list of ${PERSON_ROLES.join(', ')}`);
  }
  const unitId = typeof decoded.unitId === 'string' && decoded.unitId ? decoded.unitId : null;
  if (typeof decoded.exp !== 'number') throw new InvalidTokenError('token has no expiry (exp): ask for one that ends');
  const issuedAtMs = typeof decoded.iat === 'number' ? decoded.iat * 1000 : Date.now();
  if (decoded.exp * 1000 - issuedAtMs > MAX_TOKEN_LIFETIME_HOURS * 3_600_000) {
    throw new InvalidTokenError(`token is good for more than ${MAX_TOKEN_LIFETIME_HOURS} hours`);
  }
  return {
    sub: decoded.sub,
    name: typeof decoded.name === 'string' ? decoded.name : decoded.sub,
    roles,
    unitId,
    expiresAtMs: decoded.exp * 1000,
  };
}

export const actorOf = (claims: TokenClaims): Actor => ({
  id: claims.sub,
  name: claims.name,
  roles: [...claims.roles],
  unitId: claims.unitId,
});
