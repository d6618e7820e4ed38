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
}
