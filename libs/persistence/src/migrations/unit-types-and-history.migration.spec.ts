import { describeMigration } from '../../../../test/support/migration-suite.js';

await describeMigration('UnitTypesAndHistory1765200000000', { tag: 'units-migration', startBefore: true }, (db) => {
  const unitColumns = () => db.columns('units');

  it('up: existing units get the type their name begins with, no cluster, no end; the history and cluster tables appear', async () => {
    expect(await unitColumns()).toEqual(['code', 'created_at', 'id', 'name']);
    const names = ['Sở Y tế', 'Xã Nghi Lộc', 'Phường Vinh Hưng', 'Đặc khu Cồn Cỏ', 'Huyện Nghi Lộc', 'Thị xã Cửa Lò', 'Ủy ban Mặt trận', 'Sởi'];
    for (const [i, name] of names.entries()) {
      await db.query('INSERT INTO units (id, code, name, created_at) VALUES (?, ?, ?, ?)', [`u${i}`, `U${i}`, name, '2026-01-01T00:00:00.000Z']);
    }
    await db.runMigrations();

    expect(await unitColumns()).toEqual(['cluster_id', 'code', 'created_at', 'dissolved_on', 'id', 'name', 'successor_id', 'type']);
    const rows = await db.query<{ name: string; type: string; cluster_id: null; dissolved_on: null; successor_id: null }>(
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
    expect(await db.tables()).toEqual(expect.arrayContaining(['clusters', 'unit_changes']));
    await db.query("INSERT INTO units (id, code, name, created_at) VALUES ('new', 'NEW', 'Sở Mới', '2026-01-01T00:00:00.000Z')");
    expect(await db.query<{ type: string }>("SELECT type FROM units WHERE id = 'new'")).toEqual([{ type: 'khac' }]);
  });

  it('down: takes the columns and tables away and keeps the units; up runs again', async () => {
    await db.undoThisMigration();
    expect(await unitColumns()).toEqual(['code', 'created_at', 'id', 'name']);
    expect(await db.tables()).not.toEqual(expect.arrayContaining(['clusters']));
    expect(await db.tables()).not.toEqual(expect.arrayContaining(['unit_changes']));
    expect((await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM units'))[0]!.n).toEqual(db.kind === 'postgres' ? '9' : 9);
    await db.runMigrations();
    expect(await unitColumns()).toContain('type');
  });
});
