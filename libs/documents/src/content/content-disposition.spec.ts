import { contentDisposition } from './content-disposition.js';

/** Reads the two parameters back the way a browser does. */
function parse(header: string): { type: string; fallback: string; name: string } {
  const match = /^(attachment|inline); filename="([^"\\]*)"; filename\*=UTF-8''([^;\s]*)$/.exec(header);
  if (!match) throw new Error(`unexpected header ${header}`);
  return { type: match[1], fallback: match[2], name: decodeURIComponent(match[3]) };
}

describe('content disposition', () => {
  const names = [
    'Báo cáo thành tích – Nguyễn Văn An.PDF',
    'Quyết định số 12 QĐ-UBND ĐỢT 1.pdf',
    'a"b\\c;d,e=f%20g\'h.docx',
    'Ảnh 😀 chân dung.jpg',
    'plain-ascii_name (1).png',
  ];

  it.each(names)('round-trips %j through filename*', (name) => {
    expect(parse(contentDisposition(name)).name).toBe(name);
  });

  it.each(names)('is a header of visible ASCII only, for %j', (name) => {
    expect(contentDisposition(name)).toMatch(/^[\x20-\x7e]+$/);
  });

  it('encodes everything but RFC 8187 attr-chars', () => {
    const encoded = contentDisposition('a b(c)*\'%é.pdf').split("filename*=UTF-8''")[1];
    expect(encoded).toBe('a%20b%28c%29%2A%27%25%C3%A9.pdf');
    expect(encoded).toMatch(/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
  });

  it('gives old clients Vietnamese without diacritics', () => {
    expect(parse(contentDisposition('Báo cáo thành tích – Nguyễn Văn An.PDF')).fallback).toBe('Bao cao thanh tich _ Nguyen Van An.PDF');
    expect(parse(contentDisposition('Quyết định đợt 1 – ĐẠI HỘI.pdf')).fallback).toBe('Quyet dinh dot 1 _ DAI HOI.pdf');
  });

  it('keeps quotes and backslashes out of the quoted fallback', () => {
    const { fallback } = parse(contentDisposition('a"b\\c.pdf'));
    expect(fallback).toBe('a_b_c.pdf');
  });

  it('replaces a character outside the BMP by one underscore', () => {
    expect(parse(contentDisposition('Ảnh 😀.jpg')).fallback).toBe('Anh _.jpg');
  });

  it('is an attachment unless asked inline', () => {
    expect(parse(contentDisposition('a.pdf')).type).toBe('attachment');
    expect(parse(contentDisposition('a.pdf', 'inline')).type).toBe('inline');
  });
});
