import type { Response } from 'supertest';
import { minimalPdf } from '../../libs/documents/src/test-support/zip-fixtures.js';
import { bearer, expectStatus, http, type Caller, type ProposalBody } from './api.js';
import type { TestApp } from './test-app.js';

export interface DocumentBody {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: { id: string; name: string | null };
  uploadedAt: string;
}

/** Sends one upload the way a browser's form does: the field `kind` first, then `file`. */
export function uploadDocument(
  t: TestApp,
  proposalId: string,
  caller: Caller,
  kind: string,
  bytes: Buffer,
  fileName = 'tai-lieu.pdf',
): Promise<Response> {
  return http(t)
    .post(`/api/proposals/${proposalId}/documents`)
    .set('Authorization', bearer(t, caller))
    .field('kind', kind)
    .attach('file', bytes, { filename: fileName, contentType: 'application/octet-stream' });
}

export async function attach(t: TestApp, proposalId: string, caller: Caller, kind: string, bytes = minimalPdf(kind)): Promise<DocumentBody> {
  const response = await uploadDocument(t, proposalId, caller, kind, bytes, `${kind}.pdf`);
  expectStatus(response, 201);
  return response.body as DocumentBody;
}

/** The documents each step of the happy path waits for (HS-1 … HS-3), attached by whoever holds the proposal. */
export const DOCUMENTS_BEFORE: Record<string, { kind: string; caller: (unitId: string) => Caller }[]> = {
  SUBMIT: [{ kind: 'bao_cao_thanh_tich', caller: (unitId) => ({ role: 'drafter', unitId }) }],
  FORWARD: [{ kind: 'to_trinh', caller: (unitId) => ({ role: 'unit_head', unitId }) }],
  RECOMMEND: [{ kind: 'bien_ban_hoi_dong', caller: () => ({ role: 'council' }) }],
};

/** Attaches what `step` needs to `proposal` (nothing for steps that need nothing). */
export async function prepareDossierFor(t: TestApp, proposal: Pick<ProposalBody, 'id' | 'unitId'>, step: string): Promise<void> {
  for (const { kind, caller } of DOCUMENTS_BEFORE[step] ?? []) await attach(t, proposal.id, caller(proposal.unitId), kind);
}

/** GETs a file and hands back its bytes, status and headers (supertest would try to parse a PDF as text). */
export function download(t: TestApp, path: string, caller: Caller) {
  return http(t)
    .get(path)
    .set('Authorization', bearer(t, caller))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

/** Walks a proposal to `awarded` the way the users do: each step's documents first, then the step. */
export async function awardWithDossier(
  t: TestApp,
  proposal: Pick<ProposalBody, 'id' | 'unitId'>,
  decision: { number: string; date: string; signedBy: string },
): Promise<void> {
  const steps: [string, Caller, Record<string, unknown>][] = [
    ['SUBMIT', { role: 'drafter', unitId: proposal.unitId }, { type: 'SUBMIT' }],
    ['FORWARD', { role: 'unit_head', unitId: proposal.unitId }, { type: 'FORWARD' }],
    ['RECOMMEND', { role: 'council' }, { type: 'RECOMMEND', vote: { members: 9, for: 8, against: 1 } }],
    ['AGREE', { role: 'home_affairs' }, { type: 'AGREE' }],
    ['APPROVE', { role: 'vice_chairman' }, { type: 'APPROVE', decision }],
  ];
  for (const [step, caller, body] of steps) {
    await prepareDossierFor(t, proposal, step);
    const response = await http(t).post(`/api/proposals/${proposal.id}/events`).set('Authorization', bearer(t, caller)).send(body);
    expectStatus(response, 200);
  }
}
