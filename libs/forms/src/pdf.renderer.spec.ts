import { certificateDocument } from './certificate.form.js';
import { portraitPage } from './decree-30-layout.js';
import type { OfficialDocument } from './official-document.js';
import { renderPdf } from './pdf.renderer.js';
import { quyetDinhDocument } from './quyet-dinh.form.js';
import { certificateData, decisionData, HANG, KHOA_HOI_SUC, UNG } from './test-support/form-fixtures.js';
import { pdfFontNames, pdfInfo, pdfPageCount, pdfPageSize, pdfText } from './test-support/read-document-text.js';

const bare = (blocks: OfficialDocument['blocks'], title = 'Thử'): OfficialDocument => ({
  meta: { title, fileStem: 'thu' },
  page: portraitPage(),
  fontSizePt: 14,
  blocks,
});

describe('renderPdf', () => {
  const decision = quyetDinhDocument(decisionData([KHOA_HOI_SUC, HANG, UNG]));
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderPdf(decision);
  });

  it('writes a PDF on A4 with the document’s title in its properties', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const size = await pdfPageSize(pdf);
    expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
    const info = await pdfInfo(pdf);
    expect(info.Title).toBe('Quyết định số 1234/QĐ-UBND về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(info.Author).toBe('ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN');
  });

  it('uses only the embedded Tinos faces, never a standard PDF font', () => {
    const fonts = pdfFontNames(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
    expect(pdf.toString('latin1')).not.toMatch(/Helvetica|Times-Roman|Courier/);
    expect(pdf.toString('latin1').match(/\/FontFile2/g)?.length).toBe(fonts.length);
  });

  it('keeps the text extractable, Vietnamese marks and all', async () => {
    const text = await pdfText(pdf);
    for (const expected of [
      'ỦY BAN NHÂN DÂN',
      'TỈNH LẠNG SƠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 1234/QĐ-UBND',
      'Lạng Sơn, ngày 05 tháng 6 năm 2026',
      'QUYẾT ĐỊNH',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Nguyễn Thị Hằng',
      'Đặng Văn Ưng',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Đoàn Thu Hà',
    ])
      expect(text).toContain(expected);
  });

  it('reads back the same in every document of the process (faces are shared between documents)', async () => {
    // A certificate first: its composite glyphs (ạ, ị, ơ …) must not take the characters of their parts away
    // from the documents after it.
    await renderPdf(certificateDocument(certificateData()));
    const again = await pdfText(await renderPdf(decision));
    expect(again).toBe(await pdfText(pdf));
    expect(again).toContain('Căn cứ Luật Tổ chức chính quyền địa phương');
  });

  it('writes text given decomposed (NFD) in composed form (NFC)', async () => {
    const text = await pdfText(await renderPdf(bare([{ kind: 'paragraph', runs: [{ text: 'Nguyễn Thị Hằng, Đặng Văn Ưng'.normalize('NFD') }] }])));
    expect(text).toContain('Nguyễn Thị Hằng, Đặng Văn Ưng');
  });

  it('breaks a row taller than a page across pages, the header row repeated', async () => {
    const long = Array.from({ length: 500 }, (_, i) => `thành tích thứ ${i + 1};`).join(' ');
    const doc = bare([
      {
        kind: 'table',
        columns: [
          { header: 'Họ và tên', widthRatio: 1 },
          { header: 'Tóm tắt thành tích', widthRatio: 3, align: 'justify' },
        ],
        rows: [{ cells: ['Nguyễn Thị Hằng', long] }, { cells: ['Đặng Văn Ưng', 'Ngắn.'] }],
      },
    ]);
    const buffer = await renderPdf(doc);
    const pages = await pdfPageCount(buffer);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = await pdfText(buffer);
    for (const page of text.split('\f')) expect(page).toContain('Họ và tên Tóm tắt thành tích');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('thành tích thứ 1;');
    expect(flat).toContain('thành tích thứ 500;');
    expect(text).toContain('Đặng Văn Ưng');
  });

  it('has no page numbers on a one-page certificate and draws nothing but text from the model', async () => {
    const text = await pdfText(await renderPdf(certificateDocument(certificateData())));
    expect(text.split('\n')[0]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});
