import type { DataSource } from 'typeorm';
import { probePostgres } from '../../../../test/support/postgres.js';
import { openScratchDataSource, type ScratchDataSource } from '../../../../test/support/scratch-data-source.js';

const POSTGRES = await probePostgres();

type Kind = 'sqlite' | 'postgres';
const THIS = 'UnitTypesAndHistory1765200000000';

function describeMigration(kind: Kind) {
  let opened: ScratchDataSource | undefined;
  let dataSource: DataSource;

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    let n = 0;
    return dataSource.query(kind === 'postgres' ? sql.replace(/\?/g, () => `$${++n}`) : sql, params) as Promise<T[]>;
  };
  const tables = async () =>
    (kind === 'postgres'
      ? await query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'")
      : await query<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
    ).map((row) => row.name);
  const unitColumns = async () =>
    (kind === 'postgres'
      ? await query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'units'")
      : await query<{ name: string }>("SELECT name FROM pragma_table_info('units')")
    )
      .map((row) => row.name)
      .sort();
  /** Undoes the migrations listed after this one first, then this one. */
  const undoThisMigration = async () => {
    const last = async () => (await query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1'))[0]?.name;
    while ((await last()) !== THIS) await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.undoLastMigration({ transaction: 'each' });
  };

  beforeAll(async () => {
    opened = await openScratchDataSource(kind, 'units-migration', POSTGRES);
    dataSource = opened.dataSource;
    await undoThisMigration();
  }, 30_000);

  afterAll(async () => {
    await opened?.close();
  }, 30_000);

  it('up: existing units get the type their name begins with, no cluster, no end; the history and cluster tables appear', async () => {
    expect(await unitColumns()).toEqual(['code', 'created_at', 'id', 'name']);
    const names = ['Sở Y tế', 'Xã Nghi Lộc', 'Phường Vinh Hưng', 'Đặc khu Cồn Cỏ', 'Huyện Nghi Lộc', 'Thị xã Cửa Lò', 'Ủy ban Mặt trận', 'Sởi'];
    for (const [i, name] of names.entries()) {
      await query('INSERT INTO units (id, code, name, created_at) VALUES (?, ?, ?, ?)', [`u${i}`, `U${i}`, name, '2026-01-01T00:00:00.000Z']);
    }
    await dataSource.runMigrations({ transaction: 'each' });

    expect(await unitColumns()).toEqual(['cluster_id', 'code', 'created_at', 'dissolved_on', 'id', 'name', 'successor_id', 'type']);
    const rows = await query<{ name: string; type: string; cluster_id: null; dissolved_on: null; successor_id: null }>(
      'SELECT name, type, cluster_id, dissolved_on, successor_id FROM units ORDER BY code',
    );
    expect(rows.map((row) => [row.name, row.type])).toEqual([
      ['Sở Y tế', 'so_ban_nganh'],
      ['Xã Nghi Lộc', 'xa'],
      ['Phường Vinh Hưng', 'phuong'],
      ['Đặc khu Cồn Cỏ', 'dac_khu'],
      ['Huyện Nghi Lộc', 'huyen_cu'],
      ['Thị xã Cửa Lò', 'huyen_cu'],
      ['Ủy ban Mặt trận', 'khac'],
      ['Sởi', 'khac'],
    ]);
    expect(rows.every((row) => row.cluster_id === null && row.dissolved_on === null && row.successor_id === null)).toBe(true);
    expect(await tables()).toEqual(expect.arrayContaining(['clusters', 'unit_changes']));
    await query("INSERT INTO units (id, code, name, created_at) VALUES ('new', 'NEW', 'Sở Mới', '2026-01-01T00:00:00.000Z')");
    expect(await query<{ type: string }>("SELECT type FROM units WHERE id = 'new'")).toEqual([{ type: 'khac' }]);
  });

  it('down: takes the columns and tables away and keeps the units; up runs again', async () => {
    await undoThisMigration();
    expect(await unitColumns()).toEqual(['code', 'created_at', 'id', 'name']);
    expect(await tables()).not.toEqual(expect.arrayContaining(['clusters']));
    expect(await tables()).not.toEqual(expect.arrayContaining(['unit_changes']));
    expect((await query<{ n: number | string }>('SELECT COUNT(*) AS n FROM units'))[0]!.n).toEqual(kind === 'postgres' ? '9' : 9);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await unitColumns()).toContain('type');
  });
}

describe('migration UnitTypesAndHistory [sqlite]', () => describeMigration('sqlite'));
if (POSTGRES.available) {
  describe('migration UnitTypesAndHistory [postgres]', () => describeMigration('postgres'));
} else {
  describe.skip(`migration UnitTypesAndHistory [postgres] (skipped: ${POSTGRES.reason})`, () => describeMigration('postgres'));
}
