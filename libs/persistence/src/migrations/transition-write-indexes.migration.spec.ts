import type { DataSource } from 'typeorm';
import { probePostgres } from '../../../../test/support/postgres.js';
import { openScratchDataSource, type ScratchDataSource } from '../../../../test/support/scratch-data-source.js';

const POSTGRES = await probePostgres();

type Kind = 'sqlite' | 'postgres';

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

function describeMigration(kind: Kind) {
  let opened: ScratchDataSource | undefined;
  let dataSource: DataSource;

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    let n = 0;
    return dataSource.query(kind === 'postgres' ? sql.replace(/\?/g, () => `$${++n}`) : sql, params) as Promise<T[]>;
  };
  const indexes = async () =>
    (kind === 'postgres'
      ? await query<{ name: string }>(
          "SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('proposals', 'proposal_events', 'outbox') AND indexname LIKE 'ix\\_%'",
        )
      : await query<{ name: string }>(
          "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('proposals', 'proposal_events', 'outbox') AND name LIKE 'ix\\_%' ESCAPE '\\'",
        )
    )
      .map((row) => row.name)
      .sort();
  const outboxColumns = async () =>
    (kind === 'postgres'
      ? await query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'outbox'")
      : await query<{ name: string }>("SELECT name FROM pragma_table_info('outbox')")
    )
      .map((row) => row.name)
      .sort();
  const outbox = () => query<{ id: number | string; message_key: string }>('SELECT id, message_key FROM outbox ORDER BY id');
  const enqueue = (key: string, relayedAt?: string) =>
    relayedAt === undefined
      ? query("INSERT INTO outbox (topic, message_key, payload, created_at) VALUES ('proposal.created', ?, '{}', '2026-05-04T02:00:00.000Z')", [key])
      : query(
          "INSERT INTO outbox (topic, message_key, payload, created_at, relayed_at) VALUES ('proposal.created', ?, '{}', '2026-05-04T02:00:00.000Z', ?)",
          [key, relayedAt],
        );

  /** Undoes the migrations listed after this one first, so that a later migration does not change what this spec sees. */
  const undoThisMigration = async () => {
    const last = async () => (await query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1'))[0]?.name;
    while ((await last()) !== 'TransitionWriteIndexes1765100000000') await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.undoLastMigration({ transaction: 'each' });
  };

  beforeAll(async () => {
    opened = await openScratchDataSource(kind, 'migration', POSTGRES);
    dataSource = opened.dataSource;
    await undoThisMigration();
  }, 30_000);

  afterAll(async () => {
    await opened?.close();
  }, 30_000);

  it('up: drops the relayed rows, keeps the pending ones, and leaves one index with state', async () => {
    expect(await indexes()).toEqual(BEFORE);
    await enqueue('relayed:1', '2026-05-04T02:00:01.000Z');
    await enqueue('pending:2');
    await enqueue('relayed:3', '2026-05-04T02:00:01.000Z');

    await dataSource.runMigrations({ transaction: 'each' });

    expect(await indexes()).toEqual(AFTER);
    expect(await outboxColumns()).toEqual(['created_at', 'id', 'message_key', 'payload', 'topic']);
    expect((await outbox()).map((row) => [Number(row.id), row.message_key])).toEqual([[2, 'pending:2']]);
    if (kind === 'sqlite') {
      const [table] = await query<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'outbox'");
      expect(table.sql).not.toMatch(/AUTOINCREMENT/i);
    }
    await enqueue('pending:4');
    expect((await outbox()).map((row) => row.message_key)).toEqual(['pending:2', 'pending:4']);
  });

  it('down: gives back relayed_at (NULL: every row left is pending) and the indexes, and up runs again', async () => {
    await undoThisMigration();
    expect(await indexes()).toEqual(BEFORE);
    expect(await outboxColumns()).toEqual(['created_at', 'id', 'message_key', 'payload', 'relayed_at', 'topic']);
    const rows = await query<{ message_key: string; relayed_at: string | null }>('SELECT message_key, relayed_at FROM outbox ORDER BY id');
    expect(rows).toEqual([
      { message_key: 'pending:2', relayed_at: null },
      { message_key: 'pending:4', relayed_at: null },
    ]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await indexes()).toEqual(AFTER);
    expect((await outbox()).map((row) => row.message_key)).toEqual(['pending:2', 'pending:4']);
  });
}

describe('migration TransitionWriteIndexes [sqlite]', () => describeMigration('sqlite'));
if (POSTGRES.available) {
  describe('migration TransitionWriteIndexes [postgres]', () => describeMigration('postgres'));
} else {
  describe.skip(`migration TransitionWriteIndexes [postgres] (skipped: ${POSTGRES.reason})`, () => describeMigration('postgres'));
}
