import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foldVietnamese } from '#kernel';

const BATCH = 500;

/**
 * The inbox searches proposals by the nominee's name as officials type it, with or without diacritics
 * ("nguyen van an" finds "Nguyễn Văn An", docs/operations.md "The inbox's two parts"). The name lives in the snapshot's JSON;
 * this column keeps its folded key (foldVietnamese) beside it, written by the repository whenever the name is,
 * so that a search is one `LIKE` on a plain column in both databases. No index: a search for a part of a name
 * (`%…%`) cannot use one, and every index is a page more for each transition to write (docs/operations.md).
 * Existing rows are backfilled from their snapshots, a batch at a time in id order.
 */
export class ProposalNameSearch1765250000000 implements MigrationInterface {
  name = 'ProposalNameSearch1765250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'proposals',
      new TableColumn({ name: 'nominee_name_folded', type: 'varchar', length: '500', isNullable: false, default: "''" }),
    );
    const postgres = queryRunner.connection.options.type === 'postgres';
    const select = postgres
      ? 'SELECT id, snapshot FROM proposals WHERE id > $1 ORDER BY id LIMIT $2'
      : 'SELECT id, snapshot FROM proposals WHERE id > ? ORDER BY id LIMIT ?';
    const update = postgres ? 'UPDATE proposals SET nominee_name_folded = $1 WHERE id = $2' : 'UPDATE proposals SET nominee_name_folded = ? WHERE id = ?';
    let after = '';
    for (;;) {
      const rows: { id: string; snapshot: string }[] = await queryRunner.query(select, [after, BATCH]);
      if (rows.length === 0) break;
      for (const row of rows) {
        const name = (JSON.parse(row.snapshot) as { context?: { nominee?: { name?: unknown } } }).context?.nominee?.name;
        await queryRunner.query(update, [typeof name === 'string' ? foldVietnamese(name) : '', row.id]);
      }
      after = rows[rows.length - 1].id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('proposals', 'nominee_name_folded');
  }
}
