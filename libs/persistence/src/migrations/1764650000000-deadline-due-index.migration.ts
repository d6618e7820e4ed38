import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Timers due at the same instant are fired together (a campaign's TH-5 deadlines all end at once): the
 * sweep pages through the proposals of one due instant, in id order.
 */
export class DeadlineDueIndex1764650000000 implements MigrationInterface {
  name = 'DeadlineDueIndex1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('proposals', new TableIndex({ name: 'ix_proposals_due_at_id', columnNames: ['deadline_due_at', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('proposals', 'ix_proposals_due_at_id');
  }
}
