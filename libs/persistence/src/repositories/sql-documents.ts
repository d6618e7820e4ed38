import type { Actor } from '#kernel';
import type { DocumentRecord } from '#proposals';
import type { SqlSession } from './sql-transaction-runner.js';

interface DocumentRow {
  id: string;
  proposal_id: string;
  seq: number | string;
  kind: DocumentRecord['kind'];
  file_name: string;
  media_type: string;
  /** bigint: PostgreSQL hands it back as text. */
  size: number | string;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
  removed_seq: number | string | null;
  removed_by: string | null;
  removed_at: string | null;
}

const COLUMNS =
  'id, proposal_id, seq, kind, file_name, media_type, size, sha256, uploaded_by, uploaded_at, removed_seq, removed_by, removed_at';

const toDocument = (row: DocumentRow): DocumentRecord => ({
  id: row.id,
  proposalId: row.proposal_id,
  seq: Number(row.seq),
  kind: row.kind,
  fileName: row.file_name,
  mediaType: row.media_type,
  size: Number(row.size),
  sha256: row.sha256,
  uploadedBy: JSON.parse(row.uploaded_by) as Actor,
  uploadedAt: row.uploaded_at,
  removedSeq: row.removed_seq === null ? null : Number(row.removed_seq),
  removedBy: row.removed_by === null ? null : (JSON.parse(row.removed_by) as Actor),
  removedAt: row.removed_at,
});

/** The SQL of the dossier's documents, shared by the write transaction and the reads outside it. */
export const sqlDocuments = {
  async list(db: SqlSession, proposalId: string, includeRemoved: boolean): Promise<DocumentRecord[]> {
    const live = includeRemoved ? '' : ' AND removed_at IS NULL';
    const rows = await db.rows<DocumentRow>(
      `SELECT ${COLUMNS} FROM proposal_documents WHERE proposal_id = ?${live} ORDER BY seq`,
      [proposalId],
    );
    return rows.map(toDocument);
  },

  async one(db: SqlSession, proposalId: string, documentId: string): Promise<DocumentRecord | null> {
    const [row] = await db.rows<DocumentRow>(`SELECT ${COLUMNS} FROM proposal_documents WHERE proposal_id = ? AND id = ?`, [
      proposalId,
      documentId,
    ]);
    return row ? toDocument(row) : null;
  },

  async insert(db: SqlSession, d: DocumentRecord): Promise<void> {
    await db.run(
      `INSERT INTO proposal_documents (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.id, d.proposalId, d.seq, d.kind, d.fileName, d.mediaType, d.size, d.sha256, JSON.stringify(d.uploadedBy), d.uploadedAt, null, null, null],
    );
  },

  async markRemoved(db: SqlSession, d: DocumentRecord, removedSeq: number, removedBy: Actor, removedAt: string): Promise<boolean> {
    const changed = await db.run(
      'UPDATE proposal_documents SET removed_seq = ?, removed_by = ?, removed_at = ? WHERE id = ? AND proposal_id = ? AND removed_at IS NULL',
      [removedSeq, JSON.stringify(removedBy), removedAt, d.id, d.proposalId],
    );
    return changed === 1;
  },
};
