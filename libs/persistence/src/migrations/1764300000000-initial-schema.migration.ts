import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36', isPrimary: true });
const instant = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '30', isNullable });
const day = (name: string) => ({ name, type: 'varchar', length: '10', isNullable: true });
const json = (name: string, isNullable = false) => ({ name, type: 'text', isNullable });

/**
 * The first schema, written with TypeORM's schema API so that one migration runs on SQLite and PostgreSQL.
 * Instants are ISO-8601 UTC strings: they compare in order as text, and read back byte for byte, which the
 * hash chain needs.
 */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'units',
        columns: [
          id(),
          { name: 'code', type: 'varchar', length: '64', isUnique: true },
          { name: 'name', type: 'varchar', length: '500' },
          instant('created_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          id(),
          { name: 'title', type: 'varchar', length: '500' },
          { name: 'round', type: 'varchar', length: '32' },
          json('plan', true),
          day('launched_at'),
          day('final_review_at'),
          json('guidance', true),
          day('ceremony_date'),
          instant('created_at'),
          instant('updated_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'proposals',
        columns: [
          id(),
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'unit_id', type: 'varchar', length: '36' },
          { name: 'campaign_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'award_form', type: 'varchar', length: '40' },
          { name: 'state', type: 'varchar', length: '40' },
          json('snapshot'),
          { name: 'version', type: 'integer' },
          { name: 'machine_version', type: 'integer' },
          { name: 'late', type: 'boolean', default: false },
          { name: 'escalation', type: 'varchar', length: '20' },
          { name: 'last_seq', type: 'integer' },
          { name: 'last_hash', type: 'varchar', length: '64' },
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['unit_id'], referencedTableName: 'units', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['campaign_id'], referencedTableName: 'campaigns', referencedColumnNames: ['id'] }),
        ],
        indices: [
          new TableIndex({ name: 'ix_proposals_created', columnNames: ['created_at', 'id'] }),
          new TableIndex({ name: 'ix_proposals_state', columnNames: ['state', 'created_at'] }),
          new TableIndex({ name: 'ix_proposals_unit_state', columnNames: ['unit_id', 'state'] }),
          new TableIndex({ name: 'ix_proposals_campaign', columnNames: ['campaign_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'proposal_events',
        columns: [
          { name: 'proposal_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'type', type: 'varchar', length: '40' },
          json('actor'),
          instant('at'),
          json('payload'),
          { name: 'machine_version', type: 'integer' },
          { name: 'state', type: 'varchar', length: '40' },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['proposal_id'], referencedTableName: 'proposals', referencedColumnNames: ['id'] }),
        ],
        indices: [new TableIndex({ name: 'ix_proposal_events_at', columnNames: ['at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'topic', type: 'varchar', length: '100' },
          { name: 'message_key', type: 'varchar', length: '200' },
          json('payload'),
          instant('created_at'),
          instant('relayed_at', true),
        ],
        indices: [new TableIndex({ name: 'ix_outbox_pending', columnNames: ['relayed_at', 'id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { name: 'principal', type: 'varchar', length: '200', isPrimary: true },
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'status', type: 'integer' },
          json('body'),
          instant('created_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'outbox', 'proposal_events', 'proposals', 'campaigns', 'units']) {
      await queryRunner.dropTable(table);
    }
  }
}
