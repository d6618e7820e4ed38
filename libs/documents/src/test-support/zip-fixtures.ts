/**
 * Real files of every kind the document inspector meets, built in memory with node:zlib alone: the accepted
 * formats in their smallest valid form, and the things that pretend to be them (an executable, a legacy .doc, an
 * .xlsx, zip bombs). For the unit specs and the end-to-end upload tests alike.
 */
import { crc32, deflateRawSync, deflateSync, constants as zlibConstants } from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  data: Buffer | string;
  /** 8 (deflate, the default) or 0 (stored); any other number is written as is, with deflated data. */
  method?: number;
  /** General purpose flags, OR-ed with bit 11 (UTF-8 names). Set bit 0 to mark the entry encrypted. */
  flags?: number;
  /** What the headers claim the entry inflates to, when a test needs them to lie. */
  declaredSize?: number;
  /** What the headers claim the CRC-32 is, when a test needs it wrong. */
  declaredCrc?: number;
  /** Extra field bytes for the central directory entry (e.g. a ZIP64 record). */
  centralExtra?: Buffer;
  /** Already compressed bytes to write instead of compressing `data` (which then only feeds size and CRC). */
  compressed?: Buffer;
  /** The real uncompressed size and CRC when `compressed` is given and `data` is not the content. */
  size?: number;
  crc?: number;
}

export interface ZipOptions {
  /** The archive comment, after the end of central directory record. */
  comment?: string;
}

const UTF8_NAMES = 0x0800;
/** The earliest date a ZIP can hold; a zero date field is not a valid date. */
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

/** A ZIP writer that does what the tests need and nothing more: one disk, no ZIP64, no data descriptors. */
export function buildZip(entries: readonly ZipEntryInput[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const method = entry.method ?? 8;
    const stored = entry.compressed ?? (method === 0 ? data : deflateRawSync(data));
    const size = entry.declaredSize ?? entry.size ?? data.length;
    const crc = entry.declaredCrc ?? entry.crc ?? crc32(data);
    const flags = (entry.flags ?? 0) | UTF8_NAMES;
    const name = Buffer.from(entry.name, 'utf8');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, stored);

    const extra = entry.centralExtra ?? Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);

    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, comment]);
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** [Content_Types].xml declaring the main part as `mainContentType` (a DOCX's, unless a test says otherwise). */
export const contentTypesXml = (mainPart = '/word/document.xml', mainContentType = DOCX_MAIN): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="${mainPart}" ContentType="${mainContentType}"/>` +
  '</Types>';

const packageRels = (target = 'word/document.xml'): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/>` +
  '</Relationships>';

const documentXml = (paragraph: string): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `<w:body><w:p><w:r><w:t xml:space="preserve">${escapeXml(paragraph)}</w:t></w:r></w:p></w:body>` +
  '</w:document>';

/** The entries of a minimal DOCX Word opens, for tests that want to alter one before building the archive. */
export const docxEntries = (paragraph = 'Báo cáo thành tích năm 2024'): ZipEntryInput[] => [
  { name: '[Content_Types].xml', data: contentTypesXml() },
  { name: '_rels/.rels', data: packageRels() },
  { name: 'word/document.xml', data: documentXml(paragraph) },
];

/** The smallest DOCX Word opens: one paragraph. */
export const minimalDocx = (paragraph?: string, options?: ZipOptions): Buffer => buildZip(docxEntries(paragraph), options);

/** An .xlsx-shaped archive: a real Office package, but a spreadsheet. */
export const xlsxShapedZip = (): Buffer =>
  buildZip([
    {
      name: '[Content_Types].xml',
      data: contentTypesXml('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
    },
    { name: '_rels/.rels', data: packageRels('xl/workbook.xml') },
    { name: 'xl/workbook.xml', data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>' },
  ]);

/** An ordinary archive of two files, nothing Office about it. */
export const plainZip = (): Buffer =>
  buildZip([
    { name: 'danh-sach.txt', data: 'Nguyễn Văn An\nTrần Thị Bình\n' },
    { name: 'anh/chan-dung.txt', data: 'not a photo', method: 0 },
  ]);

const BOMB_CHUNK = 1024 * 1024;
const BOMB_CHUNKS = 200;
let bombBody: { compressed: Buffer; size: number; crc: number } | undefined;

/**
 * 200 MiB of spaces as one raw deflate stream of about 200 KB, built without ever holding the 200 MiB: one MiB
 * deflated with a full flush ends on a byte boundary with a fresh dictionary, so the same compressed block may be
 * repeated, then closed with an empty final block (RFC 1951, §3.2.3).
 */
function bombDeflateStream(): { compressed: Buffer; size: number; crc: number } {
  if (bombBody) return bombBody;
  const spaces = Buffer.alloc(BOMB_CHUNK, 0x20);
  const block = deflateRawSync(spaces, { finishFlush: zlibConstants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let index = 0; index < BOMB_CHUNKS; index++) crc = crc32(spaces, crc);
  const compressed = Buffer.concat([...Array.from({ length: BOMB_CHUNKS }, () => block), last]);
  bombBody = { compressed, size: BOMB_CHUNK * BOMB_CHUNKS, crc };
  return bombBody;
}

/** The uncompressed size of word/document.xml in zipBombDocx. */
export const ZIP_BOMB_INFLATED_BYTES = BOMB_CHUNK * BOMB_CHUNKS;

/**
 * A DOCX-shaped archive whose word/document.xml inflates to 200 MiB of spaces from under 1 MB. Declared honestly,
 * its central directory admits the 200 MiB; otherwise it claims 10 KB (and CRC of nothing in particular), so only
 * inflating tells.
 */
export function zipBombDocx({ declaredHonestly }: { declaredHonestly: boolean }): Buffer {
  const body = bombDeflateStream();
  const [contentTypes, rels] = docxEntries();
  return buildZip([
    contentTypes,
    rels,
    {
      name: 'word/document.xml',
      data: '',
      compressed: body.compressed,
      size: declaredHonestly ? body.size : 10_000,
      crc: declaredHonestly ? body.crc : 0x12345678,
    },
  ]);
}

/**
 * The smallest well-formed PDF with one page showing `text` in Helvetica (ISO 32000-1, §7.5): header, five
 * objects, a cross-reference table with the real offsets, and the trailer. Non-ASCII becomes "?", as the
 * standard 14 fonts in their default encoding cannot show it.
 */
export function minimalPdf(text = 'Bao cao thanh tich'): Buffer {
  const literal = text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 720 Td (${literal}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A 1×1 white PNG (ISO/IEC 15948): signature, IHDR, one zlib-compressed scanline, IEND, each chunk with its CRC. */
export function minimalPng(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0xff, 0xff, 0xff]))), // filter byte "none", then one RGB pixel
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A 1×1 mid-grey baseline JPEG (ITU T.81): JFIF header, a flat quantisation table, one-code Huffman tables, and
 * one block whose DC difference and AC coefficients are all zero, i.e. the two bits "0 0" padded with ones.
 */
export function minimalJpeg(): Buffer {
  const segment = (marker: number, data: number[]): number[] => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
  return Buffer.from([
    0xff, 0xd8, // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 "JFIF", 1.01, 1:1
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // DQT: table 0, 8-bit, all ones
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]), // SOF0: 8-bit, 1×1, one component, 1×1 sampling, table 0
    ...segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]), // DHT DC 0: one code of length 1 for category 0
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]), // DHT AC 0: one code of length 1 for EOB
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS: component 1 with tables 0/0, full spectrum
    0x3f, // DC "0" (difference 0), AC "0" (EOB), padded with ones
    0xff, 0xd9, // EOI
  ]);
}

/** The start of a 64-bit Linux ELF executable: what an attacker renames "to-trinh.pdf". */
export function elfExecutable(): Buffer {
  const elf = Buffer.alloc(128);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(elf); // \x7fELF, 64-bit, little-endian, version 1
  elf.writeUInt16LE(2, 16); // ET_EXEC
  elf.writeUInt16LE(0x3e, 18); // x86-64
  return elf;
}

/** The start of a Windows PE executable: the "MZ" DOS header pointing at a "PE\0\0" header. */
export function windowsExecutable(): Buffer {
  const exe = Buffer.alloc(256);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
}

/** The 512-byte header of a Compound File (OLE2), as Word 97–2003 writes a .doc (MS-CFB, §2.2). */
export function oleDoc(): Buffer {
  const ole = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  ole.writeUInt16LE(0x003e, 24); // minor version
  ole.writeUInt16LE(0x0003, 26); // major version 3
  ole.writeUInt16LE(0xfffe, 28); // little-endian
  ole.writeUInt16LE(9, 30); // 512-byte sectors
  ole.writeUInt16LE(6, 32); // 64-byte mini sectors
  return ole;
}
