import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const instant = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '30', isNullable });
const day = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '10', isNullable });

/**
 * The registry of nominees (docs/architecture.md, "People and their awards"; docs/rules.md, ND-1 and ND-3).
 * - `people`: every person or collective a proposal names. `name_key` is the name folded by foldVietnamese
 *   (lower case, no tone marks, đ as d), so that "nguyen van an" finds "Nguyễn Văn An" on both databases
 *   without a collation of their own; lists page in (name_key, id) order.
 * - `person_proposals`: which person a proposal names, one row a proposal, written in the same transaction as
 *   the CREATED (or nominee-changing UPDATE) line. The person's award history is read from the proposals through
 *   it; the `proposals` table itself is not touched.
 *   WITHOUT ROWID on SQLite (ignored on PostgreSQL): the link is then one B-tree keyed by proposal_id instead of a
 *   rowid table plus its primary-key index, about half a WAL page fewer per create (`npm run bench:write-volume`
 *   counts the WAL pages per table). `people` stays a rowid table: its random UUID key would split pages as
 *   often as the index it saves.
 * - `person_restrictions`: the matters of Decree 152/2025/NĐ-CP Art. 4 recorded against a person, each with the
 *   document it stands on and who recorded it, closed (never deleted) by a closing document.
 */
export class PeopleRegistry1765300000000 implements MigrationInterface {
  name = 'PeopleRegistry1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'people',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'type', type: 'varchar', length: '20' },
          { name: 'name', type: 'varchar', length: '300' },
          { name: 'name_key', type: 'varchar', length: '300' },
          { name: 'birth_year', type: 'integer', isNullable: true },
          { name: 'gender', type: 'varchar', length: '10', isNullable: true },
          { name: 'title', type: 'varchar', length: '200', isNullable: true },
          { name: 'workplace', type: 'varchar', length: '300', isNullable: true },
          { name: 'unit_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_by', type: 'text' },
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_people_name_key', columnNames: ['name_key', 'id'] }),
          new TableIndex({ name: 'ix_people_unit_name_key', columnNames: ['unit_id', 'name_key', 'id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'person_proposals',
        withoutRowid: true,
        columns: [
          { name: 'proposal_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'person_id', type: 'varchar', length: '36' },
          instant('linked_at'),
        ],
        indices: [new TableIndex({ name: 'ix_person_proposals_person', columnNames: ['person_id', 'proposal_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'person_restrictions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'person_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '30' },
          day('from_date'),
          day('ends_on', true),
          { name: 'document', type: 'text' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'recorded_by', type: 'text' },
          instant('recorded_at'),
          day('closed_on', true),
          { name: 'closing_document', type: 'text', isNullable: true },
          { name: 'closed_by', type: 'text', isNullable: true },
          instant('closed_at', true),
        ],
        indices: [new TableIndex({ name: 'ix_person_restrictions_person', columnNames: ['person_id', 'recorded_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('person_restrictions');
    await queryRunner.dropTable('person_proposals');
    await queryRunner.dropTable('people');
  }
}
