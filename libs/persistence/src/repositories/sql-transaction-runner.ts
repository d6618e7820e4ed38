import type { DataSource, QueryRunner } from 'typeorm';
import { AsyncMutex } from '../async-mutex.js';
import { SqlDialect } from '../sql-dialect.js';

/** A minimal handle on one connection: parameterised SQL written with `?`, whatever the database. */
export class SqlSession {
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

/**
 * Runs work in one transaction on its own connection. On SQLite there is only one connection, so write
 * transactions queue on a process-wide lock instead of interleaving.
 */
export class SqlTransactionRunner {
  readonly dialect: SqlDialect;
  private readonly sqliteLock = new AsyncMutex();

  constructor(private readonly dataSource: DataSource) {
    this.dialect = SqlDialect.of(dataSource);
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const attempt = async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        try {
          const result = await work(new SqlSession(runner, this.dialect));
          await runner.commitTransaction();
          return result;
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      } finally {
        // SQLite's runner is shared by the whole DataSource; releasing it would close nothing useful.
        if (this.dialect.kind === 'postgres') await runner.release();
      }
    };
    return this.dialect.kind === 'sqlite' ? this.sqliteLock.run(attempt) : attempt();
  }

  /**
   * Reads outside a transaction. On SQLite they queue on the same lock: on the one shared connection a read
   * made during someone's open transaction would see rows that may still be rolled back.
   */
  async read<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const attempt = async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        return await work(new SqlSession(runner, this.dialect));
      } finally {
        if (this.dialect.kind === 'postgres') await runner.release();
      }
    };
    return this.dialect.kind === 'sqlite' ? this.sqliteLock.run(attempt) : attempt();
  }
}
