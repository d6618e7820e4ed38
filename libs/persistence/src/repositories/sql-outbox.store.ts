import type { OutboxMessage } from '#proposals';
import { isOutboxTopic } from '#queue';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

/** A committed outbox row not yet relayed: the message as the use case wrote it, with the row's id and time. */
export type PendingMessage = OutboxMessage & { id: number; createdAt: string };

/**
 * The worker's side of the outbox: read what was committed, and delete it once it is on its queue.
 *
 * Every row in the table is pending. A relayed row is deleted rather than marked: marking rewrote the row and
 * an index on `relayed_at` after every relay, and kept every message ever sent in a table that only the relay
 * reads (the proposal's history is proposal_events; a job's, BullMQ's). It cannot be deleted, or marked, in the
 * transaction that relays it: publishing goes to Redis, outside the database's transaction, and deleting first
 * would lose the batch to a crash before the publish. So the relay publishes, then deletes; a crash in between
 * publishes the batch again, under the same deterministic job IDs (docs/architecture.md).
 */
export class SqlOutboxStore {
  constructor(private readonly runner: SqlTransactionRunner) {}

  pending(limit: number): Promise<PendingMessage[]> {
    return this.runner.read(async (db) =>
      (
        await db.rows<{ id: number; topic: string; message_key: string; payload: string; created_at: string }>(
          'SELECT id, topic, message_key, payload, created_at FROM outbox ORDER BY id LIMIT ?',
          [limit],
        )
      ).map((row): PendingMessage => {
        // The column is a string; the use cases only ever write the outbox topics of the job registry.
        if (!isOutboxTopic(row.topic)) throw new Error(`Outbox topic ${row.topic} has no queue in the job registry`);
        return { id: Number(row.id), topic: row.topic, key: row.message_key, payload: JSON.parse(row.payload), createdAt: row.created_at };
      }),
    );
  }

  /**
   * Deletes relayed rows by id and key together. On SQLite an id can be given again once the rows above it
   * are gone (the table has no AUTOINCREMENT, whose counter was a page written by every transition); a second
   * relay that read the same batch deletes after the first, and must not take a newer row that got one of its
   * ids. A newer row with the same key too is the same message: its job ID is the one just published.
   */
  async delete(messages: readonly Pick<PendingMessage, 'id' | 'key'>[]): Promise<void> {
    if (messages.length === 0) return;
    const relayedKey = new Map(messages.map((message) => [message.id, message.key]));
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    await this.runner.transaction(async (db) => {
      const rows = await db.rows<{ id: number; message_key: string }>(
        `SELECT id, message_key FROM outbox WHERE id IN (${marks(relayedKey.size)})`,
        [...relayedKey.keys()],
      );
      const relayed = rows.filter((row) => relayedKey.get(Number(row.id)) === row.message_key).map((row) => Number(row.id));
      if (relayed.length > 0) await db.run(`DELETE FROM outbox WHERE id IN (${marks(relayed.length)})`, relayed);
    });
  }
}
