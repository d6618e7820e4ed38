import { jest } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { AccessTokenVerifier, MAX_REMEMBERED_TOKEN_LENGTH } from './access-token-verifier.js';
import { actorOf, InvalidTokenError, signAccessToken, verifyAccessToken } from './access-token.js';

const secret = 's'.repeat(32);
const claims = { sub: 'u-1', name: 'Trần Thị B', roles: ['unit_head' as const], unitId: 'unit-a' };
const tokenFor = (sub: string, seconds = 3600) => signAccessToken({ ...claims, sub }, secret, seconds);

/** The same token with one character of the given part (0 header, 1 payload, 2 signature) changed. */
function tampered(token: string, part: number): string {
  const parts = token.split('.');
  const text = parts[part];
  const at = Math.floor(text.length / 2);
  parts[part] = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  return parts.join('.');
}

describe('AccessTokenVerifier', () => {
  afterEach(() => jest.useRealTimers());

  it('answers what verifyAccessToken answers, and the second time from memory', () => {
    const verifier = new AccessTokenVerifier(secret);
    const token = tokenFor('u-1');
    const first = verifier.verify(token);
    expect(first).toEqual(verifyAccessToken(token, secret));
    expect(verifier.size).toBe(1);
    // The very object remembered the first time: nothing was checked again.
    expect(verifier.verify(token)).toBe(first);
  });

  it('still refuses a tampered copy of a token it remembers, and does not remember it', () => {
    const verifier = new AccessTokenVerifier(secret);
    const token = tokenFor('u-1');
    verifier.verify(token);
    for (const part of [0, 1, 2]) {
      expect(() => verifier.verify(tampered(token, part))).toThrow(InvalidTokenError);
    }
    // A payload claiming another role, re-encoded, signed with the genuine token's signature.
    const [header, , signature] = token.split('.');
    const admin = Buffer.from(JSON.stringify({ ...jwt.decode(token) as object, roles: ['admin'] })).toString('base64url');
    expect(() => verifier.verify(`${header}.${admin}.${signature}`)).toThrow(/invalid signature/);
    expect(verifier.size).toBe(1);
  });

  it("refuses a remembered token from the second its exp is reached, with the library's own message", () => {
    jest.useFakeTimers({ now: new Date('2026-05-26T01:00:00.250Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const verifier = new AccessTokenVerifier(secret);
    const token = tokenFor('u-1', 60);
    const expiresAtMs = verifier.verify(token).expiresAtMs;
    expect(expiresAtMs).toBe(Date.parse('2026-05-26T01:01:00Z'));

    jest.setSystemTime(expiresAtMs - 1);
    expect(verifier.verify(token).sub).toBe('u-1');
    expect(verifyAccessToken(token, secret).sub).toBe('u-1');

    jest.setSystemTime(expiresAtMs);
    expect(() => verifyAccessToken(token, secret)).toThrow('jwt expired');
    expect(() => verifier.verify(token)).toThrow('jwt expired');
    expect(verifier.size).toBe(0);
    // Refused again the next time: an expired token is not remembered either.
    expect(() => verifier.verify(token)).toThrow('jwt expired');
  });

  it('keeps refusing what verifyAccessToken refuses, without remembering it', () => {
    const verifier = new AccessTokenVerifier(secret);
    const endless = jwt.sign({ roles: ['admin'] }, secret, { subject: 'u', algorithm: 'HS256' });
    const otherSecret = signAccessToken(claims, 't'.repeat(32));
    const badRole = jwt.sign({ roles: ['emperor'] }, secret, { subject: 'u', algorithm: 'HS256', expiresIn: 60 });
    for (const token of [endless, otherSecret, badRole, 'not.a.jwt', '']) {
      expect(() => verifier.verify(token)).toThrow(InvalidTokenError);
      expect(() => verifier.verify(token)).toThrow(InvalidTokenError);
    }
    expect(verifier.size).toBe(0);
  });

  it('belongs to one secret: another verifier does not take what this one remembers', () => {
    const token = tokenFor('u-1');
    new AccessTokenVerifier(secret).verify(token);
    expect(() => new AccessTokenVerifier('t'.repeat(32)).verify(token)).toThrow(/invalid signature/);
  });

  it('forgets the token used longest ago once full', () => {
    const verifier = new AccessTokenVerifier(secret, 2);
    const [a, b, c] = ['a', 'b', 'c'].map((sub) => tokenFor(sub));
    const first = { a: verifier.verify(a), b: verifier.verify(b) };
    verifier.verify(a);
    verifier.verify(c);
    expect(verifier.size).toBe(2);
    expect(verifier.verify(a)).toBe(first.a);
    // b was forgotten: checked again, a new object.
    const again = verifier.verify(b);
    expect(again).not.toBe(first.b);
    expect(again).toEqual(first.b);
  });

  it('never remembers a token longer than any real one', () => {
    const verifier = new AccessTokenVerifier(secret);
    const long = signAccessToken({ ...claims, name: 'n'.repeat(MAX_REMEMBERED_TOKEN_LENGTH) }, secret);
    expect(verifier.verify(long).sub).toBe('u-1');
    expect(verifier.size).toBe(0);
  });

  it('hands out a frozen answer; the actor made from it is the caller’s own', () => {
    const verifier = new AccessTokenVerifier(secret);
    const verified = verifier.verify(tokenFor('u-1'));
    expect(Object.isFrozen(verified) && Object.isFrozen(verified.roles)).toBe(true);
    const actor = actorOf(verified);
    actor.roles.push('admin');
    expect(verifier.verify(tokenFor('u-1')).roles).toEqual(['unit_head']);
  });
});
