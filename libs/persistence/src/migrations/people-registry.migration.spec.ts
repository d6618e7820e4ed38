import { describeMigration } from '../../../../test/support/migration-suite.js';

const TABLES = ['people', 'person_proposals', 'person_restrictions'];

await describeMigration('PeopleRegistry1765300000000', { tag: 'people-migration' }, (db) => {
  const tables = async () => (await db.tables()).filter((name) => name === 'people' || name.startsWith('person'));

  it('up: the registry tables exist and take a person, a link and a matter', async () => {
    expect(await tables()).toEqual(TABLES);
    await db.query(
      "INSERT INTO people (id, type, name, name_key, birth_year, gender, title, workplace, unit_id, created_by, created_at) VALUES ('p1', 'individual', 'Nguyễn Văn An', 'nguyen van an', 1985, 'male', NULL, NULL, NULL, '{}', '2026-05-04T02:00:00.000Z')",
    );
    await db.query("INSERT INTO person_proposals (proposal_id, person_id, linked_at) VALUES ('x1', 'p1', '2026-05-04T02:00:00.000Z')");
    await db.query(
      "INSERT INTO person_restrictions (id, person_id, kind, from_date, document, recorded_by, recorded_at) VALUES ('r1', 'p1', 'complaint', '2026-05-01', '{}', '{}', '2026-05-04T02:00:00.000Z')",
    );
    expect(await db.query<{ name: string }>("SELECT name FROM people WHERE name_key LIKE '%van an%'")).toEqual([{ name: 'Nguyễn Văn An' }]);
  });

  it('up: on SQLite the proposal→person link is one B-tree keyed by proposal (WITHOUT ROWID), and a re-link replaces it', async () => {
    if (db.kind === 'sqlite') {
      const [{ sql }] = await db.query<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'person_proposals'");
      expect(sql).toMatch(/WITHOUT ROWID$/);
      expect(await db.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'person_proposals' AND name LIKE 'sqlite_autoindex%'")).toEqual([]);
    }
    const link = (personId: string) =>
      db.query(
        `INSERT INTO person_proposals (proposal_id, person_id, linked_at) VALUES ('x2', ?, '2026-05-04T02:00:00.000Z')
         ON CONFLICT (proposal_id) DO UPDATE SET person_id = excluded.person_id, linked_at = excluded.linked_at`,
        [personId],
      );
    await link('p1');
    await link('p2');
    expect(await db.query("SELECT person_id FROM person_proposals WHERE proposal_id = 'x2'")).toEqual([{ person_id: 'p2' }]);
  });

  it('down: drops the three tables; up makes them again', async () => {
    await db.undoThisMigration();
    expect(await tables()).toEqual([]);
    await db.runMigrations();
    expect(await tables()).toEqual(TABLES);
  });
});
