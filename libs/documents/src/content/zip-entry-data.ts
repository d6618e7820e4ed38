import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { DomainError } from '#kernel';
import type { ZipEntry } from './zip-central-directory.js';
import { readExactly } from './zip-central-directory.js';
import { unsafeArchive } from './content-errors.js';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;
/** Compressed bytes are read and fed to the inflater this many at a time. */
const READ_CHUNK = 64 * 1024;

/** Where an entry's compressed bytes are, once its local header has been checked against the central directory. */
export interface LocatedEntry extends ZipEntry {
  dataStart: number;
  dataEnd: number;
}

/**
 * Finds an entry's data behind its local header, and refuses a local header that tells another story than the
 * central directory (another name, another method, encryption): some readers trust one, some the other.
 */
export async function locateEntry(handle: FileHandle, entry: ZipEntry, dataLimit: number): Promise<LocatedEntry> {
  if (entry.localHeaderOffset + LOCAL_HEADER_SIZE > dataLimit) throw unsafeArchive('corrupt', 'An entry lies outside the archive');
  const header = await readExactly(handle, entry.localHeaderOffset, LOCAL_HEADER_SIZE);
  if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) throw unsafeArchive('corrupt', 'An entry header is damaged');
  const flags = header.readUInt16LE(6);
  const method = header.readUInt16LE(8);
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const dataStart = entry.localHeaderOffset + LOCAL_HEADER_SIZE + nameLength + extraLength;
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > dataLimit) throw unsafeArchive('corrupt', 'An entry lies outside the archive');
  const name = await readExactly(handle, entry.localHeaderOffset + LOCAL_HEADER_SIZE, nameLength);
  const expectedName = Buffer.from(entry.name, entry.flags & 0x0800 ? 'utf8' : 'latin1');
  if (method !== entry.method || (flags & 0x0001) !== (entry.flags & 0x0001) || !name.equals(expectedName)) {
    throw unsafeArchive('corrupt', 'An entry header disagrees with the central directory');
  }
  return { ...entry, dataStart, dataEnd };
}

/**
 * Inflates an entry for real and checks it against its declared size and CRC-32. Output past `limit` bytes (the
 * declared size, or less if the archive's budget is nearly spent) stops the inflater at once: a header that lies
 * about the size is caught after one chunk of output, not after the gigabytes it hides. Only what is `kept` stays
 * in memory; the rest is counted and dropped.
 */
export async function inflateEntry(handle: FileHandle, entry: LocatedEntry, limit: number, keep = false): Promise<Buffer | undefined> {
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATED) {
    throw unsafeArchive('unsupported_method', `The archive uses a compression method (${entry.method}) Office does not write`);
  }
  if (entry.method === METHOD_STORED && entry.compressedSize !== entry.uncompressedSize) {
    throw unsafeArchive('corrupt', 'A stored entry declares two different sizes');
  }
  let produced = 0;
  let checksum = 0;
  const kept: Buffer[] = [];
  const consume = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of chunks) {
      produced += chunk.length;
      if (produced > limit) {
        throw unsafeArchive('size_mismatch', `The entry ${JSON.stringify(entry.name)} inflates beyond the size it declares`);
      }
      checksum = crc32(chunk, checksum);
      if (keep) kept.push(chunk);
    }
  };
  const compressed = readRange(handle, entry.dataStart, entry.compressedSize);
  try {
    if (entry.method === METHOD_STORED) await pipeline(compressed, consume);
    else await pipeline(compressed, createInflateRaw(), consume);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // zlib's own words (invalid distance, unexpected end of file) mean damaged or forged data.
    throw unsafeArchive('corrupt', `The entry ${JSON.stringify(entry.name)} cannot be decompressed`);
  }
  if (produced !== entry.uncompressedSize) {
    throw unsafeArchive('size_mismatch', `The entry ${JSON.stringify(entry.name)} is not the size it declares`);
  }
  if (checksum !== entry.crc32) throw unsafeArchive('crc_mismatch', `The entry ${JSON.stringify(entry.name)} fails its checksum`);
  return keep ? Buffer.concat(kept) : undefined;
}

async function* readRange(handle: FileHandle, start: number, length: number): AsyncGenerator<Buffer> {
  for (let done = 0; done < length; ) {
    const chunk = await readExactly(handle, start + done, Math.min(READ_CHUNK, length - done));
    done += chunk.length;
    yield chunk;
  }
}
