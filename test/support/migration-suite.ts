import type { DataSource } from 'typeorm';
import { probePostgres } from './postgres.js';
import { openScratchDataSource, type ScratchDataSource } from './scratch-data-source.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** What a migration spec works with: a scratch database migrated to the newest schema, of one kind. */
export interface MigrationDatabase {
  readonly kind: DatabaseKind;
  readonly dataSource: DataSource;
  /** SQL with `?` placeholders on both kinds (numbered for PostgreSQL). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The `name` column of a query of each kind, sorted: tables, columns, indexes. */
  names(sql: Record<DatabaseKind, string>): Promise<string[]>;
  /** Every table's name, sorted. */
  tables(): Promise<string[]>;
  /** The column names of `table`, sorted. */
  columns(table: string): Promise<string[]>;
  /** Undoes the migrations listed after this one first, so that a later one does not change what the spec sees, then this one. */
  undoThisMigration(): Promise<void>;
  /** Runs every pending migration, this one among them. */
  runMigrations(): Promise<void>;
}

/**
 * One migration's spec on SQLite and on PostgreSQL (skipped, saying why, where no server answers): each gets a
 * fresh scratch database, migrated to the newest schema, or with `startBefore` to just before this migration.
 * `migration` is the migration's class name (PeopleRegistry1765300000000); the suites are named without the
 * timestamp. Awaited at the top of the spec, before Jest collects its tests.
 */
export async function describeMigration(
  migration: string,
  options: { tag: string; startBefore?: boolean },
  body: (db: MigrationDatabase) => void,
): Promise<void> {
  const postgres = await probePostgres();
  const title = `migration ${migration.replace(/\d+$/, '')}`;

  const suite = (kind: DatabaseKind) => () => {
    let opened: ScratchDataSource | undefined;
    const dataSource = () => {
      if (!opened) throw new Error(`${title} [${kind}]: the database is opened in beforeAll`);
      return opened.dataSource;
    };
    const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
      let n = 0;
      return dataSource().query(kind === 'postgres' ? sql.replace(/\?/g, () => `$${++n}`) : sql, params) as Promise<T[]>;
    };
    const names = async (sql: Record<DatabaseKind, string>) => (await query<{ name: string }>(sql[kind])).map((row) => row.name).sort();
    const db: MigrationDatabase = {
      kind,
      get dataSource() {
        return dataSource();
      },
      query,
      names,
      tables: () =>
        names({
          postgres: 'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()',
          sqlite: "SELECT name FROM sqlite_schema WHERE type = 'table'",
        }),
      columns: (table) =>
        names({
          postgres: `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table}'`,
          sqlite: `SELECT name FROM pragma_table_info('${table}')`,
        }),
      undoThisMigration: async () => {
        const last = async () => (await query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1'))[0]?.name;
        while ((await last()) !== migration) await dataSource().undoLastMigration({ transaction: 'each' });
        await dataSource().undoLastMigration({ transaction: 'each' });
      },
      runMigrations: async () => {
        await dataSource().runMigrations({ transaction: 'each' });
      },
    };

    beforeAll(async () => {
      opened = await openScratchDataSource(kind, options.tag, postgres);
      if (options.startBefore) await db.undoThisMigration();
    }, 30_000);

    afterAll(async () => {
      await opened?.close();
    }, 30_000);

    body(db);
  };

  describe(`${title} [sqlite]`, suite('sqlite'));
  if (postgres.available) describe(`${title} [postgres]`, suite('postgres'));
  else describe.skip(`${title} [postgres] (skipped: ${postgres.reason})`, suite('postgres'));
}
