import jwt from 'jsonwebtoken';
import { InvalidTokenError, signAccessToken, verifyAccessToken } from './access-token.js';

const secret = 's'.repeat(32);
const claims = { sub: 'u-1', name: 'Trần Thị B', roles: ['unit_head' as const], unitId: 'unit-a' };

describe('access tokens', () => {
  it('round-trips the claims', () => {
    expect(verifyAccessToken(signAccessToken(claims, secret), secret)).toEqual(claims);
  });

  it('refuses another secret, an unknown role and an unsigned token', () => {
    expect(() => verifyAccessToken(signAccessToken(claims, secret), 't'.repeat(32))).toThrow(InvalidTokenError);
    const badRole = jwt.sign({ roles: ['emperor'] }, secret, { subject: 'u', algorithm: 'HS256' });
    expect(() => verifyAccessToken(badRole, secret)).toThrow(/roles/);
    const unsigned = jwt.sign({ roles: ['admin'] }, '', { subject: 'u', algorithm: 'none' });
    expect(() => verifyAccessToken(unsigned, secret)).toThrow(InvalidTokenError);
  });
});
