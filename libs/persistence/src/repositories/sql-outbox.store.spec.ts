import type { DataSource } from 'typeorm';
import { probePostgres } from '../../../../test/support/postgres.js';
import { openScratchDataSource, type ScratchDataSource } from '../../../../test/support/scratch-data-source.js';
import { SqlOutboxStore } from './sql-outbox.store.js';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

const POSTGRES = await probePostgres();

type Kind = 'sqlite' | 'postgres';

function describeOutbox(kind: Kind) {
  let opened: ScratchDataSource | undefined;
  let dataSource: DataSource;
  let runner: SqlTransactionRunner;
  let store: SqlOutboxStore;

  const enqueue = (...keys: string[]) =>
    runner.transaction(async (db) => {
      for (const key of keys) {
        await db.run('INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)', [
          'proposal.created',
          key,
          JSON.stringify({ proposalId: key, seq: 1, state: 'drafting', at: '2026-05-04T02:00:00.000Z' }),
          '2026-05-04T02:00:00.000Z',
        ]);
      }
    });
  const keys = async () => (await store.pending(100)).map((message) => message.key);

  beforeAll(async () => {
    opened = await openScratchDataSource(kind, 'outbox', POSTGRES);
    dataSource = opened.dataSource;
    runner = new SqlTransactionRunner(dataSource);
    store = new SqlOutboxStore(runner);
  }, 30_000);

  afterAll(async () => {
    await opened?.close();
  }, 30_000);

  it('hands the same rows out until they are deleted: a relay that dies after publishing publishes them again', async () => {
    await enqueue('a:1', 'b:1');
    const first = await store.pending(100);
    expect(first.map((message) => [message.topic, message.key])).toEqual([
      ['proposal.created', 'a:1'],
      ['proposal.created', 'b:1'],
    ]);
    expect(first[0].payload).toEqual({ proposalId: 'a:1', seq: 1, state: 'drafting', at: '2026-05-04T02:00:00.000Z' });
    expect(await store.pending(100)).toEqual(first);
    await store.delete(first);
    expect(await keys()).toEqual([]);
  });

  it('a second relay deleting the batch it read late leaves newer rows alone, even where they reuse an id', async () => {
    await enqueue('c:1', 'd:1');
    const readByBoth = await store.pending(100);
    await store.delete(readByBoth);
    await enqueue('e:1', 'f:1');
    const newer = await store.pending(100);
    // SQLite gives the emptied table's ids again (it has no AUTOINCREMENT); PostgreSQL's sequence never does.
    if (kind === 'sqlite') expect(newer.map((message) => message.id)).toEqual(readByBoth.map((message) => message.id));

    await store.delete(readByBoth);
    expect(await keys()).toEqual(['e:1', 'f:1']);
    await store.delete(newer);
    expect(await keys()).toEqual([]);
  });

  it('pages in id order', async () => {
    await enqueue('g:1', 'h:1', 'i:1');
    expect((await store.pending(2)).map((message) => message.key)).toEqual(['g:1', 'h:1']);
    await store.delete(await store.pending(2));
    expect(await keys()).toEqual(['i:1']);
  });
}

describe('SqlOutboxStore [sqlite]', () => describeOutbox('sqlite'));
if (POSTGRES.available) {
  describe('SqlOutboxStore [postgres]', () => describeOutbox('postgres'));
} else {
  describe.skip(`SqlOutboxStore [postgres] (skipped: ${POSTGRES.reason})`, () => describeOutbox('postgres'));
}
