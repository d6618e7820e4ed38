import { INLINE_NOMINEES_MAX, quyetDinhDocument } from './quyet-dinh.form.js';
import { renderDocx } from './docx.renderer.js';
import type { OfficialDocument, ParagraphBlock, TableBlock } from './official-document.js';
import { renderPdf } from './pdf.renderer.js';
import { decisionData, HANG, KHOA_HOI_SUC, manyNominees, UNG, HEALTH_DEPARTMENT } from './test-support/form-fixtures.js';
import { docxText, pdfPageCount, pdfText } from './test-support/read-document-text.js';

const paragraphsText = (doc: OfficialDocument) =>
  doc.blocks
    .filter((b): b is ParagraphBlock => b.kind === 'paragraph')
    .map((p) => p.runs.map((r) => r.text).join(''))
    .join('\n');
const tables = (doc: OfficialDocument) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('quyetDinhDocument', () => {
  it('grants the chairman’s certificate to one nominee in Điều 1 itself', () => {
    const doc = quyetDinhDocument(decisionData([UNG], { kind: 'extraordinary', campaignTitle: null }));
    const text = paragraphsText(doc);
    expect(text).toContain('QUYẾT ĐỊNH\nVề việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN');
    expect(text).toContain(
      'Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho Đặng Văn Ưng, Điều dưỡng trưởng, Trung tâm Y tế huyện Tràng Định, ' +
        'đã có thành tích xuất sắc đột xuất: tham gia cứu hộ, sơ cứu người bị nạn trong lũ quét tháng 9 năm 2025.',
    );
    expect(text).toContain('và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.');
    expect(tables(doc)).toHaveLength(0);
    expect(doc.meta.fileStem).toBe('quyet-dinh-1234-QD-UBND');
    expect(doc.meta.title).toBe('Quyết định số 1234/QĐ-UBND về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
  });

  it('lists a few nominees under Điều 1, counting collectives and individuals', () => {
    const doc = quyetDinhDocument(decisionData([KHOA_HOI_SUC, HANG, UNG]));
    const text = paragraphsText(doc);
    expect(text).toContain('cho 01 tập thể và 02 cá nhân đã có thành tích xuất sắc trong phong trào thi đua');
    expect(text).toContain('1. Khoa Hồi sức tích cực - Chống độc, Bệnh viện Đa khoa tỉnh Lạng Sơn;');
    expect(text).toContain('3. Đặng Văn Ưng, Điều dưỡng trưởng, Trung tâm Y tế huyện Tràng Định.');
    expect(text).toContain('và các tập thể, cá nhân có tên tại Điều 1');
    expect(tables(doc)).toHaveLength(0);
  });

  it(`moves more than ${INLINE_NOMINEES_MAX} nominees to a DANH SÁCH attached after the signature`, () => {
    const nominees = [KHOA_HOI_SUC, ...manyNominees(INLINE_NOMINEES_MAX)];
    const doc = quyetDinhDocument(decisionData(nominees));
    const text = paragraphsText(doc);
    expect(text).toContain(`cho 01 tập thể và ${INLINE_NOMINEES_MAX} cá nhân (có danh sách kèm theo)`);
    expect(text).toContain('DANH SÁCH\nTập thể, cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\n(Kèm theo Quyết định số 1234/QĐ-UBND ngày 05/6/2026)');
    const signatureAt = doc.blocks.findIndex((b) => b.kind === 'grid' && b !== doc.blocks[0]);
    const listAt = doc.blocks.findIndex((b) => b.kind === 'paragraph' && b.runs[0]?.text === 'DANH SÁCH');
    expect(listAt).toBeGreaterThan(signatureAt);
    expect((doc.blocks[listAt] as ParagraphBlock).pageBreakBefore).toBe(true);
    const [list] = tables(doc);
    expect(list.columns.map((c) => c.header)).toEqual(['STT', 'Tên tập thể, họ và tên cá nhân', 'Chức vụ, đơn vị']);
    expect(list.rows[0]).toEqual({ group: 'I. TẬP THỂ' });
    expect(list.rows[2]).toEqual({ group: 'II. CÁ NHÂN' });
    expect(list.rows[3]).toEqual({ cells: ['1', 'Nguyễn Thị Hằng', 'Trưởng khoa Nhi, Bệnh viện Đa khoa tỉnh Lạng Sơn'] });
    expect(list.rows.filter((r) => 'cells' in r)).toHaveLength(nominees.length);
  });

  it('words a unit’s own Giấy khen, with its head as the granting authority', () => {
    const doc = quyetDinhDocument(
      decisionData([HANG, UNG], {
        issuer: HEALTH_DEPARTMENT,
        number: '56/QĐ-SYT',
        awardForm: 'unit_certificate',
        signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Hoàng Văn Mạnh' },
        proposer: 'Xét đề nghị của Trưởng phòng Tổ chức cán bộ',
      }),
    );
    const text = paragraphsText(doc);
    expect(text).toContain('Về việc tặng Giấy khen');
    expect(text).toContain('GIÁM ĐỐC SỞ Y TẾ');
    expect(text).toContain('Điều 1. Tặng Giấy khen cho 02 cá nhân');
    expect(text).toContain('Thủ trưởng các phòng, đơn vị có liên quan và các cá nhân có tên tại Điều 1');
    expect(text).not.toContain('Chủ tịch Ủy ban nhân dân tỉnh');
  });

  it('refuses a decision without nominees', () => {
    expect(() => quyetDinhDocument(decisionData([]))).toThrow(/at least one nominee/);
  });
});

describe('a campaign decision with 200 names, rendered', () => {
  const nominees = [KHOA_HOI_SUC, ...manyNominees(199)];
  const doc = quyetDinhDocument(decisionData(nominees));
  let pdf: Buffer;
  let docx: Buffer;
  beforeAll(async () => {
    [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc)]);
  });

  it('runs over several pages of PDF, every name in it with its marks, the list’s header on every page of it', async () => {
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    const text = await pdfText(pdf);
    for (const n of nominees.filter((x) => x.type === 'individual')) expect(text).toContain(n.name);
    expect(flat(text)).toContain('Khoa Hồi sức tích cực');
    const pageTexts = text.split('\f');
    expect(pageTexts).toHaveLength(pages);
    expect(pageTexts[0]).toContain('Số: 1234/QĐ-UBND');
    expect(pageTexts[0]).toContain('Đoàn Thu Hà');
    expect(pageTexts[0]).not.toContain('DANH SÁCH');
    expect(pageTexts[1]).toContain('DANH SÁCH');
    for (const page of pageTexts.slice(1)) expect(page).toContain('STT Tên tập thể, họ và tên cá nhân Chức vụ, đơn vị');
    // Page numbers from the second page on, at the top (Decree 30/2020/NĐ-CP, Appendix I, I.7).
    expect(pageTexts[0].trimStart().startsWith('1')).toBe(false);
    pageTexts.slice(1).forEach((page, i) => expect(page.trimStart().split('\n')[0]).toBe(String(i + 2)));
  });

  it('holds every name in the DOCX, in one table whose header row repeats', async () => {
    const text = await docxText(docx);
    for (const n of nominees) expect(text).toContain(n.name);
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN');
  });
});
