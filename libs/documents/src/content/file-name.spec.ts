import { safeFileName } from './file-name.js';

describe('safe file name', () => {
  it('keeps a Vietnamese name and its extension as sent, minus the path', () => {
    expect(safeFileName('../../Báo cáo thành tích – Nguyễn Văn An.PDF', 'pdf')).toBe('Báo cáo thành tích – Nguyễn Văn An.PDF');
  });

  it('normalises to NFC, so a name typed on a Mac equals one typed on Windows', () => {
    const decomposed = 'Nguyễn Văn An.pdf'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Văn An.pdf');
    expect(safeFileName(decomposed, 'pdf')).toBe('Nguyễn Văn An.pdf'.normalize('NFC'));
  });

  it.each([
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['C:\\Users\\van-thu\\Desktop\\Tờ trình.pdf', 'pdf', 'Tờ trình.pdf'],
    ['..\\..\\Windows\\win.ini', 'docx', 'win.ini.docx'],
    ['/var/uploads/', 'pdf', 'tai-lieu.pdf'],
  ])('takes the last segment of the path %j', (raw, format, expected) => {
    expect(safeFileName(raw, format as 'pdf' | 'docx')).toBe(expected);
  });

  it('removes bidi overrides that disguise an extension', () => {
    // Displays as "hosoexe.pdf" with the override in place.
    expect(safeFileName('hoso\u202efdp.exe', 'pdf')).toBe('hosofdp.pdf');
    expect(safeFileName('a\u2066b\u2069c\u202ad\u200fe.pdf', 'pdf')).toBe('abcde.pdf');
  });

  it('removes control, zero-width and Windows-reserved characters, and collapses whitespace', () => {
    expect(safeFileName('Tờ\u200b trình\u0000\u0085\u007f\ufeff.pdf', 'pdf')).toBe('Tờ trình.pdf');
    expect(safeFileName('Tờ trình: "khen thưởng" <2024>?*|.pdf', 'pdf')).toBe('Tờ trình khen thưởng 2024.pdf');
    expect(safeFileName('  Báo   cáo\u00a0\u3000 năm 2024 .pdf ', 'pdf')).toBe('Báo cáo năm 2024.pdf');
  });

  it('strips leading dots and trailing dots and spaces', () => {
    expect(safeFileName('...an.pdf', 'pdf')).toBe('an.pdf');
    expect(safeFileName('Biên bản họp . . .pdf', 'pdf')).toBe('Biên bản họp.pdf');
  });

  it.each([[''], ['   '], [null], [undefined], ['.pdf'], ['...'], ['\u202e\u200b'], ['<>:"|?*']])(
    'names a file with nothing usable (%j) tai-lieu',
    (raw) => {
      expect(safeFileName(raw, 'pdf')).toBe('tai-lieu.pdf');
    },
  );

  it.each([
    ['Ảnh chân dung.png', 'jpeg', 'Ảnh chân dung.jpg'],
    ['Ảnh chân dung.JPEG', 'jpeg', 'Ảnh chân dung.JPEG'],
    ['Ảnh chân dung.jpg', 'png', 'Ảnh chân dung.png'],
    ['scan.exe', 'pdf', 'scan.pdf'],
    ['to-trinh.pdf.exe', 'pdf', 'to-trinh.pdf'],
    ['to-trinh.doc.exe', 'pdf', 'to-trinh.pdf'],
    ['Báo cáo.docx', 'pdf', 'Báo cáo.pdf'],
    ['Báo cáo v1.2', 'docx', 'Báo cáo v1.2.docx'],
    ['Quyết định khen thưởng', 'pdf', 'Quyết định khen thưởng.pdf'],
  ])('gives %j the extension of the detected format (%s)', (raw, format, expected) => {
    expect(safeFileName(raw, format as 'pdf' | 'docx' | 'jpeg' | 'png')).toBe(expected);
  });

  it('renames the device names Windows cannot save', () => {
    expect(safeFileName('CON.pdf', 'pdf')).toBe('_CON.pdf');
    expect(safeFileName('lpt1', 'png')).toBe('_lpt1.png');
  });

  it('caps a long name at 180 characters and keeps the extension', () => {
    const name = safeFileName(`${'Nguyễn Thị Phương Thảo '.repeat(20)}.PDF`, 'pdf');
    expect(Array.from(name)).toHaveLength(180);
    expect(name.endsWith('.PDF')).toBe(true);
    expect(name).toMatch(/^Nguyễn Thị Phương Thảo Nguyễn/);
    expect(name).not.toMatch(/[ .]\.PDF$/);
  });

  it('never cuts a character in two when capping', () => {
    const name = safeFileName('😀'.repeat(300), 'png');
    expect(Array.from(name)).toHaveLength(180);
    expect(() => encodeURIComponent(name)).not.toThrow();
    expect(safeFileName('a\ud800b.pdf', 'pdf')).toBe('ab.pdf');
  });

  it('is stable: a safe name stays as it is', () => {
    for (const raw of ['../x/Báo cáo.PDF', 'hoso\u202efdp.exe', '', `${'ệ'.repeat(400)}.docx`, 'CON', 'a.jpeg']) {
      for (const format of ['pdf', 'docx', 'jpeg', 'png'] as const) {
        const once = safeFileName(raw, format);
        expect(safeFileName(once, format)).toBe(once);
      }
    }
  });
});
