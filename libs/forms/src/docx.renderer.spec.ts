import { portraitPage } from './decree-30-layout.js';
import { renderDocx } from './docx.renderer.js';
import type { OfficialDocument } from './official-document.js';
import { quyetDinhDocument } from './quyet-dinh.form.js';
import { decisionData, HANG, KHOA_HOI_SUC, manyNominees, UNG } from './test-support/form-fixtures.js';
import { docxPart, docxText } from './test-support/read-document-text.js';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const attributes = (xml: string, element: string) => {
  const tag = new RegExp(`<${element} ([^>]*)/>`).exec(xml)?.[1] ?? '';
  return Object.fromEntries([...tag.matchAll(/w:(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
};

describe('renderDocx', () => {
  const decision = quyetDinhDocument(decisionData([KHOA_HOI_SUC, HANG, UNG]));
  let docx: Buffer;
  let xml: string;
  beforeAll(async () => {
    docx = await renderDocx(decision);
    xml = await docxPart(docx);
  });

  it('sets A4 portrait and the margins of the model, in twips', () => {
    expect(attributes(xml, 'w:pgSz')).toMatchObject({ w: '11906', h: '16838', orient: 'portrait' });
    const m = decision.page.marginsMm;
    expect(attributes(xml, 'w:pgMar')).toMatchObject({ top: String(twips(m.top)), right: String(twips(m.right)), bottom: String(twips(m.bottom)), left: String(twips(m.left)) });
    expect(attributes(xml, 'w:pgMar')).toMatchObject({ top: '1134', right: '850', bottom: '1134', left: '1701' });
  });

  it('names Times New Roman, at 14 pt, in Vietnamese', async () => {
    const styles = await docxPart(docx, 'word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:sz w:val="28"\/>.*<w:lang w:val="vi-VN"\/>/);
  });

  it('sets the title in the core properties', async () => {
    const core = await docxPart(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Quyết định số 1234/QĐ-UBND về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh</dc:title>');
  });

  it('holds the whole decision as text', async () => {
    const text = await docxText(docx);
    for (const expected of [
      'ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
      'Số: 1234/QĐ-UBND',
      'Lạng Sơn, ngày 05 tháng 6 năm 2026',
      'QUYẾT ĐỊNH\nVề việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'QUYẾT ĐỊNH:',
      '2. Nguyễn Thị Hằng, Trưởng khoa Nhi, Bệnh viện Đa khoa tỉnh Lạng Sơn;',
      '3. Đặng Văn Ưng, Điều dưỡng trưởng, Trung tâm Y tế huyện Tràng Định.',
      'Nơi nhận:\n- Như Điều 3;',
      '- Lưu: VT, NV.',
      'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      'Đoàn Thu Hà',
    ])
      expect(text).toContain(expected);
  });

  it('lays the header out as a borderless table, with the rules as paragraph borders', () => {
    const header = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(header).toContain('<w:top w:val="none"');
    expect(header).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header.match(/<w:pBdr><w:top w:val="single"/g)).toHaveLength(2);
  });

  it('numbers pages in the top margin from the second page on', async () => {
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(['word/header1.xml', 'word/header2.xml'].map((p) => docxPart(docx, p)));
    expect(headers.some((h) => /<w:instrText[^>]*>PAGE<\/w:instrText>/.test(h))).toBe(true);
  });

  it('makes the list of a large decision one Word table whose header row repeats on every page', async () => {
    const big = await docxPart(await renderDocx(quyetDinhDocument(decisionData(manyNominees(40)))));
    const tables = big.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const list = tables.find((t) => t.includes('Chức vụ, đơn vị'));
    expect(list).toBeDefined();
    expect(list!.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(list!.match(/<w:tr>/g)).toHaveLength(41);
    expect(list).toContain('<w:insideH w:val="single"');
  });

  it('writes text given decomposed (NFD) in composed form (NFC)', async () => {
    const doc: OfficialDocument = { meta: { title: 'Thử', fileStem: 'thu' }, page: portraitPage(), fontSizePt: 14, blocks: [{ kind: 'paragraph', runs: [{ text: 'Đặng Văn Ưng'.normalize('NFD') }] }] };
    expect(await docxText(await renderDocx(doc))).toContain('Đặng Văn Ưng');
  });
});
