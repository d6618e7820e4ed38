import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppConfig, DatabaseConfig } from './app-config.js';
import { parseAuditConfig, withDevelopmentSigningKey } from './audit-config.js';
import { ConfigError } from './config-error.js';
import { parseDocumentConfig } from './document-config.js';
import { parseNoticeConfig } from './notice-config.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/app.sqlite';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const DEV_SECRET_FILE = './data/jwt-secret';

type Env = Record<string, string | undefined>;

function parseDatabaseUrl(raw: string, problems: string[]): DatabaseConfig | undefined {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) problems.push(`DATABASE_URL "${raw}" names no file: use sqlite:./data/app.sqlite`);
    return { kind: 'sqlite', path, url: raw };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      const url = new URL(raw);
      if (!url.hostname) throw new Error('no host');
      return { kind: 'postgres', url: raw };
    } catch {
      problems.push(`DATABASE_URL "${raw}" is not a valid URL: use postgres://user:password@host:5432/database`);
      return undefined;
    }
  }
  problems.push(
    `DATABASE_URL "${raw}" is neither sqlite:<file> nor postgres://…: use sqlite:./data/app.sqlite or postgres://user@host:5432/db`,
  );
  return undefined;
}

function parsePort(raw: string | undefined, name: string, fallback: number, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    problems.push(`${name} "${raw}" is not a port number (0–65535)`);
    return fallback;
  }
  return value;
}

/** In development a secret is made once and kept under ./data, so that `npm run token` and the server agree. */
function developmentSecret(): string {
  const file = resolve(DEV_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export interface LoadConfigOptions {
  /** Make the development signing key file when there is none (default true); false only reads an existing one. */
  createSigningKey?: boolean;
}

/** Reads and checks the whole environment once, reporting every problem together. */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV "${env.NODE_ENV}" must be development, test or production`);
  }
  const port = parsePort(env.PORT, 'PORT', 3000, problems);
  const database = parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL, problems);

  const redisUrl = env.REDIS_URL || DEFAULT_REDIS_URL;
  try {
    const url = new URL(redisUrl);
    if (!['redis:', 'rediss:'].includes(url.protocol)) throw new Error('scheme');
  } catch {
    problems.push(`REDIS_URL "${redisUrl}" is not a redis:// URL: use redis://127.0.0.1:6379`);
  }

  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters long');
  if (!jwtSecret && nodeEnv === 'production') problems.push('JWT_SECRET is required when NODE_ENV=production (32+ characters)');

  const migrationsRun = (env.MIGRATIONS_RUN ?? 'true').toLowerCase();
  if (!['true', 'false'].includes(migrationsRun)) problems.push(`MIGRATIONS_RUN "${env.MIGRATIONS_RUN}" must be true or false`);

  const queuePrefix = env.QUEUE_PREFIX || 'khen-thuong';
  if (!/^[A-Za-z0-9_.-]+$/.test(queuePrefix)) problems.push(`QUEUE_PREFIX "${queuePrefix}" may only hold letters, digits, _ . -`);

  const outboxPollMs = Number(env.OUTBOX_POLL_MS ?? 250);
  if (!Number.isInteger(outboxPollMs) || outboxPollMs < 10) problems.push('OUTBOX_POLL_MS must be a whole number of ms, 10 or more');

  const whole = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < min) problems.push(`${name} "${raw}" must be a whole number, ${min} or more`);
    return value;
  };
  const timers = {
    dx4ReminderDays: whole('REMINDER_DX4_DAYS', 3, 0),
    th5ReminderWorkingDays: whole('REMINDER_TH5_WORKING_DAYS', 5, 0),
    escalationWorkingDays: whole('ESCALATION_WORKING_DAYS', 2, 0),
  };
  const reconcileEveryMs = whole('RECONCILE_EVERY_MS', 60_000, 1_000);
  // A console holds one stream per open tab; a few tabs are normal, hundreds from one token are not.
  const maxEventStreamsPerUser = whole('MAX_EVENT_STREAMS_PER_USER', 5, 1);

  const notices = parseNoticeConfig(env, problems);
  const audit = parseAuditConfig(env, nodeEnv, problems);
  const documents = parseDocumentConfig(env, database ?? null, problems);
  const devSignIn = parseDevSignIn(env.DEV_SIGN_IN, nodeEnv, !!env.JWT_SECRET, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  if (!jwtSecret) jwtSecret = developmentSecret();

  return {
    nodeEnv,
    port,
    database: database!,
    redisUrl,
    queuePrefix,
    jwtSecret,
    migrationsRun: migrationsRun === 'true',
    outboxPollMs,
    notices,
    timers,
    reconcileEveryMs,
    audit: withDevelopmentSigningKey(audit, database!, { create: options.createSigningKey }),
    devSignIn,
    documents,
    maxEventStreamsPerUser,
  };
}

/**
 * Whether the console may offer password-less demo sign-in. It hands out tokens for any role, so it is never
 * on in production, and by default only where the deployment is plainly not real: tests, and development
 * with the generated secret. A host that sets its own JWT_SECRET but forgot NODE_ENV=production stays shut.
 */
export function parseDevSignIn(raw: string | undefined, nodeEnv: string, secretFromEnv: boolean, problems: string[]): boolean {
  if (raw !== undefined && raw !== '' && !['true', 'false'].includes(raw.toLowerCase())) {
    problems.push(`DEV_SIGN_IN "${raw}" must be true or false`);
    return false;
  }
  const asked = raw === undefined || raw === '' ? undefined : raw.toLowerCase() === 'true';
  if (nodeEnv === 'production') {
    if (asked) problems.push('DEV_SIGN_IN=true is refused when NODE_ENV=production: it hands out tokens without a password');
    return false;
  }
  return asked ?? (nodeEnv === 'test' || !secretFromEnv);
}
