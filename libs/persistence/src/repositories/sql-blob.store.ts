import { open as openFile, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { BlobStore, type StagedFile } from '#documents';
import type { SqlTransactionRunner } from './sql-transaction-runner.js';

/** Small enough that one row never strains a driver's buffers, large enough that a 20 MB scan is 20 rows. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Documents inside the database (docs/documents.md): every API process on every machine reads the same bytes
 * with no file server to run. A file goes in as numbered chunks, read from the staged file one at a time so
 * that it is never whole in memory; its `document_blobs` row is written last, in the same transaction, so a
 * blob is either complete or absent.
 */
export class SqlBlobStore extends BlobStore {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  async put(file: StagedFile, at: string): Promise<void> {
    try {
      const handle = await openFile(file.path, 'r');
      try {
        await this.runner.transaction(async (db) => {
          const [known] = await db.rows<{ sha256: string }>('SELECT sha256 FROM document_blobs WHERE sha256 = ?', [file.sha256]);
          if (known) return;
          const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
          let n = 0;
          for (let position = 0; position < file.size; position += CHUNK_BYTES) {
            const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
            await db.run('INSERT INTO document_blob_chunks (sha256, n, bytes) VALUES (?, ?, ?)', [
              file.sha256,
              n++,
              Buffer.from(buffer.subarray(0, bytesRead)),
            ]);
          }
          await db.run('INSERT INTO document_blobs (sha256, size, chunks, created_at) VALUES (?, ?, ?, ?)', [
            file.sha256,
            file.size,
            n,
            at,
          ]);
        });
      } finally {
        await handle.close();
      }
    } catch (error) {
      // Two processes storing the same bytes at once: the other one got there first, which is all we wanted.
      if (!this.runner.dialect.isUniqueViolation(error)) throw error;
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }

  async open(sha256: string): Promise<Readable | null> {
    const [blob] = await this.runner.read((db) =>
      db.rows<{ chunks: number | string }>('SELECT chunks FROM document_blobs WHERE sha256 = ?', [sha256]),
    );
    if (!blob) return null;
    const chunks = Number(blob.chunks);
    const runner = this.runner;
    return Readable.from(
      (async function* () {
        for (let n = 0; n < chunks; n++) {
          const [row] = await runner.read((db) =>
            db.rows<{ bytes: Buffer | Uint8Array }>('SELECT bytes FROM document_blob_chunks WHERE sha256 = ? AND n = ?', [sha256, n]),
          );
          if (!row) throw new Error(`document ${sha256}: chunk ${n} of ${chunks} is missing`);
          yield Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes);
        }
      })(),
      { objectMode: false },
    );
  }
}
