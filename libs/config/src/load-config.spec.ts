import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const secret = 'x'.repeat(32);

describe('loadConfig', () => {
  it('runs on the embedded defaults', () => {
    const config = loadConfig({ JWT_SECRET: secret });
    expect(config.database).toEqual({ kind: 'sqlite', path: './data/app.sqlite', url: 'sqlite:./data/app.sqlite' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.migrationsRun).toBe(true);
  });

  it('accepts a PostgreSQL URL', () => {
    expect(loadConfig({ JWT_SECRET: secret, DATABASE_URL: 'postgres://root@127.0.0.1:5432/test' }).database.kind).toBe('postgres');
  });

  it('reports every bad value at once, each saying what to use instead', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', REDIS_URL: 'http://nope', PORT: 'eighty', NODE_ENV: 'production' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/DATABASE_URL "mysql:\/\/x".*use sqlite:/);
    expect(problems.join('\n')).toMatch(/REDIS_URL/);
    expect(problems.join('\n')).toMatch(/PORT "eighty"/);
    expect(problems.join('\n')).toMatch(/JWT_SECRET is required/);
    expect(problems.join('\n')).toMatch(/AUDIT_SIGNING_KEY is required/);
  });

  it('refuses a short secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32/);
  });
});
