import { loadConfig } from '#config';
import type { Actor } from '#kernel';
import { audiencesFor, audiencesOf, inboxDeliveryKey, NOTICE_ROLES } from './audiences.policy.js';
import { EmailDirectory } from './email-directory.js';

const UNIT = 'unit-1';
const roles = (event: Parameters<typeof audiencesFor>[0]) => audiencesFor(event, UNIT).map((a) => `${a.role}:${a.unitId ?? '-'}`);

describe('who a notice is for', () => {
  it('a reminder: the unit’s drafters and unit heads only', () => {
    expect(roles('DEADLINE_REMINDER')).toEqual([`drafter:${UNIT}`, `unit_head:${UNIT}`]);
  });

  it('a missed deadline: also the home-affairs department', () => {
    expect(roles('DEADLINE_MISSED')).toEqual([`drafter:${UNIT}`, `unit_head:${UNIT}`, 'home_affairs:-']);
  });

  it('an escalation: also the chairman’s office', () => {
    expect(roles('ESCALATE')).toEqual([`drafter:${UNIT}`, `unit_head:${UNIT}`, 'home_affairs:-', 'chairman:-', 'vice_chairman:-']);
  });

  it('a signed-in user belongs to the audiences of their roles, unit roles only with their unit', () => {
    const actor = (roles: Actor['roles'], unitId: string | null): Actor => ({ id: 'u', roles, unitId });
    expect(audiencesOf(actor(['unit_head'], UNIT))).toEqual([{ role: 'unit_head', unitId: UNIT }]);
    expect(audiencesOf(actor(['drafter'], null))).toEqual([]);
    expect(audiencesOf(actor(['chairman', 'auditor'], null))).toEqual([
      { role: 'chairman', unitId: null },
      { role: 'auditor', unitId: null },
    ]);
    expect(audiencesOf(actor(['system'], null))).toEqual([]);
  });

  it('inbox delivery keys differ per audience and per event', () => {
    const keys = ['p:3', 'p:4'].flatMap((notice) => audiencesFor('ESCALATE', UNIT).map((a) => inboxDeliveryKey(notice, a)));
    expect(new Set(keys).size).toBe(10);
    expect(keys[0]).toBe(`p:3:inbox:drafter:${UNIT}`);
  });

  it('configuration accepts an e-mail key for every role a notice is addressed to', () => {
    const emails = Object.fromEntries(NOTICE_ROLES.map((role) => [role === 'drafter' || role === 'unit_head' ? `${role}@SO-YTE` : role, ['a@x.vn']]));
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(32), SMTP_URL: 'smtp://127.0.0.1:2525', NOTICE_EMAILS: JSON.stringify(emails) })).not.toThrow();
  });
});

describe('EmailDirectory', () => {
  const directory = new EmailDirectory({
    home_affairs: ['vanthu@snv.vn'],
    chairman: ['vanphong@ubnd.vn'],
    vice_chairman: ['VanPhong@ubnd.vn', 'pct@ubnd.vn'],
    'unit_head@SO-YTE': ['gd@soyte.vn'],
    'drafter@SO-GDDT': ['cv@sogd.vn'],
  });

  it('finds the addresses of the audiences, unit roles by the unit’s code', () => {
    expect(directory.addressesFor(audiencesFor('DEADLINE_MISSED', UNIT), 'SO-YTE')).toEqual(['gd@soyte.vn', 'vanthu@snv.vn']);
    expect(directory.addressesFor(audiencesFor('DEADLINE_REMINDER', UNIT), 'SO-GDDT')).toEqual(['cv@sogd.vn']);
  });

  it('lists an address once however many audiences share it (case-insensitively)', () => {
    expect(directory.addressesFor(audiencesFor('ESCALATE', UNIT), 'OTHER')).toEqual(['vanthu@snv.vn', 'vanphong@ubnd.vn', 'pct@ubnd.vn']);
  });
});
