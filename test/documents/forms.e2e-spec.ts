import ExcelJS from 'exceljs';
import { docxText, pdfPageSize, pdfText } from '../../libs/forms/src/test-support/read-document-text.js';
import { createCampaign, createProposal, createUnit, http, bearer, type UnitBody } from '../support/api.js';
import { awardWithDossier, download } from '../support/documents.js';
import { describeEachDatabase, useTestApp } from '../support/test-app.js';

const DECISION = { number: '2468/QĐ-UBND', date: '2026-06-15', signedBy: 'Hoàng Văn Nghiệm' };
/** Text read back from a PDF keeps its words but not always its spaces between runs: compare without them. */
const squeeze = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

describeEachDatabase('the dossier: documents out', (database) => {
  const t = useTestApp(database);
  let unit: UnitBody;
  let campaignId: string;

  beforeAll(async () => {
    unit = await http(t)
      .post('/api/units')
      .set('Authorization', bearer(t, { role: 'admin' }))
      .send({ code: `SYT-${Date.now() % 100000}`, name: 'Sở Y tế' })
      .then((response) => response.body as UnitBody);
    campaignId = (await createCampaign(t, { title: 'Phong trào thi đua "Đổi mới, sáng tạo"' })).id;
  });

  const drafter = () => ({ role: 'drafter' as const, unitId: unit.id });

  it("prints the unit's tờ trình as DOCX and PDF, with the nominee's name and diacritics intact", async () => {
    const proposal = await createProposal(t, unit.id, campaignId, { nominee: { type: 'individual', name: 'Nguyễn Thị Hằng' } });
    const docx = await download(t, `/api/proposals/${proposal.id}/forms/to-trinh?format=docx`, drafter());
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toMatch(/^attachment; filename="to-trinh.*\.docx"/);
    const text = await docxText(docx.body as Buffer);
    for (const words of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'TỜ TRÌNH', 'Nguyễn Thị Hằng', 'SỞ Y TẾ']) {
      expect(text).toContain(words);
    }
    const pdf = await download(t, `/api/proposals/${proposal.id}/forms/to-trinh?format=pdf`, drafter());
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(squeeze(await pdfText(pdf.body as Buffer))).toContain(squeeze('Nguyễn Thị Hằng'));
    expect(await pdfPageSize(pdf.body as Buffer)).toEqual({ width: expect.closeTo(595.28, 0), height: expect.closeTo(841.89, 0) });
  });

  it('refuses the decision and the certificate before APPROVE, then prints them with number, date and signer', async () => {
    const proposal = await createProposal(t, unit.id, campaignId, { nominee: { type: 'individual', name: 'Đặng Văn Ưng' } });
    const early = await http(t).get(`/api/proposals/${proposal.id}/forms/quyet-dinh?format=pdf`).set('Authorization', bearer(t, drafter()));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('FORM_NOT_READY');

    await awardWithDossier(t, proposal, DECISION);
    const decision = await download(t, `/api/proposals/${proposal.id}/forms/quyet-dinh?format=docx`, { role: 'home_affairs' });
    expect(decision.status).toBe(200);
    const text = await docxText(decision.body as Buffer);
    for (const words of ['QUYẾT ĐỊNH', '2468/QĐ-UBND', 'Đặng Văn Ưng', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Hoàng Văn Nghiệm', 'Nơi nhận']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/ngày 15 tháng 6 năm 2026/);

    const certificate = await download(t, `/api/proposals/${proposal.id}/forms/bang-khen?format=pdf`, { role: 'home_affairs' });
    expect(certificate.status).toBe(200);
    const printed = squeeze(await pdfText(certificate.body as Buffer));
    expect(printed).toContain(squeeze('BẰNG KHEN'));
    expect(printed).toContain(squeeze('Đặng Văn Ưng'));
    const size = await pdfPageSize(certificate.body as Buffer);
    expect(size.width).toBeGreaterThan(size.height);
  });

  it("prints a campaign's decision over every proposal approved under one number, and only to provincial roles", async () => {
    const other = await createUnit(t);
    const names = ['Lý Thị Mai', 'Vi Văn Đức', 'Hoàng Thị Ánh'];
    const proposals = [
      await createProposal(t, unit.id, campaignId, { nominee: { type: 'individual', name: names[0] } }),
      await createProposal(t, unit.id, campaignId, { nominee: { type: 'individual', name: names[1] } }),
      await createProposal(t, other.id, campaignId, { nominee: { type: 'individual', name: names[2] } }),
    ];
    const shared = { ...DECISION, number: '3579/QĐ-UBND' };
    for (const proposal of proposals) await awardWithDossier(t, proposal, shared);

    const pdf = await download(t, `/api/campaigns/${campaignId}/forms/quyet-dinh?format=pdf`, { role: 'home_affairs' });
    expect(pdf.status).toBe(200);
    const printed = squeeze(await pdfText(pdf.body as Buffer));
    expect(printed).toContain(squeeze('3579/QĐ-UBND'));
    for (const name of names) expect(printed).toContain(squeeze(name));

    const forUnit = await http(t).get(`/api/campaigns/${campaignId}/forms/quyet-dinh`).set('Authorization', bearer(t, drafter()));
    expect(forUnit.status).toBe(403);
  });

  it('exports a filtered list as the .xlsx officials print, every page of it', async () => {
    const xlsx = await download(t, `/api/proposals?campaignId=${campaignId}&format=xlsx`, { role: 'home_affairs' });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Hình thức khen thưởng', 'Tóm tắt thành tích', 'Trạng thái', 'Hạn nộp']);
    const listed = await http(t).get(`/api/proposals?campaignId=${campaignId}&limit=200`).set('Authorization', bearer(t, { role: 'home_affairs' }));
    const names = [];
    for (let row = 4; row <= sheet.rowCount; row++) names.push(String(sheet.getRow(row).getCell(2).value));
    expect(names.sort()).toEqual((listed.body.items as { nominee: { name: string } }[]).map((item) => item.nominee.name).sort());
    expect(names).toContain('Đặng Văn Ưng');
    expect(String(sheet.getRow(4).getCell(1).value)).toBe('1');
  });

  it("writes the nominee's chức vụ in the tờ trình and in the list's Chức vụ column", async () => {
    const ownCampaign = (await createCampaign(t, { title: 'Phong trào thi đua "Chức vụ"' })).id;
    const nominee = { type: 'individual', name: 'Trần Thị Lụa', title: 'Trưởng khoa Nhi' };
    const proposal = await createProposal(t, unit.id, ownCampaign, { nominee });

    const docx = await download(t, `/api/proposals/${proposal.id}/forms/to-trinh?format=docx`, drafter());
    expect(await docxText(docx.body as Buffer)).toContain('Trưởng khoa Nhi, Sở Y tế');

    const xlsx = await download(t, `/api/proposals?campaignId=${ownCampaign}&format=xlsx`, { role: 'home_affairs' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const row = workbook.worksheets[0].getRow(4);
    expect(String(row.getCell(2).value)).toBe('Trần Thị Lụa');
    expect(String(row.getCell(3).value)).toBe('Trưởng khoa Nhi');
  });

  it('refuses an unknown form or format with 400', async () => {
    const proposal = await createProposal(t, unit.id, campaignId);
    const badForm = await http(t).get(`/api/proposals/${proposal.id}/forms/giay-phep`).set('Authorization', bearer(t, drafter()));
    expect(badForm.status).toBe(400);
    const badFormat = await http(t).get(`/api/proposals/${proposal.id}/forms/to-trinh?format=odt`).set('Authorization', bearer(t, drafter()));
    expect(badFormat.status).toBe(400);
    const badList = await http(t).get('/api/proposals?format=csv').set('Authorization', bearer(t, drafter()));
    expect(badList.status).toBe(400);
  });
});
