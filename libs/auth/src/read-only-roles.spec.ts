import { refusesWrite } from './read-only-roles.js';

describe('refusesWrite', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('refuses %s to a token holding auditor, even beside admin', (method) => {
    expect(refusesWrite(method, ['auditor'])).toBe(true);
    expect(refusesWrite(method, ['admin', 'auditor'])).toBe(true);
  });

  it.each(['GET', 'HEAD', 'OPTIONS'])('lets an auditor %s', (method) => {
    expect(refusesWrite(method, ['auditor'])).toBe(false);
  });

  it('leaves every other role to the route rules', () => {
    expect(refusesWrite('POST', ['admin'])).toBe(false);
    expect(refusesWrite('DELETE', ['drafter', 'unit_head'])).toBe(false);
  });
});
