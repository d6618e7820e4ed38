import { certificateDocument } from './certificate.form.js';
import { renderDocx } from './docx.renderer.js';
import { renderPdf } from './pdf.renderer.js';
import { certificateData, HEALTH_DEPARTMENT, UNG, KHOA_HOI_SUC } from './test-support/form-fixtures.js';
import { docxPart, docxText, pdfPageCount, pdfPageSize, pdfText } from './test-support/read-document-text.js';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('certificateDocument', () => {
  it('prints the chairman’s Bằng khen on one landscape A4 page', async () => {
    const doc = certificateDocument(certificateData());
    expect(doc.meta.fileStem).toBe('bang-khen-1234-QD-UBND-nguyen-thi-hang');
    const [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc)]);
    expect(await pdfPageCount(pdf)).toBe(1);
    expect(await pdfPageSize(pdf)).toEqual({ width: expect.closeTo(841.89, 1), height: expect.closeTo(595.28, 1) });
    expect(await docxPart(docx)).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    for (const text of [await pdfText(pdf), await docxText(docx)]) {
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN');
      expect(text).toContain('TẶNG');
      expect(text).toContain('BẰNG KHEN');
      expect(text).toContain('Nguyễn Thị Hằng');
      expect(text).toContain('Trưởng khoa Nhi, Bệnh viện Đa khoa tỉnh Lạng Sơn');
      expect(flat(text)).toContain('Đã có thành tích xuất sắc trong phong trào thi đua "Lạng Sơn chung sức xây dựng nông thôn mới" năm 2025.');
      expect(text).toContain('Lạng Sơn, ngày 05 tháng 6 năm 2026');
      expect(text).toContain('Quyết định số 1234/QĐ-UBND');
      expect(text).toContain('ngày 05/6/2026');
      expect(text).toContain('KT. CHỦ TỊCH');
      expect(text).toContain('PHÓ CHỦ TỊCH');
      expect(text).toContain('Đoàn Thu Hà');
    }
  });

  it('prints a unit head’s Giấy khen, headed with the head’s office', async () => {
    const doc = certificateDocument(
      certificateData({
        awardForm: 'unit_certificate',
        issuer: HEALTH_DEPARTMENT,
        nominee: UNG,
        decision: { number: '56/QĐ-SYT', date: '2026-02-03' },
        signer: { authority: '', title: 'GIÁM ĐỐC', name: 'Nông Quốc Hưng' },
        campaignTitle: null,
      }),
    );
    expect(doc.meta.fileStem).toBe('giay-khen-56-QD-SYT-dang-van-ung');
    const text = await pdfText(await renderPdf(doc));
    expect(text).toContain('GIÁM ĐỐC SỞ Y TẾ');
    expect(text).toContain('GIẤY KHEN');
    expect(text).toContain('Đặng Văn Ưng');
    expect(flat(text)).toContain('Đã có thành tích xuất sắc: Tham gia cứu hộ, sơ cứu người bị nạn trong lũ quét tháng 9 năm 2025.');
    expect(text).toContain('ngày 03/02/2026');
    expect(text).not.toContain('KT.');
  });

  it('names a collective without repeating its unit', () => {
    const doc = certificateDocument(certificateData({ nominee: { ...KHOA_HOI_SUC, unitName: KHOA_HOI_SUC.name } }));
    const lines = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(lines.filter((l) => l.includes('Khoa Hồi sức'))).toHaveLength(1);
  });
});
