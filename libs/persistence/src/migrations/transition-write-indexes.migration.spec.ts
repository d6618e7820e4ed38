import { describeMigration } from '../../../../test/support/migration-suite.js';

const BEFORE = [
  'ix_outbox_pending',
  'ix_proposal_events_at',
  'ix_proposals_campaign',
  'ix_proposals_campaign_state_id',
  'ix_proposals_created',
  'ix_proposals_deadline',
  'ix_proposals_due_at_id',
  'ix_proposals_late',
  'ix_proposals_state',
  'ix_proposals_state_id',
  'ix_proposals_unit_state',
];
const AFTER = [
  'ix_proposals_campaign_created',
  'ix_proposals_created',
  'ix_proposals_due_at_id',
  'ix_proposals_late_created',
  'ix_proposals_state_created',
  'ix_proposals_unit_created',
];

await describeMigration('TransitionWriteIndexes1765100000000', { tag: 'migration', startBefore: true }, (db) => {
  const indexes = () =>
    db.names({
      postgres: "SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('proposals', 'proposal_events', 'outbox') AND indexname LIKE 'ix\\_%'",
      sqlite:
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('proposals', 'proposal_events', 'outbox') AND name LIKE 'ix\\_%' ESCAPE '\\'",
    });
  const outboxColumns = () => db.columns('outbox');
  const outbox = () => db.query<{ id: number | string; message_key: string }>('SELECT id, message_key FROM outbox ORDER BY id');
  const enqueue = (key: string, relayedAt?: string) =>
    relayedAt === undefined
      ? db.query("INSERT INTO outbox (topic, message_key, payload, created_at) VALUES ('proposal.created', ?, '{}', '2026-05-04T02:00:00.000Z')", [key])
      : db.query(
          "INSERT INTO outbox (topic, message_key, payload, created_at, relayed_at) VALUES ('proposal.created', ?, '{}', '2026-05-04T02:00:00.000Z', ?)",
          [key, relayedAt],
        );

  it('up: drops the relayed rows, keeps the pending ones, and leaves one index with state', async () => {
    expect(await indexes()).toEqual(BEFORE);
    await enqueue('relayed:1', '2026-05-04T02:00:01.000Z');
    await enqueue('pending:2');
    await enqueue('relayed:3', '2026-05-04T02:00:01.000Z');

    await db.runMigrations();

    expect(await indexes()).toEqual(AFTER);
    expect(await outboxColumns()).toEqual(['created_at', 'id', 'message_key', 'payload', 'topic']);
    expect((await outbox()).map((row) => [Number(row.id), row.message_key])).toEqual([[2, 'pending:2']]);
    if (db.kind === 'sqlite') {
      const [table] = await db.query<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'outbox'");
      expect(table.sql).not.toMatch(/AUTOINCREMENT/i);
    }
    await enqueue('pending:4');
    expect((await outbox()).map((row) => row.message_key)).toEqual(['pending:2', 'pending:4']);
  });

  it('down: gives back relayed_at (NULL: every row left is pending) and the indexes, and up runs again', async () => {
    await db.undoThisMigration();
    expect(await indexes()).toEqual(BEFORE);
    expect(await outboxColumns()).toEqual(['created_at', 'id', 'message_key', 'payload', 'relayed_at', 'topic']);
    const rows = await db.query<{ message_key: string; relayed_at: string | null }>('SELECT message_key, relayed_at FROM outbox ORDER BY id');
    expect(rows).toEqual([
      { message_key: 'pending:2', relayed_at: null },
      { message_key: 'pending:4', relayed_at: null },
    ]);

    await db.runMigrations();
    expect(await indexes()).toEqual(AFTER);
    expect((await outbox()).map((row) => row.message_key)).toEqual(['pending:2', 'pending:4']);
  });
});
