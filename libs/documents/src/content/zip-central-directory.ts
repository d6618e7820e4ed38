import type { FileHandle } from 'node:fs/promises';
import { unsafeArchive } from './content-errors.js';

/** One entry of a ZIP archive, as its central directory describes it (APPNOTE.TXT, section 4.3.12). */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface CentralDirectory {
  entries: ZipEntry[];
  /** Where the directory starts: every entry's data must end before it. */
  offset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const MAX_COMMENT = 0xffff;
/** A 16- or 32-bit field saturated to this value means "look in the ZIP64 record". */
const ZIP64_MARK_16 = 0xffff;
const ZIP64_MARK_32 = 0xffffffff;
const ZIP64_EXTRA_ID = 0x0001;
/** Bits 0 (encrypted), 6 (strong encryption) and 13 (encrypted central directory) of the general purpose flags. */
const ENCRYPTION_FLAGS = 0x0001 | 0x0040 | 0x2000;
/** Bit 11: the name is UTF-8; otherwise it is CP437, which is ASCII for every name that matters here. */
const UTF8_FLAG = 0x0800;

/** Reads exactly `length` bytes at `position`, or calls the archive truncated. */
export async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw unsafeArchive('corrupt', 'The archive is truncated');
    done += bytesRead;
  }
  return buffer;
}

/**
 * Lists the entries of the ZIP archive in an open file from its End Of Central Directory record and central
 * directory, the way Word itself reads a DOCX (the local headers are only trusted where they agree). Refuses what
 * a careful reader should not guess at: ZIP64, split archives, encryption, more than `maxEntries` entries.
 * Reads the tail of the file and the central directory, never the entries' data.
 */
export async function readCentralDirectory(handle: FileHandle, fileSize: number, maxEntries: number): Promise<CentralDirectory> {
  if (fileSize < EOCD_SIZE) throw unsafeArchive('corrupt', 'The archive is truncated');
  const tailLength = Math.min(fileSize, EOCD_SIZE + MAX_COMMENT);
  const tailStart = fileSize - tailLength;
  const tail = await readExactly(handle, tailStart, tailLength);

  // The record sits before a comment of up to 64 KiB; the right one is the one whose comment ends the file exactly
  // (a comment can itself contain the signature's bytes).
  let eocd = -1;
  for (let at = tailLength - EOCD_SIZE; at >= 0; at--) {
    if (tail.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + tail.readUInt16LE(at + 20) === tailLength) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw unsafeArchive('corrupt', 'The archive has no end of central directory record');

  const diskNumber = tail.readUInt16LE(eocd + 4);
  const directoryDisk = tail.readUInt16LE(eocd + 6);
  const entriesOnDisk = tail.readUInt16LE(eocd + 8);
  const entryCount = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  const zip64Locator = eocd >= ZIP64_LOCATOR_SIZE && tail.readUInt32LE(eocd - ZIP64_LOCATOR_SIZE) === ZIP64_LOCATOR_SIGNATURE;
  if (
    zip64Locator ||
    entryCount === ZIP64_MARK_16 ||
    entriesOnDisk === ZIP64_MARK_16 ||
    directorySize === ZIP64_MARK_32 ||
    directoryOffset === ZIP64_MARK_32
  ) {
    throw unsafeArchive('zip64', 'ZIP64 archives are not accepted');
  }
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw unsafeArchive('corrupt', 'Split (multi-volume) archives are not accepted');
  }
  // Refused before a single entry is parsed: the count is the attacker's to choose.
  if (entryCount > maxEntries) {
    throw unsafeArchive('too_many_entries', `The archive has ${entryCount} entries; at most ${maxEntries} are accepted`);
  }
  const eocdOffset = tailStart + eocd;
  if (directoryOffset + directorySize > eocdOffset) {
    throw unsafeArchive('corrupt', 'The central directory lies outside the archive');
  }

  const directory = await readExactly(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < entryCount; index++) {
    if (at + CENTRAL_HEADER_SIZE > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) {
      throw unsafeArchive('corrupt', 'The central directory is damaged');
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const end = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (end > directory.length) throw unsafeArchive('corrupt', 'The central directory is damaged');

    const entry: ZipEntry = {
      name: directory.toString(flags & UTF8_FLAG ? 'utf8' : 'latin1', at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength),
      flags,
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    const startDisk = directory.readUInt16LE(at + 34);
    const extraStart = at + CENTRAL_HEADER_SIZE + nameLength;
    if (
      entry.compressedSize === ZIP64_MARK_32 ||
      entry.uncompressedSize === ZIP64_MARK_32 ||
      entry.localHeaderOffset === ZIP64_MARK_32 ||
      startDisk === ZIP64_MARK_16 ||
      hasExtraField(directory.subarray(extraStart, extraStart + extraLength), ZIP64_EXTRA_ID)
    ) {
      throw unsafeArchive('zip64', 'ZIP64 archives are not accepted');
    }
    if (flags & ENCRYPTION_FLAGS) throw unsafeArchive('encrypted', 'Encrypted archives are not accepted');
    entries.push(entry);
    at = end;
  }
  // Bytes left over in the directory are entries the count does not admit to: a reader that scans would see them.
  if (at !== directory.length) throw unsafeArchive('corrupt', 'The central directory does not match its entry count');
  return { entries, offset: directoryOffset };
}

function hasExtraField(extra: Buffer, id: number): boolean {
  let at = 0;
  while (at + 4 <= extra.length) {
    if (extra.readUInt16LE(at) === id) return true;
    at += 4 + extra.readUInt16LE(at + 2);
  }
  return false;
}
