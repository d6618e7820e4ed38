import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './config-error.js';

/** Signed checkpoints of the event log. */
export interface AuditConfig {
  /**
   * The Ed25519 private key checkpoints are signed with, PKCS#8 PEM with real newlines. Null only outside
   * production, when no key was set and the development key file could not be made: then nothing can be signed.
   */
  signingKeyPem: string | null;
  /** `env`: AUDIT_SIGNING_KEY; `file`: the development key file next to the database; `none`: no key. */
  signingKeySource: 'env' | 'file' | 'none';
  /** How often a checkpoint is made, ms. */
  checkpointEveryMs: number;
  /**
   * Public keys (SPKI PEM) of earlier signing keys: checkpoints they signed still verify after the signing key
   * is rotated. The current key is always trusted.
   */
  trustedPublicKeysPem: string[];
}

type Env = Record<string, string | undefined>;
/** The part of DatabaseConfig the key file's place depends on (app-config.ts imports this file). */
type DatabaseLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres' };

export const DEFAULT_CHECKPOINT_EVERY_MS = 86_400_000;
const MIN_CHECKPOINT_EVERY_MS = 60_000;
export const DEVELOPMENT_SIGNING_KEY_FILE = 'audit-signing-key.pem';
const GENERATE = 'openssl genpkey -algorithm ed25519';

/** Environment files and secret stores often hold a PEM on one line, with `\n` written out. */
const unescapePem = (raw: string) => raw.replace(/\\r\\n|\\n/g, '\n').replace(/\r\n/g, '\n').trim();

/** The key re-encoded as PKCS#8 PEM when it is an Ed25519 private key, otherwise null. */
export function ed25519PrivateKeyPem(pem: string): string | null {
  try {
    const key = createPrivateKey({ key: unescapePem(pem), format: 'pem' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return key.export({ type: 'pkcs8', format: 'pem' }) as string;
  } catch {
    return null;
  }
}

/**
 * Reads AUDIT_SIGNING_KEY and AUDIT_CHECKPOINT_EVERY_MS, adding one line per problem. An unset key is left
 * for {@link withDevelopmentSigningKey}, which may touch the disk and so runs only once the rest is valid.
 */
export function parseAuditConfig(env: Env, nodeEnv: string, problems: string[]): AuditConfig {
  const raw = env.AUDIT_SIGNING_KEY?.trim() ?? '';
  let signingKeyPem: string | null = null;
  if (raw) {
    signingKeyPem = ed25519PrivateKeyPem(raw);
    if (!signingKeyPem) {
      problems.push(
        'AUDIT_SIGNING_KEY is not an Ed25519 private key in PKCS#8 PEM: ' +
          `set it to the output of ${GENERATE} (newlines may be written as \\n)`,
      );
    }
  } else if (nodeEnv === 'production') {
    problems.push(
      `AUDIT_SIGNING_KEY is required when NODE_ENV=production: set AUDIT_SIGNING_KEY to an Ed25519 private key (${GENERATE})`,
    );
  }

  const rawEvery = env.AUDIT_CHECKPOINT_EVERY_MS;
  const checkpointEveryMs = rawEvery === undefined || rawEvery.trim() === '' ? DEFAULT_CHECKPOINT_EVERY_MS : Number(rawEvery);
  if (!Number.isInteger(checkpointEveryMs) || checkpointEveryMs < MIN_CHECKPOINT_EVERY_MS) {
    problems.push(
      `AUDIT_CHECKPOINT_EVERY_MS "${rawEvery}" must be a whole number of ms, ${MIN_CHECKPOINT_EVERY_MS} or more ` +
        `(default ${DEFAULT_CHECKPOINT_EVERY_MS}, daily)`,
    );
  }

  const trustedPublicKeysPem = parseTrustedKeys(env.AUDIT_TRUSTED_PUBLIC_KEYS ?? '', problems);
  return { signingKeyPem, signingKeySource: signingKeyPem ? 'env' : 'none', checkpointEveryMs, trustedPublicKeysPem };
}

/** AUDIT_TRUSTED_PUBLIC_KEYS: Ed25519 public keys in PEM, one after another; each is checked here. */
function parseTrustedKeys(raw: string, problems: string[]): string[] {
  const text = unescapePem(raw);
  if (!text) return [];
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
  if (blocks.length === 0) {
    problems.push('AUDIT_TRUSTED_PUBLIC_KEYS holds no PEM public key: list the earlier keys as "-----BEGIN PUBLIC KEY-----" blocks');
    return [];
  }
  const keys: string[] = [];
  blocks.forEach((block, index) => {
    try {
      const key = createPublicKey(block);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an ${key.asymmetricKeyType} key`);
      keys.push(key.export({ type: 'spki', format: 'pem' }) as string);
    } catch (error) {
      problems.push(`AUDIT_TRUSTED_PUBLIC_KEYS key ${index + 1} is not an Ed25519 public key (${(error as Error).message})`);
    }
  });
  return keys;
}

/**
 * Next to the SQLite file, so that every process opening that database (API, workers, the CLI) signs with one
 * key, and a fresh test database gets a fresh key; ./data for PostgreSQL and in-memory databases.
 */
export function developmentSigningKeyFile(database: DatabaseLocation): string {
  const dir = database.kind === 'sqlite' && database.path !== ':memory:' ? dirname(resolve(database.path)) : resolve('./data');
  return join(dir, DEVELOPMENT_SIGNING_KEY_FILE);
}

/**
 * Made once with mode 0600 and then reused. It is written to a private temporary name and hard-linked into
 * place, which fails if the file exists: two processes starting together end up with the same key, never with
 * one reading the other's half-written file.
 */
function readOrCreateKeyFile(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const staging = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(staging, privateKey, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(staging, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      try {
        unlinkSync(staging);
      } catch {
        // A stray temporary file is harmless; the key is in place.
      }
    }
  }
  return readFileSync(file, 'utf8');
}

/**
 * Outside production an unset key defaults to a key file (see {@link developmentSigningKeyFile}). A folder
 * that cannot be written leaves no key rather than stopping start-up, as signing is the checkpoint job's
 * concern alone; a file that holds something else is a problem, since someone put it there.
 */
export function withDevelopmentSigningKey(audit: AuditConfig, database: DatabaseLocation, options: { create?: boolean } = {}): AuditConfig {
  if (audit.signingKeySource === 'env') return audit;
  const file = developmentSigningKeyFile(database);
  // A process that only reads (the audit CLI's verify, on a copy of the database) must not leave a key of its
  // own beside the copy, to be trusted by the next process that opens it.
  if (options.create === false && !existsSync(file)) return { ...audit, signingKeyPem: null, signingKeySource: 'none' };
  let stored: string;
  try {
    stored = readOrCreateKeyFile(file);
  } catch {
    return { ...audit, signingKeyPem: null, signingKeySource: 'none' };
  }
  const signingKeyPem = ed25519PrivateKeyPem(stored);
  if (!signingKeyPem) {
    throw new ConfigError([
      `${file} holds no Ed25519 private key: delete it to have a new one made, or set AUDIT_SIGNING_KEY (${GENERATE})`,
    ]);
  }
  return { ...audit, signingKeyPem, signingKeySource: 'file' };
}
