import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const instant = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '30', isNullable });

/**
 * The dossier's documents (docs/documents.md).
 * - `proposal_documents`: one row a document, written in the same transaction as the DOCUMENT_ATTACHED event
 *   that seals it; a removal stamps the row (and logs DOCUMENT_REMOVED) but never deletes it, because the log
 *   keeps that the document existed.
 * - `document_blobs` and `document_blob_chunks`: the bytes, by SHA-256, for deployments that keep them in the
 *   database (PostgreSQL by default) so that every API process on every machine reads the same files. Chunks
 *   keep each row small enough to stream; a file stored on disk never touches these tables.
 */
export class DossierDocuments1764900000000 implements MigrationInterface {
  name = 'DossierDocuments1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const bytes = queryRunner.connection.options.type === 'postgres' ? 'bytea' : 'blob';
    await queryRunner.createTable(
      new Table({
        name: 'proposal_documents',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'proposal_id', type: 'varchar', length: '36' },
          { name: 'seq', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'file_name', type: 'varchar', length: '400' },
          { name: 'media_type', type: 'varchar', length: '100' },
          { name: 'size', type: 'bigint' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'uploaded_by', type: 'text' },
          instant('uploaded_at'),
          { name: 'removed_seq', type: 'integer', isNullable: true },
          { name: 'removed_by', type: 'text', isNullable: true },
          instant('removed_at', true),
        ],
        indices: [new TableIndex({ name: 'ix_proposal_documents_proposal', columnNames: ['proposal_id', 'seq'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'document_blobs',
        columns: [
          { name: 'sha256', type: 'varchar', length: '64', isPrimary: true },
          { name: 'size', type: 'bigint' },
          { name: 'chunks', type: 'integer' },
          instant('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'document_blob_chunks',
        columns: [
          { name: 'sha256', type: 'varchar', length: '64', isPrimary: true },
          { name: 'n', type: 'integer', isPrimary: true },
          { name: 'bytes', type: bytes },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('document_blob_chunks');
    await queryRunner.dropTable('document_blobs');
    await queryRunner.dropTable('proposal_documents');
  }
}
