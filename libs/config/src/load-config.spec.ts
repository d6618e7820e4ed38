import { ConfigError } from './config-error.js';
import { loadConfig, parseDevSignIn } from './load-config.js';

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

  describe('event streams per person (MAX_EVENT_STREAMS_PER_USER)', () => {
    it('allows five by default', () => {
      expect(loadConfig({ JWT_SECRET: secret }).maxEventStreamsPerUser).toBe(5);
      expect(loadConfig({ JWT_SECRET: secret, MAX_EVENT_STREAMS_PER_USER: '' }).maxEventStreamsPerUser).toBe(5);
    });

    it('takes another whole number, one or more', () => {
      expect(loadConfig({ JWT_SECRET: secret, MAX_EVENT_STREAMS_PER_USER: '2' }).maxEventStreamsPerUser).toBe(2);
    });

    it.each(['0', '-1', '2.5', 'many'])('refuses %s, naming the variable', (raw) => {
      expect(() => loadConfig({ JWT_SECRET: secret, MAX_EVENT_STREAMS_PER_USER: raw })).toThrow(
        new RegExp(`MAX_EVENT_STREAMS_PER_USER "${raw}" must be a whole number, 1 or more`),
      );
    });
  });

  it('refuses a short secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32/);
  });

  describe('demo sign-in (DEV_SIGN_IN)', () => {
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };

    it('is on for tests, and in development with the generated secret', () => {
      expect(loadConfig({ JWT_SECRET: secret, NODE_ENV: 'test' }).devSignIn).toBe(true);
      expect(parseDevSignIn(undefined, 'development', false, [])).toBe(true);
    });

    it('stays off where an operator set a secret of their own, unless asked for', () => {
      expect(loadConfig({ JWT_SECRET: secret }).devSignIn).toBe(false);
      expect(loadConfig({ JWT_SECRET: secret, DEV_SIGN_IN: 'true' }).devSignIn).toBe(true);
      expect(loadConfig({ JWT_SECRET: secret, NODE_ENV: 'test', DEV_SIGN_IN: 'false' }).devSignIn).toBe(false);
    });

    it('is never on in production, and asking for it there is a configuration error', () => {
      const problems: string[] = [];
      expect(parseDevSignIn(undefined, 'production', true, problems)).toBe(false);
      expect(problems).toEqual([]);
      expect(parseDevSignIn('true', 'production', true, problems)).toBe(false);
      expect(problems).toEqual([expect.stringMatching(/DEV_SIGN_IN=true is refused when NODE_ENV=production/)]);
    });

    it('takes only true or false', () => {
      expect(problemsOf({ JWT_SECRET: secret, DEV_SIGN_IN: 'yes' })).toEqual(['DEV_SIGN_IN "yes" must be true or false']);
    });
  });
});
