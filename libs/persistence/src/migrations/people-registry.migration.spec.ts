import type { DataSource } from 'typeorm';
import { probePostgres } from '../../../../test/support/postgres.js';
import { openScratchDataSource, type ScratchDataSource } from '../../../../test/support/scratch-data-source.js';

const POSTGRES = await probePostgres();

type Kind = 'sqlite' | 'postgres';
const TABLES = ['people', 'person_proposals', 'person_restrictions'];

function describeMigration(kind: Kind) {
  let opened: ScratchDataSource | undefined;
  let dataSource: DataSource;

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    let n = 0;
    return dataSource.query(kind === 'postgres' ? sql.replace(/\?/g, () => `$${++n}`) : sql, params) as Promise<T[]>;
  };
  const tables = async () =>
    (kind === 'postgres'
      ? await query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND (tablename LIKE 'person%' OR tablename = 'people')")
      : await query<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND (name LIKE 'person%' OR name = 'people')")
    )
      .map((row) => row.name)
      .sort();

  /** Undoes the migrations listed after this one first, then this one. */
  const undoThisMigration = async () => {
    const last = async () => (await query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1'))[0]?.name;
    while ((await last()) !== 'PeopleRegistry1765300000000') await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.undoLastMigration({ transaction: 'each' });
  };

  beforeAll(async () => {
    opened = await openScratchDataSource(kind, 'people-migration', POSTGRES);
    dataSource = opened.dataSource;
  }, 30_000);

  afterAll(async () => {
    await opened?.close();
  }, 30_000);

  it('up: the registry tables exist and take a person, a link and a matter', async () => {
    expect(await tables()).toEqual(TABLES);
    await query(
      "INSERT INTO people (id, type, name, name_key, birth_year, gender, title, workplace, unit_id, created_by, created_at) VALUES ('p1', 'individual', 'Nguyễn Văn An', 'nguyen van an', 1985, 'male', NULL, NULL, NULL, '{}', '2026-05-04T02:00:00.000Z')",
    );
    await query("INSERT INTO person_proposals (proposal_id, person_id, linked_at) VALUES ('x1', 'p1', '2026-05-04T02:00:00.000Z')");
    await query(
      "INSERT INTO person_restrictions (id, person_id, kind, from_date, document, recorded_by, recorded_at) VALUES ('r1', 'p1', 'complaint', '2026-05-01', '{}', '{}', '2026-05-04T02:00:00.000Z')",
    );
    expect(await query<{ name: string }>("SELECT name FROM people WHERE name_key LIKE '%van an%'")).toEqual([{ name: 'Nguyễn Văn An' }]);
  });

  it('down: drops the three tables; up makes them again', async () => {
    await undoThisMigration();
    expect(await tables()).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(TABLES);
  });
}

describe('migration PeopleRegistry [sqlite]', () => describeMigration('sqlite'));
if (POSTGRES.available) {
  describe('migration PeopleRegistry [postgres]', () => describeMigration('postgres'));
} else {
  describe.skip(`migration PeopleRegistry [postgres] (skipped: ${POSTGRES.reason})`, () => describeMigration('postgres'));
}
