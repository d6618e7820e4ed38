import type { FileHandle } from 'node:fs/promises';
import { unsafeArchive, unsupportedMediaType } from './content-errors.js';
import { readCentralDirectory, type ZipEntry } from './zip-central-directory.js';
import { inflateEntry, locateEntry, type LocatedEntry } from './zip-entry-data.js';

export interface ArchiveLimits {
  /** What all the entries together may inflate to. */
  maxInflatedBytes: number;
  maxEntries: number;
}

/** A DOCX of a few hundred pages with its photos inflates to a few tens of MiB; 100 MiB leaves room and stops bombs. */
export const DEFAULT_MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** Word writes a dozen parts, plus one per image; thousands of entries is a parser-exhaustion attempt. */
export const DEFAULT_MAX_ENTRIES = 2_000;
/** Text and XML deflate 5 to 20 times; only crafted runs of one byte go past 100. */
const MAX_RATIO = 100;
/** Small parts (a styles.xml full of repeated attributes) may compress better than that; they cost nothing. */
const RATIO_CHECKED_ABOVE = 1024 * 1024;
/** [Content_Types].xml is read into memory to be parsed; a real one is a few KiB. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

const CONTENT_TYPES_PART = '[Content_Types].xml';
const MAIN_PART = 'word/document.xml';
/** ECMA-376 Part 1: the main document part of a (macro-free, non-template) WordprocessingML document. */
const DOCX_MAIN_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/**
 * Accepts the ZIP archive in an open file as a DOCX only if it is a WordprocessingML package (ECMA-376 Part 2, the
 * Open Packaging Conventions) that is safe to hand to a reader: every entry is inflated once here, within a budget,
 * so whatever opens it later (a preview, an antivirus, the clerk's Word) meets exactly the sizes it declares.
 * Throws UNSUPPORTED_MEDIA_TYPE for an archive that is something else (an .xlsx, a .docm, a plain zip) and
 * UNSAFE_ARCHIVE for one that is damaged, forged or a bomb.
 */
export async function checkDocxPackage(handle: FileHandle, fileSize: number, limits: ArchiveLimits): Promise<void> {
  const directory = await readCentralDirectory(handle, fileSize, limits.maxEntries);
  const byName = new Map<string, ZipEntry>();
  for (const entry of directory.entries) {
    // OPC part names compare case-insensitively (ECMA-376 Part 2): two spellings of one name would be two documents.
    const key = entry.name.toLowerCase();
    if (byName.has(key)) throw unsafeArchive('duplicate', `The archive holds ${JSON.stringify(entry.name)} twice`);
    byName.set(key, entry);
  }
  if (!byName.has(CONTENT_TYPES_PART.toLowerCase()) || !byName.has(MAIN_PART)) {
    throw unsupportedMediaType('The file is a ZIP archive but not a Word document (DOCX)');
  }

  // The declared sizes first: an honest bomb is refused before a byte is inflated.
  const declaredTotal = directory.entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
  if (declaredTotal > limits.maxInflatedBytes) {
    throw unsafeArchive('too_large', `The document would inflate to more than ${limits.maxInflatedBytes} bytes`);
  }
  for (const entry of directory.entries) {
    if (entry.uncompressedSize > RATIO_CHECKED_ABOVE && entry.uncompressedSize > MAX_RATIO * entry.compressedSize) {
      throw unsafeArchive('ratio', `The entry ${JSON.stringify(entry.name)} declares a compression ratio over ${MAX_RATIO}:1`);
    }
  }

  const located: LocatedEntry[] = [];
  for (const entry of directory.entries) located.push(await locateEntry(handle, entry, directory.offset));
  // Entries that share bytes are how a small archive declares a huge total honestly entry by entry (the
  // "non-recursive" zip bomb) and how two readers are shown two documents; a real package never does it.
  const inFileOrder = [...located].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let index = 1; index < inFileOrder.length; index++) {
    if (inFileOrder[index].localHeaderOffset < inFileOrder[index - 1].dataEnd) {
      throw unsafeArchive('overlap', 'Entries of the archive overlap');
    }
  }

  // Then the truth: every entry inflated, each capped at what it declares and all at the budget.
  let remaining = limits.maxInflatedBytes;
  let contentTypes: Buffer | undefined;
  for (const entry of inFileOrder) {
    const isContentTypes = entry.name.toLowerCase() === CONTENT_TYPES_PART.toLowerCase();
    if (isContentTypes && entry.uncompressedSize > MAX_CONTENT_TYPES_BYTES) {
      throw unsafeArchive('too_large', 'The package\'s content types part is too large');
    }
    const output = await inflateEntry(handle, entry, Math.min(entry.uncompressedSize, remaining), isContentTypes);
    remaining -= entry.uncompressedSize;
    if (isContentTypes) contentTypes = output;
  }

  if (contentTypeOf(decodeXml(contentTypes ?? Buffer.alloc(0)), `/${MAIN_PART}`) !== DOCX_MAIN_CONTENT_TYPE) {
    // A .docm (macros), a .dotx (a template) or a package that only borrows the names.
    throw unsupportedMediaType(
      'The file is an Office package but not a plain Word document (DOCX); macro-enabled documents are not accepted',
    );
  }
}

/** Office writes UTF-8; XML also allows UTF-16, recognised by its byte order mark. */
function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // swap16 wants an even length; a dangling last byte is not a character anyway.
    return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
  }
  return bytes.toString('utf8');
}

/**
 * The content type [Content_Types].xml gives a part: its Override, else the Default for its extension
 * (ECMA-376 Part 2). A regular expression suffices: the part is small, flat, and attribute values
 * hold no markup.
 */
function contentTypeOf(xml: string, partName: string): string | undefined {
  const extension = partName.slice(partName.lastIndexOf('.') + 1).toLowerCase();
  let byDefault: string | undefined;
  for (const element of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(Override|Default)\b([^>]*)>/g)) {
    const attributes = new Map<string, string>();
    for (const attribute of element[2].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes.set(attribute[1], (attribute[2] ?? attribute[3]).trim());
    }
    const contentType = attributes.get('ContentType');
    if (element[1] === 'Override' && attributes.get('PartName')?.toLowerCase() === partName.toLowerCase()) return contentType;
    if (element[1] === 'Default' && attributes.get('Extension')?.toLowerCase() === extension) byDefault = contentType;
  }
  return byDefault;
}
