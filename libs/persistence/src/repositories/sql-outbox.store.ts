import type { OutboxMessage } from '#proposals';
import { isOutboxTopic } from '#queue';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

/** A committed outbox row not yet relayed: the message as the use case wrote it, with the row's id and time. */
export type PendingMessage = OutboxMessage & { id: number; createdAt: string };

/** The worker's side of the outbox: read what was committed and not yet relayed, then mark it relayed. */
export class SqlOutboxStore {
  constructor(private readonly runner: SqlTransactionRunner) {}

  pending(limit: number): Promise<PendingMessage[]> {
    return this.runner.read(async (db) =>
      (
        await db.rows<{ id: number; topic: string; message_key: string; payload: string; created_at: string }>(
          'SELECT id, topic, message_key, payload, created_at FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT ?',
          [limit],
        )
      ).map((row): PendingMessage => {
        // The column is a string; the use cases only ever write the outbox topics of the job registry.
        if (!isOutboxTopic(row.topic)) throw new Error(`Outbox topic ${row.topic} has no queue in the job registry`);
        return { id: Number(row.id), topic: row.topic, key: row.message_key, payload: JSON.parse(row.payload), createdAt: row.created_at };
      }),
    );
  }

  async markRelayed(ids: number[], at: string): Promise<void> {
    if (ids.length === 0) return;
    await this.runner.transaction((db) =>
      db.run(`UPDATE outbox SET relayed_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [at, ...ids]),
    );
  }
}
