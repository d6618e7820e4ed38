import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { developmentSigningKeyFile } from './audit-config.js';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const secret = 'x'.repeat(32);
const pem = (type: 'ed25519' | 'ed448' | 'rsa'): string => {
  const privateKeyEncoding = { type: 'pkcs8', format: 'pem' } as const;
  const publicKeyEncoding = { type: 'spki', format: 'pem' } as const;
  if (type === 'rsa') return generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding, publicKeyEncoding }).privateKey;
  return generateKeyPairSync(type as 'ed25519', { privateKeyEncoding, publicKeyEncoding }).privateKey;
};

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

const signsAndVerifies = (privateKeyPem: string) => {
  const data = Buffer.from('checkpoint');
  return verify(null, data, createPublicKey(privateKeyPem), sign(null, data, privateKeyPem));
};

describe('audit configuration', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kt-audit-config-'));
    env = { JWT_SECRET: secret, DATABASE_URL: `sqlite:${join(dir, 'app.sqlite')}` };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes AUDIT_SIGNING_KEY as PEM, with real newlines or with \\n written out', () => {
    const key = pem('ed25519');
    const multiline = loadConfig({ ...env, AUDIT_SIGNING_KEY: key }).audit;
    const oneLine = loadConfig({ ...env, AUDIT_SIGNING_KEY: key.trim().replace(/\n/g, '\\n') }).audit;

    expect(multiline).toEqual({ signingKeyPem: key, signingKeySource: 'env', checkpointEveryMs: 86_400_000, trustedPublicKeysPem: [] });
    expect(oneLine).toEqual(multiline);
    expect(existsSync(join(dir, 'audit-signing-key.pem'))).toBe(false);
  });

  it.each([
    ['text', 'not a key'],
    ['an RSA key', pem('rsa')],
    ['an Ed448 key', pem('ed448')],
    ['an Ed25519 public key', createPublicKey(pem('ed25519')).export({ type: 'spki', format: 'pem' }) as string],
  ])('reports %s as AUDIT_SIGNING_KEY, saying how to make one', (_label, value) => {
    const problems = problemsOf({ ...env, AUDIT_SIGNING_KEY: value });
    expect(problems).toEqual([
      expect.stringMatching(/^AUDIT_SIGNING_KEY is not an Ed25519 private key.*openssl genpkey -algorithm ed25519/),
    ]);
  });

  it('trusts earlier signing keys listed in AUDIT_TRUSTED_PUBLIC_KEYS, each checked', () => {
    const publicPem = () => createPublicKey(pem('ed25519')).export({ type: 'spki', format: 'pem' }) as string;
    const [first, second] = [publicPem(), publicPem()];
    expect(loadConfig({ ...env, AUDIT_TRUSTED_PUBLIC_KEYS: `${first}\n${second}` }).audit.trustedPublicKeysPem).toEqual([first, second]);
    expect(loadConfig({ ...env, AUDIT_TRUSTED_PUBLIC_KEYS: (first + second).replace(/\n/g, '\\n') }).audit.trustedPublicKeysPem).toEqual([first, second]);

    const rsaPublic = createPublicKey(pem('rsa')).export({ type: 'spki', format: 'pem' }) as string;
    expect(problemsOf({ ...env, AUDIT_TRUSTED_PUBLIC_KEYS: `${first}${rsaPublic}` })).toEqual([
      expect.stringMatching(/^AUDIT_TRUSTED_PUBLIC_KEYS key 2 is not an Ed25519 public key/),
    ]);
    expect(problemsOf({ ...env, AUDIT_TRUSTED_PUBLIC_KEYS: 'nonsense' })).toEqual([expect.stringMatching(/holds no PEM public key/)]);
  });

  it('requires a key in production, one line among the other problems', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATABASE_URL: env.DATABASE_URL, AUDIT_CHECKPOINT_EVERY_MS: '1000' });
    expect(problems).toEqual([
      expect.stringMatching(/JWT_SECRET is required/),
      expect.stringMatching(/set AUDIT_SIGNING_KEY to an Ed25519 private key \(openssl genpkey -algorithm ed25519\)/),
      expect.stringMatching(/AUDIT_CHECKPOINT_EVERY_MS "1000" must be a whole number of ms, 60000 or more/),
    ]);
    expect(existsSync(join(dir, 'audit-signing-key.pem'))).toBe(false);
  });

  it('outside production makes a key file next to the SQLite database once, readable by its owner only', () => {
    const first = loadConfig(env).audit;
    const file = join(dir, 'audit-signing-key.pem');

    expect(first.signingKeySource).toBe('file');
    expect(first.signingKeyPem).toBe(readFileSync(file, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(signsAndVerifies(first.signingKeyPem!)).toBe(true);
    expect(loadConfig({ ...env, NODE_ENV: 'test' }).audit).toEqual(first);
  });

  it('asked not to make one (a reader, as the audit CLI verifying a copy), reads an existing key file and makes none', () => {
    const none = loadConfig(env, { createSigningKey: false }).audit;
    expect(none).toMatchObject({ signingKeyPem: null, signingKeySource: 'none' });
    expect(existsSync(join(dir, 'audit-signing-key.pem'))).toBe(false);
    const made = loadConfig(env).audit;
    expect(loadConfig(env, { createSigningKey: false }).audit).toEqual(made);
  });

  it('keeps the development key for PostgreSQL and in-memory databases under ./data', () => {
    const expected = resolve('./data/audit-signing-key.pem');
    expect(developmentSigningKeyFile({ kind: 'postgres' })).toBe(expected);
    expect(developmentSigningKeyFile({ kind: 'sqlite', path: ':memory:' })).toBe(expected);
    expect(developmentSigningKeyFile({ kind: 'sqlite', path: './var/x.sqlite' })).toBe(
      resolve('./var/audit-signing-key.pem'),
    );
  });

  it('refuses a development key file that holds something else', () => {
    writeFileSync(join(dir, 'audit-signing-key.pem'), 'garbage');
    expect(() => loadConfig(env)).toThrow(/audit-signing-key\.pem holds no Ed25519 private key: delete it.*or set AUDIT_SIGNING_KEY/);
  });

  it('leaves no key, rather than stopping, when the key file cannot be made', () => {
    // A regular file where the folder should be: mkdir fails even for root.
    writeFileSync(join(dir, 'not-a-folder'), '');
    const audit = loadConfig({ ...env, DATABASE_URL: `sqlite:${join(dir, 'not-a-folder', 'app.sqlite')}` }).audit;
    expect(audit).toEqual({ signingKeyPem: null, signingKeySource: 'none', checkpointEveryMs: 86_400_000, trustedPublicKeysPem: [] });
  });

  it.each([
    ['60000', 60_000],
    ['', 86_400_000],
  ])('reads AUDIT_CHECKPOINT_EVERY_MS "%s"', (value, expected) => {
    expect(loadConfig({ ...env, AUDIT_CHECKPOINT_EVERY_MS: value }).audit.checkpointEveryMs).toBe(expected);
  });

  it.each(['59999', '1.5', 'daily'])('refuses AUDIT_CHECKPOINT_EVERY_MS "%s"', (value) => {
    expect(problemsOf({ ...env, AUDIT_CHECKPOINT_EVERY_MS: value })).toEqual([
      expect.stringMatching(new RegExp(`^AUDIT_CHECKPOINT_EVERY_MS "${value}" must be a whole number of ms, 60000 or more`)),
    ]);
  });
});
