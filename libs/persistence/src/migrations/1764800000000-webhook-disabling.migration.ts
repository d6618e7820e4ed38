import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A webhook an administrator takes down is disabled, not deleted: its deliveries and their attempts stay
 * in the log (they are part of what was sent to whom), and no new notice goes to it.
 */
export class WebhookDisabling1764800000000 implements MigrationInterface {
  name = 'WebhookDisabling1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('webhooks', [
      new TableColumn({ name: 'disabled_at', type: 'varchar', length: '30', isNullable: true }),
      new TableColumn({ name: 'disabled_by', type: 'varchar', length: '200', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('webhooks', ['disabled_at', 'disabled_by']);
  }
}
