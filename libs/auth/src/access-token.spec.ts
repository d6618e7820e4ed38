import jwt from 'jsonwebtoken';
import { InvalidTokenError, signAccessToken, verifyAccessToken } from './access-token.js';

const secret = 's'.repeat(32);
const claims = { sub: 'u-1', name: 'Trần Thị B', roles: ['unit_head' as const], unitId: 'unit-a' };

describe('access tokens', () => {
  it('round-trips the claims, and says when the token stops being good', () => {
    const before = Date.now();
    const { expiresAtMs, ...roundTripped } = verifyAccessToken(signAccessToken(claims, secret, 3600), secret);
    expect(roundTripped).toEqual(claims);
    // exp is in whole seconds.
    expect(expiresAtMs).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000);
    expect(expiresAtMs).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });

  it('refuses another secret, an unknown role and an unsigned token', () => {
    expect(() => verifyAccessToken(signAccessToken(claims, secret), 't'.repeat(32))).toThrow(InvalidTokenError);
    const badRole = jwt.sign({ roles: ['emperor'] }, secret, { subject: 'u', algorithm: 'HS256' });
    expect(() => verifyAccessToken(badRole, secret)).toThrow(/roles/);
    const unsigned = jwt.sign({ roles: ['admin'] }, '', { subject: 'u', algorithm: 'none' });
    expect(() => verifyAccessToken(unsigned, secret)).toThrow(InvalidTokenError);
  });

  it('refuses a token that never ends, or that is good for more than a week', () => {
    const endless = jwt.sign({ roles: ['admin'] }, secret, { subject: 'u', algorithm: 'HS256' });
    expect(() => verifyAccessToken(endless, secret)).toThrow(/no expiry/);
    const yearLong = signAccessToken(claims, secret, 365 * 24 * 3600);
    expect(() => verifyAccessToken(yearLong, secret)).toThrow(/more than 168 hours/);
    expect(verifyAccessToken(signAccessToken(claims, secret, 7 * 24 * 3600), secret).sub).toBe('u-1');
  });
});
