import type { Readable } from 'node:stream';
import type { StagedFile } from '../document.types.js';

/**
 * The bytes of the dossier's documents, addressed by their SHA-256 (docs/documents.md). Content addressing
 * makes a put idempotent (the same scan uploaded twice is stored once) and lets verify notice a swapped file:
 * the log seals the hash, the store must still hand back bytes with that hash.
 * Nothing is ever deleted through this port: removing a document from a dossier is an event, not an erasure.
 */
export abstract class BlobStore {
  /** Takes a fully received, inspected file in under its hash, at `at` (the command's time). The staged file is consumed either way. */
  abstract put(file: StagedFile, at: string): Promise<void>;
  /** The bytes, streamed; null when the store has nothing under that hash. */
  abstract open(sha256: string): Promise<Readable | null>;
}
