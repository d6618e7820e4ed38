import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  elfExecutable,
  minimalPdf,
  oleDoc,
  windowsExecutable,
  xlsxShapedZip,
  zipBombDocx,
} from '../../libs/documents/src/test-support/zip-fixtures.js';
import { bearer, createProposal, getHistory, http, seed, type Caller, type ProposalBody, type Seed } from '../support/api.js';
import { uploadDocument } from '../support/documents.js';
import { describeEachDatabase, useTestApp, type TestApp } from '../support/test-app.js';

/** A small limit, so that "over the limit" is cheap to send. */
const LIMIT = 256 * 1024;
/**
 * Far more than the loopback socket buffers hold (a few MB), so that "answered before it was all sent" means
 * the server answered before reading it, not that the kernel swallowed the whole body first.
 */
const OVERSIZED = 48 * 1024 * 1024;

/** Every file the store holds, staged or kept (there must be none after a refusal). */
function filesUnder(directory: string): string[] {
  try {
    return readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/**
 * Sends a multipart upload by hand: the headers (with the declared length), then the body in slices, and
 * reports when the answer came relative to how much had been sent.
 */
function rawUpload(
  t: TestApp,
  proposalId: string,
  caller: Caller,
  options: { bytes: number; declareLength: boolean },
): Promise<{ status: number; body: Record<string, unknown>; sentBeforeAnswer: number }> {
  const boundary = '----kt-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nkhac\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.length + options.bytes + tail.length;
  const { port } = t.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/proposals/${proposalId}/documents`,
        headers: {
          Authorization: bearer(t, caller),
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          ...(options.declareLength ? { 'Content-Length': String(total) } : { 'Transfer-Encoding': 'chunked' }),
        },
      },
      (response) => {
        answered = true;
        const sentBeforeAnswer = sent;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}'), sentBeforeAnswer }),
        );
      },
    );
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const slice = Buffer.alloc(16 * 1024, 0x20);
    const pump = () => {
      if (answered) return request.destroy();
      if (sent === 0) {
        request.write(head);
        sent += head.length;
      }
      if (sent >= head.length + options.bytes) {
        request.end(tail);
        return;
      }
      const n = Math.min(slice.length, head.length + options.bytes - sent);
      sent += n;
      if (request.write(slice.subarray(0, n))) setImmediate(pump);
      else request.once('drain', pump);
    };
    pump();
  });
}

describeEachDatabase('bad uploads: a clear refusal, and nothing stored', (database) => {
  const t = useTestApp(database, { env: { DOCUMENT_MAX_BYTES: String(LIMIT) } });
  let home: Seed;
  let proposal: ProposalBody;
  const drafter = (): Caller => ({ role: 'drafter', unitId: home.unit.id });

  beforeAll(async () => {
    home = await seed(t);
    proposal = await createProposal(t, home.unit.id, home.campaign.id);
  });

  /** Runs `send`, expects `status` and `code`, and that not a row, a history line or a file was added. */
  async function refusedWithNothingStored<R extends { status: number; body: Record<string, unknown> }>(send: () => Promise<R>, status: number, code: string): Promise<R> {
    const rows = await t.rowCounts();
    const history = (await getHistory(t, proposal.id)).length;
    const files = filesUnder(t.config.documents.directory);
    const response = await send();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(typeof response.body.message).toBe('string');
    await expect(t.rowCounts()).resolves.toEqual(rows);
    expect(await getHistory(t, proposal.id)).toHaveLength(history);
    expect(filesUnder(t.config.documents.directory)).toEqual(files);
    return response;
  }

  const upload = (kind: string, bytes: Buffer, name = 'tai-lieu.pdf') => uploadDocument(t, proposal.id, drafter(), kind, bytes, name);

  it.each([
    ['a Linux executable renamed .pdf', elfExecutable()],
    ['a Windows executable renamed .pdf', windowsExecutable()],
    ['an old Word .doc', oleDoc()],
    ['a spreadsheet (a ZIP that is no DOCX)', xlsxShapedZip()],
    ['plain text', Buffer.from('Báo cáo thành tích\n')],
  ])('refuses %s with 415', async (_name, bytes) => {
    await refusedWithNothingStored(() => upload('khac', bytes), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an empty file with 400 naming the field', async () => {
    const response = await refusedWithNothingStored(() => upload('khac', Buffer.alloc(0)), 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
  });

  it.each([
    ['that says how large it is', true],
    ['that lies about nothing but hides its size', false],
  ])('refuses a zip bomb posing as DOCX %s with 422', async (_name, declaredHonestly) => {
    await refusedWithNothingStored(() => upload('khac', zipBombDocx({ declaredHonestly }), 'bao-cao.docx'), 422, 'UNSAFE_ARCHIVE');
  });

  it('refuses an unknown kind, or none, with 400 before reading the file', async () => {
    const unknown = await refusedWithNothingStored(() => upload('hoa_don', minimalPdf()), 400, 'VALIDATION_FAILED');
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    await refusedWithNothingStored(
      () => http(t).post(`/api/proposals/${proposal.id}/documents`).set('Authorization', bearer(t, drafter())).attach('file', minimalPdf(), 'a.pdf'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses a body that is not multipart', async () => {
    await refusedWithNothingStored(
      () => http(t).post(`/api/proposals/${proposal.id}/documents`).set('Authorization', bearer(t, drafter())).send({ kind: 'khac' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses a form without a file', async () => {
    await refusedWithNothingStored(
      () => http(t).post(`/api/proposals/${proposal.id}/documents`).set('Authorization', bearer(t, drafter())).field('kind', 'khac'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses two files', async () => {
    await refusedWithNothingStored(
      () =>
        http(t)
          .post(`/api/proposals/${proposal.id}/documents`)
          .set('Authorization', bearer(t, drafter()))
          .field('kind', 'khac')
          .attach('file', minimalPdf('one'), 'one.pdf')
          .attach('file', minimalPdf('two'), 'two.pdf'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('answers 413 to a declared length over the limit before the body is read in full', async () => {
    const response = await refusedWithNothingStored(
      () => rawUpload(t, proposal.id, drafter(), { bytes: OVERSIZED, declareLength: true }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(response.body.limit).toBe(LIMIT);
    expect(response.sentBeforeAnswer).toBeLessThan(OVERSIZED);
  });

  it('cuts off a chunked body where it crosses the limit, with 413', async () => {
    const response = await refusedWithNothingStored(
      () => rawUpload(t, proposal.id, drafter(), { bytes: OVERSIZED, declareLength: false }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(response.sentBeforeAnswer).toBeLessThan(OVERSIZED);
  });

  it('takes a file exactly at the limit', async () => {
    const pdf = minimalPdf();
    const bytes = Buffer.concat([pdf, Buffer.alloc(LIMIT - pdf.length, 0x20)]);
    const response = await upload('khac', bytes);
    expect(response.status).toBe(201);
    expect(response.body.size).toBe(LIMIT);
  });

  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\clerk\\Desktop\\Tờ trình.pdf', 'Tờ trình.pdf'],
    ['\u202Efdp.exe', 'fdp.pdf'],
    ['...', 'tai-lieu.pdf'],
  ])('keeps only a safe name: %j becomes %j', async (sent, kept) => {
    const response = await upload('khac', minimalPdf(), sent);
    expect(response.status).toBe(201);
    expect(response.body.fileName).toBe(kept);
  });

  it('refuses uploads to a proposal that does not exist, with 404', async () => {
    const response = await uploadDocument(t, '00000000-0000-4000-8000-000000000000', drafter(), 'khac', minimalPdf());
    expect(response.status).toBe(404);
  });
});
