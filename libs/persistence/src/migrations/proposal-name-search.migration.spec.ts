import type { DataSource } from 'typeorm';
import { probePostgres } from '../../../../test/support/postgres.js';
import { openScratchDataSource, type ScratchDataSource } from '../../../../test/support/scratch-data-source.js';

const POSTGRES = await probePostgres();

type Kind = 'sqlite' | 'postgres';

const UNIT = '00000000-0000-4000-8000-0000000000aa';
const AT = '2026-05-04T02:00:00.000Z';
const ids = [1, 2, 3].map((n) => `00000000-0000-4000-8000-00000000000${n}`);

function describeMigration(kind: Kind) {
  let opened: ScratchDataSource | undefined;
  let dataSource: DataSource;

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    let n = 0;
    return dataSource.query(kind === 'postgres' ? sql.replace(/\?/g, () => `$${++n}`) : sql, params) as Promise<T[]>;
  };
  const columns = async () =>
    (kind === 'postgres'
      ? await query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'proposals'")
      : await query<{ name: string }>("SELECT name FROM pragma_table_info('proposals')")
    ).map((row) => row.name);
  const insertProposal = (id: string, snapshot: unknown) =>
    query(
      `INSERT INTO proposals (id, kind, unit_id, campaign_id, award_form, state, snapshot, version, machine_version, late,
         escalation, last_seq, last_hash, created_at, updated_at)
       VALUES (?, 'extraordinary', ?, NULL, 'chairman_certificate', 'drafting', ?, 1, 2, ?, 'none', 1, ?, ?, ?)`,
      [id, UNIT, JSON.stringify(snapshot), kind === 'postgres' ? false : 0, 'f'.repeat(64), AT, AT],
    );

  /** Undoes the migrations listed after this one first, so that a later migration does not change what this spec sees. */
  const undoThisMigration = async () => {
    const last = async () => (await query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1'))[0]?.name;
    while ((await last()) !== 'ProposalNameSearch1765250000000') await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.undoLastMigration({ transaction: 'each' });
  };

  beforeAll(async () => {
    opened = await openScratchDataSource(kind, 'migration-name-search', POSTGRES);
    dataSource = opened.dataSource;
    await undoThisMigration();
  }, 30_000);

  afterAll(async () => {
    await opened?.close();
  }, 30_000);

  it('up: adds the folded name of every existing proposal, from its snapshot', async () => {
    // Given proposals made before the column existed (one with a snapshot that has no name at all)
    expect(await columns()).not.toContain('nominee_name_folded');
    await query('INSERT INTO units (id, code, name, created_at) VALUES (?, ?, ?, ?)', [UNIT, 'U-NAME', 'Sở Y tế', AT]);
    await insertProposal(ids[0]!, { value: 'drafting', context: { nominee: { type: 'individual', name: 'Nguyễn Văn  Đức' } } });
    await insertProposal(ids[1]!, { value: 'drafting', context: { nominee: { type: 'collective', name: 'Tổ CỨU HỘ Xã Hòa Bình' } } });
    await insertProposal(ids[2]!, { value: 'drafting', context: {} });

    // When the migration runs
    await dataSource.runMigrations({ transaction: 'each' });

    // Then each row holds its name's search key, and a row without a name an empty one
    const rows = await query<{ id: string; nominee_name_folded: string }>('SELECT id, nominee_name_folded FROM proposals ORDER BY id');
    expect(rows.map((row) => row.nominee_name_folded)).toEqual(['nguyen van duc', 'to cuu ho xa hoa binh', '']);
    expect((await query<{ id: string }>("SELECT id FROM proposals WHERE nominee_name_folded LIKE '%van duc%'")).map((row) => row.id)).toEqual([ids[0]]);
  });

  it('down: drops the column and keeps the rows; up runs again', async () => {
    await undoThisMigration();
    expect(await columns()).not.toContain('nominee_name_folded');
    expect((await query<{ id: string }>('SELECT id FROM proposals ORDER BY id')).map((row) => row.id)).toEqual(ids);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await columns()).toContain('nominee_name_folded');
    expect((await query<{ f: string }>('SELECT nominee_name_folded AS f FROM proposals ORDER BY id')).map((row) => row.f)[0]).toBe('nguyen van duc');
  });
}

describe('migration ProposalNameSearch [sqlite]', () => describeMigration('sqlite'));
if (POSTGRES.available) {
  describe('migration ProposalNameSearch [postgres]', () => describeMigration('postgres'));
} else {
  describe.skip(`migration ProposalNameSearch [postgres] (skipped: ${POSTGRES.reason})`, () => describeMigration('postgres'));
}
