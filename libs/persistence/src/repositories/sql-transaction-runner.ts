import type { DataSource, QueryRunner } from 'typeorm';
import { AsyncMutex } from '../async-mutex.js';
import { SqlDialect } from '../sql-dialect.js';

/** A minimal handle on one connection: parameterised SQL written with `?`, whatever the database. */
export interface SqlSession {
  readonly dialect: SqlDialect;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
}

/** PostgreSQL: through TypeORM's query runner (one pooled connection per transaction). */
class QueryRunnerSession implements SqlSession {
  constructor(
    private readonly runner: QueryRunner,
    readonly dialect: SqlDialect,
  ) {}

  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.runner.query(this.dialect.sql(sql), params)) as T[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    const result = await this.runner.query(this.dialect.sql(sql), params, true);
    return result.affected ?? 0;
  }
}

interface SqliteStatement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
}

/**
 * SQLite: straight to better-sqlite3's prepared statements, cached by text. TypeORM's query runner wraps
 * every synchronous call in a promise and its event broadcasting, which on the command path cost more than
 * the SQL itself; this layer has no entities to gain from it.
 */
class SqliteSession implements SqlSession {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly statements: Map<string, SqliteStatement>,
    readonly dialect: SqlDialect,
  ) {}

  private statement(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.statement(sql).all(...params.map(toSqlite)) as T[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    const statement = this.statement(sql);
    if (statement.reader) return statement.all(...params.map(toSqlite)).length;
    return statement.run(...params.map(toSqlite)).changes;
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
const toSqlite = (value: unknown) => (value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value);

/**
 * Runs work in one transaction on its own connection. On SQLite there is only one connection, so write
 * transactions queue on a process-wide lock instead of interleaving.
 */
export class SqlTransactionRunner {
  readonly dialect: SqlDialect;
  private readonly sqliteLock = new AsyncMutex();

  private readonly statements = new Map<string, SqliteStatement>();

  constructor(private readonly dataSource: DataSource) {
    this.dialect = SqlDialect.of(dataSource);
  }

  private sqlite(): SqliteSession {
    const db = (this.dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
    return new SqliteSession(db, this.statements, this.dialect);
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    if (this.dialect.kind === 'sqlite') {
      return this.sqliteLock.run(async () => {
        const session = this.sqlite();
        await session.run('BEGIN IMMEDIATE');
        try {
          const result = await work(session);
          await session.run('COMMIT');
          return result;
        } catch (error) {
          await session.run('ROLLBACK');
          throw error;
        }
      });
    }
    const attempt = async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        try {
          const result = await work(new QueryRunnerSession(runner, this.dialect));
          await runner.commitTransaction();
          return result;
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      } finally {
        await runner.release();
      }
    };
    return attempt();
  }

  /**
   * Reads outside a transaction. On SQLite they queue on the same lock: on the one shared connection a read
   * made during someone's open transaction would see rows that may still be rolled back.
   */
  async read<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    if (this.dialect.kind === 'sqlite') return this.sqliteLock.run(() => work(this.sqlite()));
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(new QueryRunnerSession(runner, this.dialect));
    } finally {
      await runner.release();
    }
  }
}
