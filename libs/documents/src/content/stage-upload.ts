import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '#kernel';
import type { StagedFile } from '../document.types.js';

export interface StageUploadOptions {
  /** Where the temporary file goes; created if missing. Keep it on the same disk as the store so a move is a rename. */
  directory: string;
  /** The largest upload accepted, in bytes; one byte more and the upload is refused. */
  maxBytes: number;
}

/**
 * Receives an upload onto local disk before anything else looks at it: the bytes are inspected (never the name or
 * the client's Content-Type, see docs/documents.md) and fingerprinted only once they are all here. The file streams
 * through; an upload of the maximum size costs a few chunks of memory, not its size.
 */
export async function stageUpload(source: Readable, options: StageUploadOptions): Promise<StagedFile> {
  await mkdir(options.directory, { recursive: true });
  // Random, and 'wx': two uploads at the same moment can never write into the same file.
  const path = join(options.directory, `upload-${randomBytes(16).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;

  const meter = new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      // Refused as soon as the limit is crossed, not at the end: a client that keeps sending fills no disk.
      if (size > options.maxBytes) {
        callback(
          new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than the ${options.maxBytes} bytes accepted`, {
            limit: options.maxBytes,
          }),
        );
        return;
      }
      hash.update(bytes);
      callback(null, bytes);
    },
  });
  const sink = createWriteStream(path, { flags: 'wx', mode: 0o600 });

  try {
    await pipeline(source, meter, sink);
  } catch (error) {
    // The pipeline has destroyed the streams; wait for the file to be closed so the unlink is the last word.
    if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()));
    // The refusal (or the stream's own error) is what the caller needs to hear, not a failed clean-up after it.
    await removeIfPresent(path).catch(() => undefined);
    throw error;
  }
  return { path, size, sha256: hash.digest('hex') };
}

/** Deletes a staged file the store did not take (a refused upload, a failed transaction). */
export async function discardStaged(file: StagedFile): Promise<void> {
  await removeIfPresent(file.path);
}

async function removeIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
