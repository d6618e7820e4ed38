import type { AuditConfig } from './audit-config.js';
import type { DocumentConfig } from './document-config.js';
import type { NoticeConfig } from './notice-config.js';

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string; url: string }
  | { kind: 'postgres'; url: string };

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  database: DatabaseConfig;
  redisUrl: string;
  /** Prefix of every BullMQ key, so that several deployments (or test runs) can share one Redis. */
  queuePrefix: string;
  jwtSecret: string;
  /** Migrations run at start-up unless turned off (an operator may prefer to run them as a release step). */
  migrationsRun: boolean;
  /** How often the worker's outbox relay looks for committed messages, ms. */
  outboxPollMs: number;
  /** Deadline timers (DX-4 reminder in days; TH-5 reminder and escalation in working days). */
  timers: { dx4ReminderDays: number; th5ReminderWorkingDays: number; escalationWorkingDays: number };
  /** How often every open deadline is checked for missing timer jobs, ms. */
  reconcileEveryMs: number;
  /** Notices: SMTP e-mail when configured, addresses per audience, delivery backoff. */
  notices: NoticeConfig;
  /** Signed checkpoints of the event log: the Ed25519 key and how often. */
  audit: AuditConfig;
  /** The console's demo sign-in (GET /api/dev/demo-users, POST /api/dev/sign-in): never in production. */
  devSignIn: boolean;
  /** The dossier's documents: where they are kept, how large, and whether steps wait for them. */
  documents: DocumentConfig;
  /**
   * How many notification streams (server-sent events) one person, by the token's `sub`, may hold open at
   * once. Counted by each API process on its own: behind a balancer of N processes a person may hold up to N×.
   */
  maxEventStreamsPerUser: number;
}
