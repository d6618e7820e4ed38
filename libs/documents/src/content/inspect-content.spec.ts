import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { DomainError } from '#kernel';
import { DOCUMENT_MEDIA_TYPES } from '../document.types.js';
import {
  buildZip,
  contentTypesXml,
  docxEntries,
  elfExecutable,
  minimalDocx,
  minimalJpeg,
  minimalPdf,
  minimalPng,
  oleDoc,
  plainZip,
  windowsExecutable,
  xlsxShapedZip,
  zipBombDocx,
  type ZipEntryInput,
} from '../test-support/zip-fixtures.js';
import { inspectContent, type InspectContentOptions } from './inspect-content.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'inspect-content-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

let counter = 0;
/** Writes the bytes under the name given (which the inspector must ignore) and inspects them. */
async function inspect(bytes: Buffer, name = 'upload.bin', options?: InspectContentOptions) {
  const path = join(directory, `${++counter}-${name}`);
  await writeFile(path, bytes);
  return inspectContent(path, options);
}

async function refusal(bytes: Buffer, name?: string, options?: InspectContentOptions): Promise<DomainError> {
  const error = await inspect(bytes, name, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const unsafe = async (bytes: Buffer, options?: InspectContentOptions) => {
  const error = await refusal(bytes, 'x.docx', options);
  expect(error.code).toBe('UNSAFE_ARCHIVE');
  return error.details.reason;
};

/** The docx entries with one of them changed. */
const docxWith = (name: string, change: Partial<ZipEntryInput>): ZipEntryInput[] =>
  docxEntries().map((entry) => (entry.name === name ? { ...entry, ...change } : entry));

/** Where each central directory entry's fields sit, by name (APPNOTE.TXT 4.3.12). */
function centralEntryOffset(zip: Buffer, name: string): number {
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 1)) {
    const length = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + length) === name) return at;
  }
  throw new Error(`no central entry ${name}`);
}

describe('content inspection', () => {
  describe('recognises, from the bytes alone,', () => {
    it.each([
      ['a PDF', minimalPdf(), 'pdf'],
      ['a PNG', minimalPng(), 'png'],
      ['a JPEG', minimalJpeg(), 'jpeg'],
      ['a DOCX', minimalDocx(), 'docx'],
    ] as const)('%s, whatever the file is called', async (_, bytes, format) => {
      for (const name of ['document.txt', 'no-extension', 'photo.exe']) {
        expect(await inspect(bytes, name)).toEqual({ format, mediaType: DOCUMENT_MEDIA_TYPES[format] });
      }
    });

    it('a DOCX with an archive comment, even one holding the end record\'s signature', async () => {
      expect((await inspect(minimalDocx('x', { comment: 'PK\u0005\u0006 made by Word' }))).format).toBe('docx');
    });

    it('a DOCX whose entries are stored, not deflated', async () => {
      expect((await inspect(buildZip(docxEntries().map((entry) => ({ ...entry, method: 0 }))))).format).toBe('docx');
    });

    it('a DOCX whose content types part is UTF-16, as XML allows', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(contentTypesXml().replace('UTF-8', 'UTF-16'), 'utf16le')]);
      expect((await inspect(buildZip(docxWith('[Content_Types].xml', { data: utf16 })))).format).toBe('docx');
    });

    it('a DOCX with two thousand entries (the default limit)', async () => {
      const media = Array.from({ length: 1_997 }, (_, index) => ({ name: `word/media/image${index}.png`, data: '', method: 0 }));
      expect((await inspect(buildZip([...docxEntries(), ...media]))).format).toBe('docx');
    });
  });

  describe('refuses as UNSUPPORTED_MEDIA_TYPE', () => {
    const accepted = Object.values(DOCUMENT_MEDIA_TYPES);

    it.each([
      ['a Linux executable named .pdf', elfExecutable(), 'to-trinh.pdf'],
      ['a Windows executable named .pdf', windowsExecutable(), 'to-trinh.pdf'],
      ['plain text named .docx', Buffer.from('Báo cáo thành tích'), 'bao-cao.docx'],
      ['a PDF signature not at the start', Buffer.concat([Buffer.from(' '), minimalPdf()]), 'x.pdf'],
      ['a truncated PNG signature', minimalPng().subarray(0, 5), 'x.png'],
      ['an .xlsx', xlsxShapedZip(), 'bang-tong-hop.xlsx'],
      ['a plain ZIP', plainZip(), 'ho-so.zip'],
      ['an empty ZIP', buildZip([]), 'x.docx'],
      ['a ZIP holding only word/document.xml', buildZip([docxEntries()[2]]), 'x.docx'],
    ])('%s', async (_, bytes, name) => {
      const error = await refusal(bytes, name);
      expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(error.details).toEqual({ accepted });
    });

    it('a legacy .doc, telling the user to save it as DOCX or PDF', async () => {
      const error = await refusal(oleDoc(), 'to-trinh.doc');
      expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(error.message).toMatch(/DOCX or PDF/);
    });

    it('a macro-enabled document (.docm) named .docx', async () => {
      const macroEnabled = contentTypesXml('/word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml');
      const docm = buildZip(docxWith('[Content_Types].xml', { data: macroEnabled }));
      const error = await refusal(docm, 'x.docx');
      expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  it('refuses an empty file as VALIDATION_FAILED', async () => {
    const error = await refusal(Buffer.alloc(0), 'empty.pdf');
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('The file is empty');
    expect(error.details).toEqual({ errors: [{ field: 'file', message: 'the file is empty' }] });
  });

  describe('refuses as UNSAFE_ARCHIVE', () => {
    /** Peak resident memory so far, in bytes (Linux reports kilobytes). */
    const peakMemory = () => process.resourceUsage().maxRSS * 1024;

    it.each([
      ['declared honestly, before inflating anything', true, 'too_large', /more than 104857600 bytes/],
      // Stopped at the cap, not after inflating 200 MiB and comparing: the message says which.
      ['lying about its size, as soon as inflating passes what it declares', false, 'size_mismatch', /beyond the size it declares/],
    ])('a 200 MiB zip bomb %s, quickly and in bounded memory', async (_, declaredHonestly, reason, message) => {
      const bomb = zipBombDocx({ declaredHonestly });
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const memoryBefore = peakMemory();
      const started = performance.now();

      const error = await refusal(bomb, 'bomb.docx');
      expect(error.code).toBe('UNSAFE_ARCHIVE');
      expect(error.details.reason).toBe(reason);
      expect(error.message).toMatch(message);

      expect(performance.now() - started).toBeLessThan(2_000);
      expect(peakMemory() - memoryBefore).toBeLessThan(64 * 1024 * 1024);
    });

    it('an entry over 1 MiB that declares more than 100:1', async () => {
      const spaces = Buffer.alloc(5 * 1024 * 1024, 0x20);
      expect(await unsafe(buildZip([...docxEntries(), { name: 'word/media/blank.bmp', data: spaces }]))).toBe('ratio');
    });

    it('a document over the inflation budget given', async () => {
      expect(await unsafe(minimalDocx(), { maxInflatedBytes: 500 })).toBe('too_large');
      expect((await inspect(minimalDocx(), 'x.docx', { maxInflatedBytes: 2_000 })).format).toBe('docx');
    });

    it('more entries than allowed', async () => {
      const media = Array.from({ length: 1_998 }, (_, index) => ({ name: `word/media/image${index}.png`, data: '', method: 0 }));
      expect(await unsafe(buildZip([...docxEntries(), ...media]))).toBe('too_many_entries');
      expect(await unsafe(minimalDocx(), { maxEntries: 2 })).toBe('too_many_entries');
    });

    it('a ZIP64 archive', async () => {
      const zip64Extra = Buffer.alloc(12);
      zip64Extra.writeUInt16LE(0x0001, 0);
      zip64Extra.writeUInt16LE(8, 2);
      expect(await unsafe(buildZip(docxWith('word/document.xml', { centralExtra: zip64Extra })))).toBe('zip64');

      const saturated = minimalDocx();
      saturated.writeUInt16LE(0xffff, saturated.length - 22 + 10);
      expect(await unsafe(saturated)).toBe('zip64');
    });

    it('an encrypted entry', async () => {
      expect(await unsafe(buildZip(docxWith('word/document.xml', { flags: 0x0001 })))).toBe('encrypted');
    });

    it('a compression method other than stored or deflate', async () => {
      expect(await unsafe(buildZip(docxWith('word/document.xml', { method: 12 })))).toBe('unsupported_method');
    });

    it('a truncated archive', async () => {
      const docx = minimalDocx();
      expect(await unsafe(docx.subarray(0, docx.length - 30))).toBe('corrupt');
      expect(await unsafe(docx.subarray(0, 100))).toBe('corrupt');
    });

    it('bytes after the end record that no comment accounts for', async () => {
      expect(await unsafe(Buffer.concat([minimalDocx(), Buffer.from('trailing')]))).toBe('corrupt');
    });

    it('a deflate stream cut short', async () => {
      const xml = Buffer.from(String(docxEntries()[2].data));
      const cut = deflateRawSync(xml).subarray(0, 40);
      expect(await unsafe(buildZip(docxWith('word/document.xml', { compressed: cut })))).toBe('corrupt');
    });

    it('an entry that is smaller than it declares', async () => {
      const xml = Buffer.from(String(docxEntries()[2].data));
      expect(await unsafe(buildZip(docxWith('word/document.xml', { declaredSize: xml.length + 10 })))).toBe('size_mismatch');
    });

    it('an entry that fails its CRC-32', async () => {
      expect(await unsafe(buildZip(docxWith('word/document.xml', { declaredCrc: 0xdeadbeef })))).toBe('crc_mismatch');
    });

    it('a local header that disagrees with the central directory', async () => {
      const docx = minimalDocx();
      const local = docx.indexOf(Buffer.from('word/document.xml')) - 30;
      expect(docx.readUInt32LE(local)).toBe(0x04034b50);
      docx.writeUInt16LE(0, local + 8); // the local header now says "stored"
      expect(await unsafe(docx)).toBe('corrupt');
    });

    it('two entries with the same name', async () => {
      expect(await unsafe(buildZip([...docxEntries(), { name: 'Word/Document.xml', data: '<other/>' }]))).toBe('duplicate');
    });

    it('an entry hidden inside another one\'s data', async () => {
      // word/media/a.bin (stored) carries a complete local entry; the directory then points word/document.xml into it.
      const hidden = buildZip([docxEntries()[2]]);
      const innerLocal = hidden.subarray(0, centralEntryOffset(hidden, 'word/document.xml'));
      const [contentTypes, rels, main] = docxEntries();
      const zip = buildZip([contentTypes, rels, { name: 'word/media/a.bin', data: innerLocal, method: 0 }, main]);
      const carrierLocal = zip.indexOf(Buffer.from('word/media/a.bin'));
      zip.writeUInt32LE(carrierLocal + 'word/media/a.bin'.length, centralEntryOffset(zip, 'word/document.xml') + 42);
      expect(await unsafe(zip)).toBe('overlap');
    });
  });
});
