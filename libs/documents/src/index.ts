/**
 * The dossier's documents: what they are, how an upload is received and judged, and where the bytes live.
 * Framework-free; the SQL store is libs/persistence's, the HTTP edge apps/api's.
 */
export * from './document.types.js';
export * from './ports/blob-store.js';
export * from './adapters/file-blob.store.js';
export * from './content/index.js';
