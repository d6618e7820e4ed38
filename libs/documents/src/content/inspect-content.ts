import { open } from 'node:fs/promises';
import { DomainError } from '#kernel';
import { DOCUMENT_MEDIA_TYPES, type DocumentFormat, type InspectedContent } from '../document.types.js';
import { unsupportedMediaType } from './content-errors.js';
import { checkDocxPackage, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_INFLATED_BYTES } from './docx-package.js';

export interface InspectContentOptions {
  /** What a DOCX's entries may inflate to in total; 100 MiB unless said otherwise. */
  maxInflatedBytes?: number;
  /** How many entries a DOCX may hold; 2,000 unless said otherwise. */
  maxEntries?: number;
}

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
/** A local file header, or the end record of an empty archive. */
const ZIP = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];
/** The Compound File (OLE2) header of Office 97–2003 files: .doc, .xls, .ppt. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Says what a staged file is from its bytes alone. The name and the client's Content-Type are the sender's word,
 * and an executable renamed "to-trinh.pdf" says the same as a real one (docs/documents.md). A DOCX is also opened
 * and inflated once, within limits (see checkDocxPackage), because a ZIP header proves nothing about what is inside.
 */
export async function inspectContent(path: string, options: InspectContentOptions = {}): Promise<InspectedContent> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) {
      throw new DomainError('VALIDATION_FAILED', 'The file is empty', { errors: [{ field: 'file', message: 'the file is empty' }] });
    }
    const head = Buffer.alloc(Math.min(size, 8));
    await handle.read(head, 0, head.length, 0);
    const startsWith = (signature: Buffer) => head.length >= signature.length && head.subarray(0, signature.length).equals(signature);

    if (startsWith(PDF)) return found('pdf');
    if (startsWith(PNG)) return found('png');
    if (startsWith(JPEG)) return found('jpeg');
    if (ZIP.some(startsWith)) {
      await checkDocxPackage(handle, size, {
        maxInflatedBytes: options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES,
        maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
      });
      return found('docx');
    }
    if (startsWith(OLE)) {
      throw unsupportedMediaType('The file is an old-format Office document (.doc, .xls); save it as DOCX or PDF and upload it again');
    }
    throw unsupportedMediaType('The file is not a PDF, DOCX, JPEG or PNG document, whatever its name says');
  } finally {
    await handle.close();
  }
}

const found = (format: DocumentFormat): InspectedContent => ({ format, mediaType: DOCUMENT_MEDIA_TYPES[format] });
