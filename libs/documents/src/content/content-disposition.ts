/**
 * Builds a Content-Disposition header that gives every browser the document's real name (RFC 6266, §4.3): the
 * `filename*` parameter carries it in UTF-8 (RFC 8187), and `filename` an ASCII stand-in for the clients that
 * ignore `filename*` — "Báo cáo – Đợt 1.pdf" becomes "Bao cao _ Dot 1.pdf" there, not mojibake.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/** Vietnamese without its diacritics is still readable, so strip them rather than replacing the letters. */
function asciiFallback(fileName: string): string {
  const ascii = Array.from(
    fileName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // Đ and đ are letters of their own, not D with a mark: NFD leaves them whole.
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D'),
    // Outside printable ASCII, and the two characters a quoted-string would have to escape (RFC 9110, §5.6.4):
    // replacing them spares us trusting every client's unescaping.
    (character) => (/^[\u0020-\u007e]$/.test(character) && character !== '"' && character !== '\\' ? character : '_'),
  ).join('');
  return ascii === '' ? 'download' : ascii;
}

/** RFC 8187 §3.2.1: attr-char is sent as is; every other byte of the UTF-8 encoding as %XX. */
function encodeExtValue(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const character = String.fromCharCode(byte);
    encoded += /^[A-Za-z0-9!#$&+\-.^_`|~]$/.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
