import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The rulebook and the calendar: warnings shown to every reviewer, the proposal's deadline (DX-4 or TH-5) as
 * columns that lists can filter and the scheduler can re-arm from, and official calendars loaded by admins.
 */
export class RulesAndDeadlines1764400000000 implements MigrationInterface {
  name = 'RulesAndDeadlines1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('proposals', [
      new TableColumn({ name: 'warnings', type: 'text', default: "'[]'" }),
      new TableColumn({ name: 'late_rule', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'deadline_rule', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'deadline_due_date', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'deadline_due_at', type: 'varchar', length: '30', isNullable: true }),
      new TableColumn({ name: 'deadline_provisional', type: 'boolean', default: false }),
    ]);
    await queryRunner.createIndex('proposals', new TableIndex({ name: 'ix_proposals_late', columnNames: ['late', 'created_at'] }));
    await queryRunner.createIndex(
      'proposals',
      new TableIndex({ name: 'ix_proposals_deadline', columnNames: ['deadline_due_date'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'official_calendars',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'schedule', type: 'text' },
          { name: 'loaded_at', type: 'varchar', length: '30' },
          { name: 'loaded_by', type: 'varchar', length: '200' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('official_calendars');
    await queryRunner.dropIndex('proposals', 'ix_proposals_deadline');
    await queryRunner.dropIndex('proposals', 'ix_proposals_late');
    for (const column of ['deadline_provisional', 'deadline_due_at', 'deadline_due_date', 'deadline_rule', 'late_rule', 'warnings']) {
      await queryRunner.dropColumn('proposals', column);
    }
  }
}
