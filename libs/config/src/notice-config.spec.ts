import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const base = { JWT_SECRET: 'x'.repeat(32) };
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('notice configuration', () => {
  it('defaults: no e-mail, 5 s delivery backoff', () => {
    expect(loadConfig(base).notices).toEqual({
      smtpUrl: null,
      smtpFrom: 'Khen thưởng <no-reply@localhost>',
      emails: {},
      deliveryBackoffMs: 5000,
    });
  });

  it('reads SMTP_URL, SMTP_FROM, NOTICE_EMAILS and DELIVERY_BACKOFF_MS', () => {
    const notices = loadConfig({
      ...base,
      SMTP_URL: 'smtps://user:pw@mail.example.vn:465',
      SMTP_FROM: 'UBND tỉnh <thongbao@ubnd.example.vn>',
      NOTICE_EMAILS: '{"home_affairs":["a@x.vn"],"unit_head@SO-YTE":["b@x.vn","c@x.vn"]}',
      DELIVERY_BACKOFF_MS: '20',
    }).notices;
    expect(notices).toEqual({
      smtpUrl: 'smtps://user:pw@mail.example.vn:465',
      smtpFrom: 'UBND tỉnh <thongbao@ubnd.example.vn>',
      emails: { home_affairs: ['a@x.vn'], 'unit_head@SO-YTE': ['b@x.vn', 'c@x.vn'] },
      deliveryBackoffMs: 20,
    });
  });

  it('reports each bad value with what to use', () => {
    expect(problems({ SMTP_URL: 'http://mail' })).toEqual([expect.stringMatching(/^SMTP_URL is not an smtp:\/\/ or smtps:\/\/ URL/)]);
    expect(problems({ SMTP_URL: 'smtp://h', NOTICE_EMAILS: '{nope' })).toEqual([expect.stringMatching(/^NOTICE_EMAILS is not JSON/)]);
    expect(problems({ SMTP_URL: 'smtp://h', NOTICE_EMAILS: '["a@x.vn"]' })).toEqual([expect.stringMatching(/must be a JSON object/)]);
    expect(problems({ SMTP_URL: 'smtp://h', NOTICE_EMAILS: '{"council":["a@x.vn"],"drafter":["b@x.vn"]}' })).toEqual([
      expect.stringMatching(/key "council" names no audience/),
      expect.stringMatching(/key "drafter" names no audience/),
    ]);
    expect(problems({ SMTP_URL: 'smtp://h', NOTICE_EMAILS: '{"chairman":[]}' })).toEqual([expect.stringMatching(/"chairman" must be a non-empty list/)]);
    expect(problems({ SMTP_URL: 'smtp://h', NOTICE_EMAILS: '{"chairman":["not an address"]}' })).toEqual([
      expect.stringMatching(/not: \["not an address"\]/),
    ]);
    expect(problems({ NOTICE_EMAILS: '{"chairman":["a@x.vn"]}' })).toEqual([expect.stringMatching(/SMTP_URL is not/)]);
    expect(problems({ SMTP_FROM: 'nobody' })).toEqual([expect.stringMatching(/^SMTP_FROM "nobody"/)]);
    expect(problems({ DELIVERY_BACKOFF_MS: '0' })).toEqual([expect.stringMatching(/^DELIVERY_BACKOFF_MS "0" must be a whole number/)]);
    expect(problems({ DELIVERY_BACKOFF_MS: '1.5' })).toHaveLength(1);
  });
});
