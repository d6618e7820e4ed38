import { renderDocx } from './docx.renderer.js';
import { renderPdf } from './pdf.renderer.js';
import { toTrinhDocument } from './to-trinh.form.js';
import { toTrinhData } from './test-support/form-fixtures.js';
import { docxText, pdfPageSize, pdfText } from './test-support/read-document-text.js';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('toTrinhDocument', () => {
  const doc = toTrinhDocument(toTrinhData());

  it('asks for the award, lists the nominees with what they did, and is signed by the unit’s head', async () => {
    const [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc)]);
    for (const text of [await pdfText(pdf), await docxText(docx)]) {
      expect(text).toContain('UBND TỈNH LẠNG SƠN');
      expect(text).toContain('SỞ Y TẾ');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('Số: 15/TTr-SYT');
      expect(text).toContain('Lạng Sơn, ngày 20 tháng 5 năm 2026');
      expect(text).toContain('TỜ TRÌNH');
      expect(text).toContain('Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
      expect(text).toContain('Kính gửi: Chủ tịch UBND tỉnh Lạng Sơn.');
      expect(flat(text)).toContain('Sở Y tế kính trình Chủ tịch UBND tỉnh Lạng Sơn xem xét, tặng Bằng khen');
      expect(flat(text)).toContain('cho 01 tập thể và 02 cá nhân');
      // The collective's name wraps in its cell: in the PDF its second line reads beside the next cell's.
      for (const name of ['Nguyễn Thị Hằng', 'Đặng Văn Ưng', 'Khoa Hồi sức tích']) expect(text).toContain(name);
      expect(text).toContain('Tóm tắt thành tích');
      expect(text).toContain('Nơi nhận:');
      expect(text).toContain('GIÁM ĐỐC');
      expect(text).toContain('Nông Quốc Hưng');
    }
    expect(await pdfPageSize(pdf)).toEqual({ width: expect.closeTo(595.28, 1), height: expect.closeTo(841.89, 1) });
  });

  it('leaves the number and the date to be filled in by hand', async () => {
    const draft = toTrinhDocument(toTrinhData({ number: null, date: null }));
    expect(draft.meta.fileStem).toBe('to-trinh-du-thao-TTr-SYT');
    const text = await docxText(await renderDocx(draft));
    expect(text).toMatch(/Số: \u00a0{4,}\/TTr-SYT/);
    expect(text).toMatch(/Lạng Sơn, ngày\u00a0+tháng\u00a0+năm/);
  });

  it('asks a unit head for a Giấy khen', () => {
    const unit = toTrinhDocument(toTrinhData({ awardForm: 'unit_certificate', recipient: 'Giám đốc Sở Y tế', issuer: { parent: 'SỞ Y TẾ', name: 'PHÒNG NGHIỆP VỤ Y', place: 'Lạng Sơn' } }));
    const text = unit.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : [])).join('\n');
    expect(text).toContain('Về việc đề nghị tặng Giấy khen');
    expect(text).toContain('kính trình Giám đốc Sở Y tế xem xét, tặng Giấy khen cho');
    expect(unit.meta.fileStem).toBe('to-trinh-15-TTr-SYT');
  });
});
