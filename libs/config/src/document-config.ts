import { dirname, join, resolve } from 'node:path';

/** The dossier's documents (docs/documents.md, docs/operations.md). */
export interface DocumentConfig {
  /**
   * Where the bytes live: `files` under {@link directory}, or `database` (inside the SQL database, so that API
   * processes on several machines share them with no file server). Default: files on SQLite, the database on
   * PostgreSQL.
   */
  storage: 'files' | 'database';
  /** The documents folder (`files`). */
  directory: string;
  /**
   * Where uploads wait while they are received and inspected: inside {@link directory}, so that taking one into
   * the file store is a rename on the same disk.
   */
  stagingDirectory: string;
  /** The largest upload accepted, in bytes; a larger one is refused with 413 before it is read in full. */
  maxBytes: number;
  /** HS-1 … HS-4: whether a step waits for its documents. Off only while a province still accepts paper dossiers. */
  required: boolean;
}

type Env = Record<string, string | undefined>;
type DatabaseLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres' };

export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export function parseDocumentConfig(env: Env, database: DatabaseLocation | null, problems: string[]): DocumentConfig {
  const storage = (env.DOCUMENT_STORAGE || (database?.kind === 'postgres' ? 'database' : 'files')).toLowerCase();
  if (storage !== 'files' && storage !== 'database') {
    problems.push(`DOCUMENT_STORAGE "${env.DOCUMENT_STORAGE}" must be files or database`);
  }
  const beside = database?.kind === 'sqlite' ? join(dirname(database.path), 'documents') : './data/documents';
  const directory = resolve(env.DOCUMENTS_DIR || beside);

  const rawMax = env.DOCUMENT_MAX_BYTES;
  const maxBytes = rawMax === undefined || rawMax === '' ? DEFAULT_DOCUMENT_MAX_BYTES : Number(rawMax);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    problems.push(`DOCUMENT_MAX_BYTES "${rawMax}" must be a whole number of bytes, 1 or more (default ${DEFAULT_DOCUMENT_MAX_BYTES}, 20 MB)`);
  }

  const rawRequired = (env.REQUIRED_DOCUMENTS ?? 'true').toLowerCase();
  if (!['true', 'false'].includes(rawRequired)) problems.push(`REQUIRED_DOCUMENTS "${env.REQUIRED_DOCUMENTS}" must be true or false`);

  return {
    storage: storage as DocumentConfig['storage'],
    directory,
    stagingDirectory: join(directory, '.staging'),
    maxBytes,
    required: rawRequired !== 'false',
  };
}
