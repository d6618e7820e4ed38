import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '36', isNullable });
const instant = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '30', isNullable });
/** Delivery keys: `${proposalId}:${seq}:${channel}:${audience | webhookId | address}`. */
const deliveryKey = { name: 'delivery_key', type: 'varchar', length: '450', isUnique: true };

/**
 * Notices (ISSUE 4): one per committed timer event, its inbox audiences, each person's read marks, the
 * webhooks an admin registers, and one delivery per recipient and channel with every attempt logged. The
 * unique keys (notice_key, delivery_key) make a job that runs twice write nothing twice.
 */
export class Notifications1764500000000 implements MigrationInterface {
  name = 'Notifications1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notices',
        columns: [
          id(),
          { name: 'notice_key', type: 'varchar', length: '100', isUnique: true },
          ref('proposal_id'),
          { name: 'seq', type: 'integer' },
          { name: 'event', type: 'varchar', length: '40' },
          ref('unit_id'),
          { name: 'nominee', type: 'varchar', length: '500' },
          { name: 'rule', type: 'varchar', length: '10', isNullable: true },
          { name: 'due_date', type: 'varchar', length: '10', isNullable: true },
          instant('due_at', true),
          { name: 'title', type: 'text' },
          { name: 'body', type: 'text' },
          { name: 'title_en', type: 'text' },
          { name: 'body_en', type: 'text' },
          instant('at'),
          instant('created_at'),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['proposal_id'], referencedTableName: 'proposals', referencedColumnNames: ['id'] })],
        indices: [
          new TableIndex({ name: 'ix_notices_at', columnNames: ['at', 'id'] }),
          new TableIndex({ name: 'ix_notices_proposal', columnNames: ['proposal_id', 'seq'] }),
        ],
      }),
    );

    // The in-app channel: one row per audience, which is the inbox delivery for everyone holding that role.
    await queryRunner.createTable(
      new Table({
        name: 'notice_audiences',
        columns: [
          { ...deliveryKey, isUnique: false, isPrimary: true },
          ref('notice_id'),
          { name: 'role', type: 'varchar', length: '40' },
          ref('unit_id', true),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['notice_id'], referencedTableName: 'notices', referencedColumnNames: ['id'] })],
        indices: [new TableIndex({ name: 'ix_notice_audiences_match', columnNames: ['role', 'unit_id', 'notice_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notice_reads',
        columns: [
          { ...id('notice_id') },
          { name: 'user_id', type: 'varchar', length: '200', isPrimary: true },
          instant('read_at'),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['notice_id'], referencedTableName: 'notices', referencedColumnNames: ['id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'webhooks',
        columns: [
          id(),
          { name: 'url', type: 'varchar', length: '2000' },
          { name: 'events', type: 'text' },
          { name: 'secret', type: 'varchar', length: '500' },
          { name: 'created_by', type: 'varchar', length: '200' },
          instant('created_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notice_deliveries',
        columns: [
          id(),
          deliveryKey,
          ref('notice_id'),
          { name: 'channel', type: 'varchar', length: '10' },
          ref('webhook_id', true),
          { name: 'recipient', type: 'varchar', length: '320', isNullable: true },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'last_error', type: 'text', isNullable: true },
          instant('created_at'),
          instant('updated_at'),
          instant('delivered_at', true),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['notice_id'], referencedTableName: 'notices', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['webhook_id'], referencedTableName: 'webhooks', referencedColumnNames: ['id'] }),
        ],
        indices: [new TableIndex({ name: 'ix_notice_deliveries_webhook', columnNames: ['webhook_id', 'created_at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notice_delivery_attempts',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          ref('delivery_id'),
          { name: 'attempt', type: 'integer' },
          instant('at'),
          { name: 'status_code', type: 'integer', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'duration_ms', type: 'integer' },
          { name: 'outcome', type: 'varchar', length: '20' },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['delivery_id'], referencedTableName: 'notice_deliveries', referencedColumnNames: ['id'] }),
        ],
        indices: [new TableIndex({ name: 'ix_notice_delivery_attempts', columnNames: ['delivery_id', 'id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notice_delivery_attempts', 'notice_deliveries', 'webhooks', 'notice_reads', 'notice_audiences', 'notices']) {
      await queryRunner.dropTable(table);
    }
  }
}
