import { DOCUMENT_EXTENSIONS, type DocumentFormat } from '../document.types.js';

/** Long enough for "Báo cáo thành tích của … năm …" in full; short enough for every file system and archive tool. */
const MAX_LENGTH = 180;
const FALLBACK_BASE = 'tai-lieu';

/** Extensions a name may carry that the detected format replaces: documents, images, archives, and what runs. */
const KNOWN_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'docm', 'dot', 'dotx', 'rtf', 'odt', 'txt', 'xls', 'xlsx', 'xlsm', 'ppt', 'pptx', 'csv',
  'jpg', 'jpeg', 'jpe', 'jfif', 'png', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'svg',
  'zip', 'rar', '7z', 'gz', 'tar',
  'exe', 'com', 'bat', 'cmd', 'scr', 'msi', 'dll', 'pif', 'lnk', 'ps1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'hta', 'jar', 'sh', 'apk',
  'htm', 'html', 'xhtml', 'mht',
]);

/** The spellings each format may keep, so "Ảnh chân dung.jpeg" is not renamed to ".jpg". */
const KEPT_EXTENSIONS: Record<DocumentFormat, readonly string[]> = { pdf: ['pdf'], docx: ['docx'], jpeg: ['jpg', 'jpeg'], png: ['png'] };

/** C0 and C1 controls and DEL: invisible, and a newline in a header or a log line is an injection. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks: they make
 * "hoso[U+202E]fdp.exe" display as "hosoexe.pdf" (Unicode Technical Report #36, Unicode Security Considerations).
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Zero-width characters: two names that look the same must be the same. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** A surrogate without its pair cannot be encoded in UTF-8 (and so not in a header or a database column). */
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** What Windows refuses in a file name: the clerk saving the download must not be told the name is invalid. */
const WINDOWS_RESERVED_CHARACTERS = /[<>:"|?*]/g;
/** Names Windows reserves for devices, whatever the extension ("CON.pdf" cannot be saved). */
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * The name a document is stored under and served with: the sender's name, kept in Vietnamese (NFC, so a name typed
 * on a Mac matches one typed on Windows), freed of paths, invisible and deceptive characters, and ending with the
 * extension of the format its bytes were detected as (never the one the sender claimed). See docs/documents.md.
 */
export function safeFileName(raw: string | undefined | null, format: DocumentFormat): string {
  const extension = DOCUMENT_EXTENSIONS[format];
  let name = String(raw ?? '')
    .normalize('NFC')
    .replace(LONE_SURROGATES, '');
  // Browsers send a bare name, but old ones (and scripts) send C:\Users\…\x.pdf; either separator ends a folder.
  name = name.split(/[\\/]/).pop() ?? '';
  name = name
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(ZERO_WIDTH, '')
    .replace(WINDOWS_RESERVED_CHARACTERS, '')
    .replace(/\s+/gu, ' ')
    .trim();

  // Peel claimed extensions off the end until the right one or an unknown one shows: "x.pdf.exe" is "x.pdf".
  let kept: string | undefined;
  for (;;) {
    const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
    if (!match) break;
    const claimed = match[1].toLowerCase();
    if (KEPT_EXTENSIONS[format].includes(claimed)) {
      kept = match[0];
      name = name.slice(0, match.index);
      break;
    }
    if (!KNOWN_EXTENSIONS.has(claimed)) break;
    name = name.slice(0, match.index);
  }
  const suffix = kept ?? `.${extension}`;

  // Leading dots hide the file on Unix; trailing dots and spaces are silently dropped by Windows.
  let base = trimDotsAndSpaces(name);
  if (base === '') base = FALLBACK_BASE;
  if (WINDOWS_DEVICE_NAMES.test(base)) base = `_${base}`;

  // Counted in code points, so a cut never splits a character in two.
  const room = MAX_LENGTH - suffix.length;
  const codePoints = Array.from(base);
  if (codePoints.length > room) base = trimDotsAndSpaces(codePoints.slice(0, room).join(''));
  return `${base}${suffix}`;
}

const trimDotsAndSpaces = (value: string): string => value.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
