import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const instant = (name: string) => ({ name, type: 'varchar', length: '30' });

/**
 * Signed checkpoints of the event log: each row is a Merkle root over every event before `up_to`, signed with
 * Ed25519. The public key is kept on the row so that a checkpoint can still be checked after the key rotates.
 */
export class AuditCheckpoints1764700000000 implements MigrationInterface {
  name = 'AuditCheckpoints1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_checkpoints',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          instant('up_to'),
          { name: 'proposals', type: 'integer' },
          { name: 'events', type: 'integer' },
          { name: 'merkle_root', type: 'varchar', length: '128' },
          { name: 'algorithm', type: 'varchar', length: '20' },
          { name: 'public_key', type: 'text' },
          { name: 'signature', type: 'text' },
          instant('created_at'),
        ],
        indices: [new TableIndex({ name: 'ix_audit_checkpoints_created', columnNames: ['created_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_checkpoints');
  }
}
