import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Units as they are since 1 July 2025 (docs/units.md): two-level local government, no district level.
 * - `units` gains its type (sở/ban/ngành, xã, phường, đặc khu, former district, other), its emulation cluster or
 *   bloc, and the day it ended (merged into `successor_id`, or dissolved).
 * - `clusters`: the emulation clusters (cụm thi đua) and blocs (khối thi đua) units are grouped in.
 * - `unit_changes`: a unit's history, one row a change, each effective from a day and citing its document,
 *   never updated: a unit on any day is read from them (libs/proposals unit-history.policy.ts).
 *
 * Columns are added with plain ALTER TABLE on both databases: TypeORM's SQLite addColumn copies the table,
 * which `proposals` references. Existing units get the type their name begins with (the same reading as
 * `defaultUnitType`), or 'khac'.
 */
export class UnitTypesAndHistory1765200000000 implements MigrationInterface {
  name = 'UnitTypesAndHistory1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'clusters',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '500', isUnique: true },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'created_at', type: 'varchar', length: '30' },
        ],
      }),
    );
    await queryRunner.query(`ALTER TABLE "units" ADD COLUMN "type" varchar(20) NOT NULL DEFAULT 'khac'`);
    await queryRunner.query(`ALTER TABLE "units" ADD COLUMN "cluster_id" varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE "units" ADD COLUMN "dissolved_on" varchar(10) NULL`);
    await queryRunner.query(`ALTER TABLE "units" ADD COLUMN "successor_id" varchar(36) NULL`);
    await queryRunner.query(
      `UPDATE "units" SET "type" = CASE
         WHEN "name" LIKE 'Sở %' OR "name" LIKE 'Ban %' OR "name" LIKE 'Văn phòng %' OR "name" LIKE 'Thanh tra %' THEN 'so_ban_nganh'
         WHEN "name" LIKE 'Xã %' THEN 'xa'
         WHEN "name" LIKE 'Phường %' THEN 'phuong'
         WHEN "name" LIKE 'Đặc khu %' THEN 'dac_khu'
         WHEN "name" LIKE 'Huyện %' OR "name" LIKE 'Quận %' OR "name" LIKE 'Thị xã %' OR "name" LIKE 'Thành phố %' THEN 'huyen_cu'
         ELSE 'khac' END`,
    );
    await queryRunner.createTable(
      new Table({
        name: 'unit_changes',
        columns: [
          { name: 'unit_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'effective_from', type: 'varchar', length: '10' },
          { name: 'document_ref', type: 'varchar', length: '100' },
          { name: 'document_issued_at', type: 'varchar', length: '10' },
          { name: 'document_kind', type: 'varchar', length: '100', isNullable: true },
          { name: 'name', type: 'varchar', length: '500', isNullable: true },
          { name: 'previous_name', type: 'varchar', length: '500', isNullable: true },
          { name: 'successor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'type', type: 'varchar', length: '20', isNullable: true },
          { name: 'previous_type', type: 'varchar', length: '20', isNullable: true },
          { name: 'cluster_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'previous_cluster_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'recorded_at', type: 'varchar', length: '30' },
          { name: 'recorded_by', type: 'varchar', length: '200' },
        ],
        indices: [new TableIndex({ name: 'ix_unit_changes_successor', columnNames: ['successor_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('unit_changes');
    for (const column of ['successor_id', 'dissolved_on', 'cluster_id', 'type']) {
      await queryRunner.query(`ALTER TABLE "units" DROP COLUMN "${column}"`);
    }
    await queryRunner.dropTable('clusters');
  }
}
