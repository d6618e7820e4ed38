import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { minimalDocx, minimalPdf, minimalPng } from '../../libs/documents/src/test-support/zip-fixtures.js';
import {
  bearer,
  createProposal,
  createUnit,
  getHistory,
  getProposal,
  http,
  postEvent,
  seed,
  STEPS,
  type Caller,
  type ProposalBody,
  type Seed,
  type UnitBody,
} from '../support/api.js';
import { attach, uploadDocument, type DocumentBody } from '../support/documents.js';
import { describeEachDatabase, useTestApp } from '../support/test-app.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface DossierBody {
  uploadableKinds: string[];
  canRemove: boolean;
  required: { event: string; rule: string; documentKind: string; present: boolean; message: string }[];
  forms: string[];
}

describeEachDatabase('the dossier: documents in', (database) => {
  const t = useTestApp(database);
  let home: Seed;
  let other: UnitBody;

  beforeAll(async () => {
    home = await seed(t);
    other = await createUnit(t);
  });

  const drafter = (): Caller => ({ role: 'drafter', unitId: home.unit.id });
  const unitHead = (): Caller => ({ role: 'unit_head', unitId: home.unit.id });
  const draft = (overrides: Record<string, unknown> = {}) => createProposal(t, home.unit.id, home.campaign.id, overrides);
  const dossierOf = async (id: string, caller: Caller) => (await getProposal(t, id, caller)) as ProposalBody & { dossier: DossierBody };

  it('stores an upload by its content, keeps its Vietnamese name, seals it in the chain and serves the same bytes back', async () => {
    const proposal = await draft();
    const bytes = minimalPdf('Bao cao thanh tich');
    const response = await uploadDocument(t, proposal.id, drafter(), 'bao_cao_thanh_tich', bytes, 'Báo cáo thành tích – Nguyễn Văn An.pdf');
    expect(response.status).toBe(201);
    const document = response.body as DocumentBody;
    expect(document).toMatchObject({
      kind: 'bao_cao_thanh_tich',
      fileName: 'Báo cáo thành tích – Nguyễn Văn An.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      uploadedBy: { id: `drafter@${home.unit.id}` },
    });

    const listed = await http(t).get(`/api/proposals/${proposal.id}/documents`).set('Authorization', bearer(t, { role: 'council' }));
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([document]);

    const download = await http(t)
      .get(`/api/proposals/${proposal.id}/documents/${document.id}`)
      .set('Authorization', bearer(t, unitHead()))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    expect(download.headers.etag).toBe(`"${sha256(bytes)}"`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Báo cáo thành tích – Nguyễn Văn An.pdf')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const notModified = await http(t)
      .get(`/api/proposals/${proposal.id}/documents/${document.id}`)
      .set('Authorization', bearer(t, unitHead()))
      .set('If-None-Match', `"${sha256(bytes)}"`);
    expect(notModified.status).toBe(304);

    const history = await getHistory(t, proposal.id);
    expect(history.map((event) => event.type)).toEqual(['CREATED', 'DOCUMENT_ATTACHED']);
    expect(history[1]).toMatchObject({
      seq: 2,
      state: 'drafting',
      prevHash: history[0].hash,
      payload: { documentId: document.id, kind: 'bao_cao_thanh_tich', sha256: sha256(bytes), size: bytes.length, mediaType: 'application/pdf' },
    });
    const after = await getProposal(t, proposal.id, drafter());
    expect(after.version).toBe(proposal.version + 1);
    expect(after.state).toBe('drafting');
  });

  it('judges the type by the bytes: a PNG named .pdf is a PNG, and is served as one', async () => {
    const proposal = await draft();
    const response = await uploadDocument(t, proposal.id, drafter(), 'khac', minimalPng(), 'ảnh hiện trường.pdf');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ mediaType: 'image/png', fileName: 'ảnh hiện trường.png' });
    const docx = await uploadDocument(t, proposal.id, drafter(), 'to_trinh', minimalDocx('Tờ trình'), 'to-trinh.docx');
    expect(docx.status).toBe(201);
    expect(docx.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('keeps the same bytes once, however often they are attached', async () => {
    const bytes = minimalPdf(`dedup ${database}`);
    const first = await draft();
    const second = await draft();
    const before = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM document_blobs'))[0].n);
    await attach(t, first.id, drafter(), 'khac', bytes);
    await attach(t, second.id, drafter(), 'khac', bytes);
    await attach(t, second.id, drafter(), 'bao_cao_thanh_tich', bytes);
    const blobs = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM document_blobs'))[0].n);
    if (t.config.documents.storage === 'database') {
      expect(blobs).toBe(before + 1);
    } else {
      expect(blobs).toBe(0);
      const digest = sha256(bytes);
      expect(existsSync(join(t.config.documents.directory, digest.slice(0, 2), digest.slice(2, 4), digest))).toBe(true);
    }
  });

  it('takes several files dropped on one dossier at once, sealing each after the other', async () => {
    const proposal = await draft();
    const sent = await Promise.all(
      Array.from({ length: 6 }, (_, n) => uploadDocument(t, proposal.id, drafter(), 'khac', minimalPdf(`cung luc ${n}`), `tệp ${n}.pdf`)),
    );
    expect(sent.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const history = await getHistory(t, proposal.id);
    expect(history.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(history.slice(1).map((event) => event.payload.documentId))).toEqual(new Set(sent.map((response) => response.body.id)));
    const verify = await http(t).get('/api/audit/verify').set('Authorization', bearer(t, { role: 'auditor' }));
    expect(verify.body.ok).toBe(true);
  });

  it('keeps the bytes where the database is on PostgreSQL, and on disk beside a SQLite file', () => {
    expect(t.config.documents.storage).toBe(database === 'postgres' ? 'database' : 'files');
  });

  describe('required documents (HS-1 … HS-4)', () => {
    it('HS-1: a proposal leaves drafting only with its achievement report; the refusal names the kind and writes nothing', async () => {
      const proposal = await draft();
      const shown = await dossierOf(proposal.id, drafter());
      expect(shown.dossier.required).toEqual([
        expect.objectContaining({ event: 'SUBMIT', rule: 'HS-1', documentKind: 'bao_cao_thanh_tich', present: false }),
      ]);
      expect(shown.dossier.uploadableKinds).toEqual(expect.arrayContaining(['bao_cao_thanh_tich', 'to_trinh', 'khac']));
      expect(shown.dossier.uploadableKinds).not.toContain('quyet_dinh');

      const before = await t.rowCounts();
      const refused = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('RULE_VIOLATION');
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'HS-1', documentKind: 'bao_cao_thanh_tich' })]);
      await expect(t.rowCounts()).resolves.toEqual(before);

      await attach(t, proposal.id, drafter(), 'bao_cao_thanh_tich');
      expect((await dossierOf(proposal.id, drafter())).dossier.required[0].present).toBe(true);
      const submitted = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      expect(submitted.status).toBe(200);
      expect(submitted.body.state).toBe('unitDecision');
    });

    it('HS-2 and HS-3: FORWARD waits for the unit’s tờ trình, RECOMMEND for the council’s minutes', async () => {
      const proposal = await draft();
      await attach(t, proposal.id, drafter(), 'bao_cao_thanh_tich');
      expect((await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' })).status).toBe(200);

      const forward = await postEvent(t, proposal.id, unitHead(), { type: 'FORWARD' });
      expect(forward.status).toBe(422);
      expect(forward.body.violations).toEqual([expect.objectContaining({ rule: 'HS-2', documentKind: 'to_trinh' })]);
      // The drafter handed the proposal over: in unitDecision only the head adds to the dossier.
      expect((await uploadDocument(t, proposal.id, drafter(), 'to_trinh', minimalPdf())).status).toBe(409);
      await attach(t, proposal.id, unitHead(), 'to_trinh');
      expect((await postEvent(t, proposal.id, unitHead(), { type: 'FORWARD' })).status).toBe(200);

      const council: Caller = { role: 'council' };
      expect((await dossierOf(proposal.id, council)).dossier.required).toEqual([
        expect.objectContaining({ event: 'RECOMMEND', rule: 'HS-3', documentKind: 'bien_ban_hoi_dong', present: false }),
      ]);
      const recommend = await postEvent(t, proposal.id, council, STEPS.RECOMMEND.body);
      expect(recommend.status).toBe(422);
      expect(recommend.body.violations).toEqual([expect.objectContaining({ rule: 'HS-3', documentKind: 'bien_ban_hoi_dong' })]);
      await attach(t, proposal.id, council, 'bien_ban_hoi_dong');
      expect((await postEvent(t, proposal.id, council, STEPS.RECOMMEND.body)).status).toBe(200);
    });

    it('HS-4: an extraordinary achievement dated by its recognition needs the recognising document, listed with HS-1', async () => {
      const proposal = await createProposal(t, home.unit.id, null, {
        achievement: { summary: 'Cứu 3 người bị nạn trong lũ quét', date: '2026-04-22', recognizedAt: '2026-04-24', basis: 'rescue' },
      });
      const refused = await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      expect(refused.status).toBe(422);
      expect(refused.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['HS-1', 'HS-4']);
      await attach(t, proposal.id, drafter(), 'bao_cao_thanh_tich');
      await attach(t, proposal.id, drafter(), 'van_ban_cong_nhan');
      expect((await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' })).status).toBe(200);
    });
  });

  describe('removal and who may do what', () => {
    it('removes while drafting: gone from the list, logged, still readable to an auditor', async () => {
      const proposal = await draft();
      const document = await attach(t, proposal.id, drafter(), 'khac');
      const removed = await http(t).delete(`/api/proposals/${proposal.id}/documents/${document.id}`).set('Authorization', bearer(t, drafter()));
      expect(removed.status).toBe(204);
      const listed = await http(t).get(`/api/proposals/${proposal.id}/documents`).set('Authorization', bearer(t, drafter()));
      expect(listed.body.items).toEqual([]);
      const history = await getHistory(t, proposal.id);
      expect(history.map((event) => event.type)).toEqual(['CREATED', 'DOCUMENT_ATTACHED', 'DOCUMENT_REMOVED']);
      expect(history[2].payload).toMatchObject({ documentId: document.id, sha256: document.sha256 });
      const path = `/api/proposals/${proposal.id}/documents/${document.id}`;
      expect((await http(t).get(path).set('Authorization', bearer(t, drafter()))).status).toBe(404);
      expect((await http(t).get(path).set('Authorization', bearer(t, { role: 'auditor' }))).status).toBe(200);
      expect((await http(t).delete(path).set('Authorization', bearer(t, drafter()))).status).toBe(404);
    });

    it('refuses removal once the unit has handed the proposal on, and keeps the document', async () => {
      const proposal = await draft();
      const document = await attach(t, proposal.id, drafter(), 'bao_cao_thanh_tich');
      expect((await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' })).status).toBe(200);
      expect((await dossierOf(proposal.id, unitHead())).dossier.canRemove).toBe(false);
      const refused = await http(t).delete(`/api/proposals/${proposal.id}/documents/${document.id}`).set('Authorization', bearer(t, unitHead()));
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('INVALID_TRANSITION');
      const listed = await http(t).get(`/api/proposals/${proposal.id}/documents`).set('Authorization', bearer(t, unitHead()));
      expect(listed.body.items).toHaveLength(1);
    });

    it('keeps other units out and auditors read-only, writing nothing', async () => {
      const proposal = await draft();
      await attach(t, proposal.id, drafter(), 'khac');
      const before = await t.rowCounts();
      const outsider: Caller = { role: 'drafter', unitId: other.id };
      expect((await uploadDocument(t, proposal.id, outsider, 'khac', minimalPdf())).status).toBe(403);
      expect((await http(t).get(`/api/proposals/${proposal.id}/documents`).set('Authorization', bearer(t, outsider))).status).toBe(403);
      expect((await uploadDocument(t, proposal.id, { role: 'auditor' }, 'khac', minimalPdf())).status).toBe(403);
      // The council has nothing to add while the unit drafts.
      expect((await uploadDocument(t, proposal.id, { role: 'council' }, 'bien_ban_hoi_dong', minimalPdf())).status).toBe(409);
      await expect(t.rowCounts()).resolves.toEqual(before);
      const auditor = await http(t).get(`/api/proposals/${proposal.id}/documents`).set('Authorization', bearer(t, { role: 'auditor' }));
      expect(auditor.status).toBe(200);
    });

    it('takes the signed decision back after APPROVE', async () => {
      const proposal = await draft();
      await attach(t, proposal.id, drafter(), 'bao_cao_thanh_tich');
      await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      await attach(t, proposal.id, unitHead(), 'to_trinh');
      await postEvent(t, proposal.id, unitHead(), { type: 'FORWARD' });
      await attach(t, proposal.id, { role: 'council' }, 'bien_ban_hoi_dong');
      await postEvent(t, proposal.id, { role: 'council' }, STEPS.RECOMMEND.body);
      await postEvent(t, proposal.id, { role: 'home_affairs' }, STEPS.AGREE.body);
      // No decision before the chairman decides: the stage has nothing to add.
      expect((await uploadDocument(t, proposal.id, { role: 'home_affairs' }, 'quyet_dinh', minimalPdf())).status).toBe(409);
      const approved = await postEvent(t, proposal.id, { role: 'vice_chairman' }, STEPS.APPROVE.body);
      expect(approved.body.state).toBe('awarded');
      expect((await dossierOf(proposal.id, { role: 'home_affairs' })).dossier).toMatchObject({
        uploadableKinds: ['quyet_dinh'],
        forms: ['to-trinh', 'quyet-dinh', 'bang-khen'],
      });
      const signed = await attach(t, proposal.id, { role: 'home_affairs' }, 'quyet_dinh');
      expect(signed.kind).toBe('quyet_dinh');
    });
  });

  describe('audit', () => {
    it('replays across document lines and verifies clean', async () => {
      const proposal = await draft();
      await attach(t, proposal.id, drafter(), 'bao_cao_thanh_tich');
      await postEvent(t, proposal.id, drafter(), { type: 'SUBMIT' });
      const replay = await http(t).get(`/api/proposals/${proposal.id}/replay`).set('Authorization', bearer(t, { role: 'auditor' }));
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ state: 'unitDecision', seq: 3, matchesStored: true, chainValid: true });
      const atDocument = await http(t).get(`/api/proposals/${proposal.id}/replay?seq=2`).set('Authorization', bearer(t, { role: 'auditor' }));
      expect(atDocument.body).toMatchObject({ state: 'drafting', seq: 2 });
      const verify = await http(t).get('/api/audit/verify').set('Authorization', bearer(t, { role: 'auditor' }));
      expect(verify.status).toBe(200);
      expect(verify.body).toMatchObject({ ok: true, broken: [] });
      const exported = await http(t).get(`/api/audit/export?proposalId=${proposal.id}`).set('Authorization', bearer(t, { role: 'auditor' }));
      const lines = exported.text.trim().split('\n').map((line) => JSON.parse(line) as { type: string; payload: { kind?: string } });
      expect(lines.map((line) => line.type)).toEqual(['CREATED', 'DOCUMENT_ATTACHED', 'SUBMIT']);
      expect(lines[1].payload.kind).toBe('bao_cao_thanh_tich');
    });
  });
});
