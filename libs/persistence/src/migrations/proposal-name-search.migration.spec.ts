import { describeMigration } from '../../../../test/support/migration-suite.js';

const UNIT = '00000000-0000-4000-8000-0000000000aa';
const AT = '2026-05-04T02:00:00.000Z';
const ids = [1, 2, 3].map((n) => `00000000-0000-4000-8000-00000000000${n}`);

await describeMigration('ProposalNameSearch1765250000000', { tag: 'migration-name-search', startBefore: true }, (db) => {
  const insertProposal = (id: string, snapshot: unknown) =>
    db.query(
      `INSERT INTO proposals (id, kind, unit_id, campaign_id, award_form, state, snapshot, version, machine_version, late,
         escalation, last_seq, last_hash, created_at, updated_at)
       VALUES (?, 'extraordinary', ?, NULL, 'chairman_certificate', 'drafting', ?, 1, 2, ?, 'none', 1, ?, ?, ?)`,
      [id, UNIT, JSON.stringify(snapshot), db.kind === 'postgres' ? false : 0, 'f'.repeat(64), AT, AT],
    );

  it('up: adds the folded name of every existing proposal, from its snapshot', async () => {
    // Given proposals made before the column existed (one with a snapshot that has no name at all)
    expect(await db.columns('proposals')).not.toContain('nominee_name_folded');
    await db.query('INSERT INTO units (id, code, name, created_at) VALUES (?, ?, ?, ?)', [UNIT, 'U-NAME', 'Sở Y tế', AT]);
    await insertProposal(ids[0]!, { value: 'drafting', context: { nominee: { type: 'individual', name: 'Nguyễn Văn  Đức' } } });
    await insertProposal(ids[1]!, { value: 'drafting', context: { nominee: { type: 'collective', name: 'Tổ CỨU HỘ Xã Hòa Bình' } } });
    await insertProposal(ids[2]!, { value: 'drafting', context: {} });

    // When the migration runs
    await db.runMigrations();

    // Then each row holds its name's search key, and a row without a name an empty one
    const rows = await db.query<{ id: string; nominee_name_folded: string }>('SELECT id, nominee_name_folded FROM proposals ORDER BY id');
    expect(rows.map((row) => row.nominee_name_folded)).toEqual(['nguyen van duc', 'to cuu ho xa hoa binh', '']);
    expect((await db.query<{ id: string }>("SELECT id FROM proposals WHERE nominee_name_folded LIKE '%van duc%'")).map((row) => row.id)).toEqual([ids[0]]);
  });

  it('down: drops the column and keeps the rows; up runs again', async () => {
    await db.undoThisMigration();
    expect(await db.columns('proposals')).not.toContain('nominee_name_folded');
    expect((await db.query<{ id: string }>('SELECT id FROM proposals ORDER BY id')).map((row) => row.id)).toEqual(ids);
    await db.runMigrations();
    expect(await db.columns('proposals')).toContain('nominee_name_folded');
    expect((await db.query<{ f: string }>('SELECT nominee_name_folded AS f FROM proposals ORDER BY id')).map((row) => row.f)[0]).toBe('nguyen van duc');
  });
});
