import ExcelJS from 'exceljs';
import { ShiftedClock } from '#kernel';
import { docxText, pdfText } from '../../libs/forms/src/test-support/read-document-text.js';
import { bearer, createProposal, expectStatus, http, suffix, walkTo, type Caller, type ProposalBody } from '../support/api.js';
import { download } from '../support/documents.js';
import { describeEachDatabase, FIXTURE_START, PAPER_DOSSIERS, useTestApp, type TestApp } from '../support/test-app.js';

/**
 * The generated documents name the unit as on their own day (docs/documents.md, "The unit's name on a
 * document"), not with today's registry. A district drafts and forwards a proposal on 26/05/2026; it becomes a
 * town (Thị xã) from 01/06/2026 and is merged into a commune from 10/06/2026; the chairman decides on
 * 22/06/2026. Then:
 * - its tờ trình, sent on 26/05/2026, still reads "Huyện Cao Lộc" (neither the later name nor the commune's);
 * - the decision and the certificate read "Thị xã Cao Lộc (nay là Xã Cao Lộc)";
 * - the .xlsx list reads "Huyện Cao Lộc (nay là Xã Cao Lộc)".
 */

const ADMIN: Caller = { role: 'admin' };
const DECISION = { number: '3579/QĐ-UBND', date: '2026-06-22', signedBy: 'Hoàng Văn Nghiệm' };
/** Text read back from a PDF keeps its words but not always its spaces between runs: compare without them. */
const squeeze = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

const admin = (t: TestApp, path: string, body: object) => http(t).post(path).set('Authorization', bearer(t, ADMIN)).send(body);

describeEachDatabase('documents name the unit as on their own day', (database) => {
  const clock = new ShiftedClock(FIXTURE_START);
  const t = useTestApp(database, { env: PAPER_DOSSIERS, clock });

  it('a district merged after its proposal was sent: the tờ trình keeps its old name, the decision says what it now is, the list says both', async () => {
    clock.set(FIXTURE_START);
    const tag = suffix();
    const district = await admin(t, '/api/units', { code: `HCL-${tag}`, name: 'Huyện Cao Lộc' });
    expectStatus(district, 201);
    const commune = await admin(t, '/api/units', { code: `XCL-${tag}`, name: 'Xã Cao Lộc' });
    expectStatus(commune, 201);

    // Drafted, submitted and forwarded on 26/05/2026, while it is still "Huyện Cao Lộc".
    const created = await createProposal(t, district.body.id, null, { nominee: { type: 'individual', name: `Lục Văn Thắng ${tag}` } });
    let proposal: ProposalBody = await walkTo(t, created, 'chairmanDecision');

    // Recorded on 26/05/2026, ahead of their days: the town from 01/06, the merge from 10/06.
    expectStatus(
      await admin(t, `/api/units/${district.body.id}/changes`, {
        kind: 'renamed',
        from: '2026-06-01',
        name: 'Thị xã Cao Lộc',
        document: { ref: '1500/NQ-UBTVQH15', issuedAt: '2026-05-20', kind: 'Nghị quyết' },
      }),
      201,
    );
    expectStatus(
      await admin(t, `/api/units/${district.body.id}/changes`, {
        kind: 'merged_into',
        from: '2026-06-10',
        successorId: commune.body.id,
        document: { ref: '1678/NQ-UBTVQH15', issuedAt: '2026-05-25', kind: 'Nghị quyết' },
      }),
      201,
    );

    // The chairman decides after the merge.
    clock.set('2026-06-22T03:00:00Z');
    const approved = await http(t)
      .post(`/api/proposals/${proposal.id}/events`)
      .set('Authorization', bearer(t, { role: 'vice_chairman' }))
      .send({ type: 'APPROVE', decision: DECISION });
    expectStatus(approved, 200);
    proposal = approved.body as ProposalBody;
    expect(proposal.state).toBe('awarded');

    const unitHead: Caller = { role: 'unit_head', unitId: district.body.id };
    const toTrinh = await docxText((await download(t, `/api/proposals/${proposal.id}/forms/to-trinh?format=docx`, unitHead)).body as Buffer);
    expect(toTrinh).toContain('HUYỆN CAO LỘC');
    expect(toTrinh).toContain('Huyện Cao Lộc');
    expect(toTrinh).not.toMatch(/thị xã cao lộc|nay là/i);
    expect(toTrinh).not.toContain('Xã Cao Lộc');
    const toTrinhPdf = squeeze(await pdfText((await download(t, `/api/proposals/${proposal.id}/forms/to-trinh?format=pdf`, unitHead)).body as Buffer));
    expect(toTrinhPdf).toContain(squeeze('HUYỆN CAO LỘC'));
    expect(toTrinhPdf).not.toContain(squeeze('THỊ XÃ CAO LỘC'));

    const decision = await docxText((await download(t, `/api/proposals/${proposal.id}/forms/quyet-dinh?format=docx`, { role: 'home_affairs' })).body as Buffer);
    expect(decision).toContain('Thị xã Cao Lộc (nay là Xã Cao Lộc)');
    expect(decision).not.toContain('Huyện Cao Lộc');
    const certificate = await pdfText((await download(t, `/api/proposals/${proposal.id}/forms/bang-khen?format=pdf`, { role: 'home_affairs' })).body as Buffer);
    expect(squeeze(certificate)).toContain(squeeze('Thị xã Cao Lộc (nay là Xã Cao Lộc)'));

    const xlsx = await download(t, `/api/proposals?unitId=${district.body.id}&format=xlsx`, { role: 'home_affairs' });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(3).getCell(4).value)).toBe('Đơn vị');
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => String(r.getCell(2).value).includes(tag));
    expect(row).toBeDefined();
    expect(String(row!.getCell(4).value)).toBe('Huyện Cao Lộc (nay là Xã Cao Lộc)');
  });

  it("a unit's own award decided after its merge: the Giấy khen is issued by the commune it became, and names the district as it was", async () => {
    clock.set(FIXTURE_START);
    const tag = suffix();
    const district = await admin(t, '/api/units', { code: `HVL-${tag}`, name: 'Huyện Văn Lãng' });
    const commune = await admin(t, '/api/units', { code: `XNA-${tag}`, name: 'Xã Na Sầm' });
    expectStatus(commune, 201);
    const created = await createProposal(t, district.body.id, null, { awardForm: 'unit_certificate', nominee: { type: 'individual', name: `Hoàng Thị Mai ${tag}` } });
    const submitted = await walkTo(t, created, 'unitDecision');
    expectStatus(
      await admin(t, `/api/units/${district.body.id}/changes`, {
        kind: 'merged_into',
        from: '2026-06-10',
        successorId: commune.body.id,
        document: { ref: '1678/NQ-UBTVQH15', issuedAt: '2026-05-25', kind: 'Nghị quyết' },
      }),
      201,
    );

    clock.set('2026-06-22T03:00:00Z');
    const unitHead: Caller = { role: 'unit_head', unitId: district.body.id };
    const awarded = await http(t).post(`/api/proposals/${submitted.id}/events`).set('Authorization', bearer(t, unitHead)).send({ type: 'AWARD_AT_UNIT' });
    expectStatus(awarded, 200);

    const toTrinh = await docxText((await download(t, `/api/proposals/${submitted.id}/forms/to-trinh?format=docx`, unitHead)).body as Buffer);
    expect(toTrinh).toContain('HUYỆN VĂN LÃNG');
    expect(toTrinh).toContain('Thủ trưởng Huyện Văn Lãng');
    expect(toTrinh).not.toMatch(/na sầm|nay là/i);

    const decision = await docxText((await download(t, `/api/proposals/${submitted.id}/forms/quyet-dinh?format=docx`, unitHead)).body as Buffer);
    expect(decision).toContain('XÃ NA SẦM');
    expect(decision).toContain(`/QĐ-XNA-${tag}`);
    expect(decision).toContain('Huyện Văn Lãng (nay là Xã Na Sầm)');
  });
});
