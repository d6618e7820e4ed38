import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The heads each checkpoint was made from, one row a proposal, kept beside it so that a later verify can name
 * every proposal that differs (docs/audit.md). They carry no signature of their own: the checkpoint's signed
 * Merkle root says whether they may be believed. Checkpoints made before this table have no rows here.
 */
export class AuditCheckpointHeads1765000000000 implements MigrationInterface {
  name = 'AuditCheckpointHeads1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_checkpoint_heads',
        columns: [
          { name: 'checkpoint_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'proposal_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'integer' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_checkpoint_heads');
  }
}
