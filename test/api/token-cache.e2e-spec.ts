import jwt from 'jsonwebtoken';
import { http } from '../support/api.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The guard remembers the tokens it accepted (libs/auth, access-token-verifier.ts). Seen from outside, nothing
 * may change: a token is refused from the second its exp is reached, and a copy of a remembered token with a
 * byte changed is refused like any bad token. The route read is GET /api/units, open to every role.
 */
describe('bearer tokens, once remembered by the API', () => {
  const t = useTestApp('sqlite');
  const units = (token: string) => http(t).get('/api/units').set('Authorization', `Bearer ${token}`);

  it('refuses a token that the API accepted a moment ago, once its exp is reached', async () => {
    // A whole second of life at least, whatever the millisecond this runs at.
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = jwt.sign({ name: 'Short-lived', roles: ['council'], unitId: null, exp }, t.config.jwtSecret, { algorithm: 'HS256', subject: 'short-lived' });
    for (let i = 0; i < 3; i++) expect((await units(token)).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 20));
    const refused = await units(token);
    expect({ status: refused.status, code: refused.body.code, message: refused.body.message }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'Invalid token: jwt expired',
    });
  }, 10_000);

  it('refuses a tampered copy of a remembered token, whichever part was changed', async () => {
    const token = t.token('council');
    expect((await units(token)).status).toBe(200);
    const [header, payload, signature] = token.split('.');
    const claims = jwt.decode(token) as Record<string, unknown>;
    const asAdmin = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    const flip = (text: string) => text.slice(0, 10) + (text[10] === 'A' ? 'B' : 'A') + text.slice(11);
    const copies = [`${header}.${asAdmin}.${signature}`, `${header}.${payload}.${flip(signature)}`, `${flip(header)}.${payload}.${signature}`, `${token}x`];
    for (const copy of copies) {
      const response = await units(copy);
      expect({ copy, status: response.status, code: response.body.code }).toEqual({ copy, status: 401, code: 'UNAUTHENTICATED' });
    }
    // And the genuine token is still good.
    expect((await units(token)).status).toBe(200);
  });

  it('still refuses a remembered token where its roles do not reach', async () => {
    const auditor = t.token('auditor');
    expect((await units(auditor)).status).toBe(200);
    const write = await http(t).post('/api/units').set('Authorization', `Bearer ${auditor}`).send({ code: 'AUD-1', name: 'Không được tạo' });
    expect({ status: write.status, code: write.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });
});
