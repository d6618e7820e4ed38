import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Indexes whose entry a transition rewrote (state changes on almost every event), or that no query used. */
const droppedProposalIndexes = () => [
  new TableIndex({ name: 'ix_proposals_state', columnNames: ['state', 'created_at'] }),
  new TableIndex({ name: 'ix_proposals_state_id', columnNames: ['state', 'id'] }),
  new TableIndex({ name: 'ix_proposals_unit_state', columnNames: ['unit_id', 'state'] }),
  new TableIndex({ name: 'ix_proposals_campaign', columnNames: ['campaign_id'] }),
  new TableIndex({ name: 'ix_proposals_campaign_state_id', columnNames: ['campaign_id', 'state', 'id'] }),
  new TableIndex({ name: 'ix_proposals_deadline', columnNames: ['deadline_due_date'] }),
  new TableIndex({ name: 'ix_proposals_late', columnNames: ['late', 'created_at'] }),
];

/**
 * Every filter of a list ends in the list's keyset order (created_at, id), so that a page is an index range
 * that stops at its LIMIT. Only the first holds a column that a transition changes.
 */
const addedProposalIndexes = () => [
  new TableIndex({ name: 'ix_proposals_state_created', columnNames: ['state', 'created_at', 'id'] }),
  new TableIndex({ name: 'ix_proposals_unit_created', columnNames: ['unit_id', 'created_at', 'id'] }),
  new TableIndex({ name: 'ix_proposals_campaign_created', columnNames: ['campaign_id', 'created_at', 'id'] }),
  new TableIndex({ name: 'ix_proposals_late_created', columnNames: ['late', 'created_at', 'id'] }),
];

const eventsAt = () => new TableIndex({ name: 'ix_proposal_events_at', columnNames: ['at'] });
const outboxPending = () => new TableIndex({ name: 'ix_outbox_pending', columnNames: ['relayed_at', 'id'] });

/**
 * What a transition writes (issue 14): every index entry it changes is a page of the write-ahead log, so the
 * indexes are the ones some query's plan uses and no more (docs/operations.md lists each query and its index).
 *
 * - proposals: one index holds `state` instead of four; the unit, campaign and late filters get indexes in the
 *   keyset order of the lists, on columns that no transition changes.
 * - proposal_events: `at` was indexed for the time-range export, whose plan read the whole range and sorted it
 *   again for every page (quadratic in the range). Without it the export walks the primary key in the order
 *   it pages in and stops at each page's LIMIT: linear in the log, and one page less written per event.
 * - outbox: a relayed row is deleted, not marked (see SqlOutboxStore), so `relayed_at` and its index go. Rows
 *   already relayed are deleted here, or the first relay after the upgrade would send them all again. On
 *   SQLite the table is made again without AUTOINCREMENT, whose sqlite_sequence row was one more page written
 *   by every transition; the ids a relay deletes are matched with their keys, so a reused id is harmless.
 */
export class TransitionWriteIndexes1765100000000 implements MigrationInterface {
  name = 'TransitionWriteIndexes1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of droppedProposalIndexes()) await queryRunner.dropIndex('proposals', index);
    for (const index of addedProposalIndexes()) await queryRunner.createIndex('proposals', index);
    await queryRunner.dropIndex('proposal_events', 'ix_proposal_events_at');

    await queryRunner.query('DELETE FROM outbox WHERE relayed_at IS NOT NULL');
    await queryRunner.dropIndex('outbox', 'ix_outbox_pending');
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.dropColumn('outbox', 'relayed_at');
      return;
    }
    await queryRunner.query(
      'CREATE TABLE "outbox_lean" ("id" integer PRIMARY KEY NOT NULL, "topic" varchar(100) NOT NULL, ' +
        '"message_key" varchar(200) NOT NULL, "payload" text NOT NULL, "created_at" varchar(30) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "outbox_lean" (id, topic, message_key, payload, created_at) SELECT id, topic, message_key, payload, created_at FROM "outbox"',
    );
    await queryRunner.query('DROP TABLE "outbox"');
    await queryRunner.query('ALTER TABLE "outbox_lean" RENAME TO "outbox"');
  }

  /** Every row left is unrelayed, which is what a NULL relayed_at says. */
  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.addColumn('outbox', new TableColumn({ name: 'relayed_at', type: 'varchar', length: '30', isNullable: true }));
      await queryRunner.createIndex('outbox', outboxPending());
    } else {
      await queryRunner.query('ALTER TABLE "outbox" RENAME TO "outbox_lean"');
      await queryRunner.createTable(
        new Table({
          name: 'outbox',
          columns: [
            { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
            { name: 'topic', type: 'varchar', length: '100' },
            { name: 'message_key', type: 'varchar', length: '200' },
            { name: 'payload', type: 'text' },
            { name: 'created_at', type: 'varchar', length: '30' },
            { name: 'relayed_at', type: 'varchar', length: '30', isNullable: true },
          ],
          indices: [outboxPending()],
        }),
      );
      await queryRunner.query(
        'INSERT INTO "outbox" (id, topic, message_key, payload, created_at) SELECT id, topic, message_key, payload, created_at FROM "outbox_lean"',
      );
      await queryRunner.query('DROP TABLE "outbox_lean"');
    }

    await queryRunner.createIndex('proposal_events', eventsAt());
    for (const index of addedProposalIndexes()) await queryRunner.dropIndex('proposals', index);
    for (const index of droppedProposalIndexes()) await queryRunner.createIndex('proposals', index);
  }
}
