import { createReadStream } from 'node:fs';
import { chmod, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { StagedFile } from '../document.types.js';
import { BlobStore } from '../ports/blob-store.js';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Documents as files under the data folder: `<root>/ab/cd/<sha256>`, two levels of fan-out so that no folder
 * holds more than a few thousand entries. The staged file is renamed into place (same file system: uploads are
 * staged under the same root, see DocumentConfig), so a crash never leaves half a document under a real hash.
 */
export class FileBlobStore extends BlobStore {
  constructor(private readonly root: string) {
    super();
  }

  async put(file: StagedFile, _at: string): Promise<void> {
    const target = this.pathOf(file.sha256);
    if (await exists(target)) {
      await unlink(file.path).catch(() => undefined);
      return;
    }
    await mkdir(join(target, '..'), { recursive: true });
    await rename(file.path, target);
    // Stored documents are evidence: nothing in this process should ever write to one again.
    await chmod(target, 0o444);
  }

  async open(sha256: string): Promise<Readable | null> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) return null;
    return createReadStream(path, { highWaterMark: 256 * 1024 });
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new RangeError(`not a SHA-256 in hex: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
