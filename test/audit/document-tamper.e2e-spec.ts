import { randomUUID } from 'node:crypto';
import { chmod, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minimalPdf } from '../../libs/documents/src/test-support/zip-fixtures.js';
import { bearer, createProposal, expectStatus, getHistory, http, postEvent, seed, type Caller, type ProposalBody, type Seed } from '../support/api.js';
import { classified, runAuditCli, sql, verify, type BrokenEntry, type VerifyBody } from '../support/audit.js';
import { attach, type DocumentBody } from '../support/documents.js';
import { describeEachDatabase, useTestApp } from '../support/test-app.js';

/**
 * ISSUE: the dossier's documents tampered with behind the log. Verify (docs/documents.md) must catch, and name
 * with the proposal, the seq of the DOCUMENT_ATTACHED line and the reason, every way someone holding the
 * database or the documents folder can change a document after the log sealed it: its bytes swapped or deleted,
 * its record edited, deleted or forged, its removal stamp cleared. Nothing here goes through the application but
 * the setup: the tampering is plain SQL on the suite's own database and plain file operations on its folder.
 *
 * Every victim is a fresh proposal whose log reads:
 *   seq 1 CREATED · seq 2 DOCUMENT_ATTACHED "kept" · seq 3 DOCUMENT_ATTACHED "removed" · seq 4 DOCUMENT_REMOVED.
 * Each case checks the log whole first, tampers, checks that exactly its victim is named, then puts everything
 * back and checks the log whole again, so that no case hides or causes another's finding. At the end, every
 * tampering is done at once on new victims, and the API and the CLI must list exactly those.
 */

type Reason = 'document_altered' | 'document_missing';
type Restore = () => Promise<void>;
type Row = Record<string, unknown>;

/** A victim: a proposal with one live document (sealed at seq 2) and one removed (sealed at 3, removed at 4). */
interface Dossier {
  proposal: ProposalBody;
  kept: DocumentBody;
  removed: DocumentBody;
}

const KEPT_SEQ = 2;
const REMOVED_SEQ = 3;
const REMOVAL_LINE_SEQ = 4;

interface Case {
  title: string;
  /** How many fresh victims the case needs (1 unless it moves a document between two). */
  victims?: number;
  tamper(victims: Dossier[]): Promise<Restore>;
  /** What verify must list for this case (in any order; it lists by proposal id). */
  expected(victims: Dossier[]): BrokenEntry[];
}

const byProposalId = (a: BrokenEntry, b: BrokenEntry) => ((a.proposalId ?? '') < (b.proposalId ?? '') ? -1 : 1);

describeEachDatabase('documents tampered with behind the log', (database) => {
  const t = useTestApp(database);
  /** Each database's default (docs/documents.md), checked in the first test: the byte tampering depends on it. */
  const STORAGE = database === 'postgres' ? 'database' : 'files';
  let home: Seed;
  /** Proposals nobody tampers with: none of them may ever be named. */
  let untouched: { dossier: Dossier; submitted: ProposalBody; bare: ProposalBody };

  const drafter = (): Caller => ({ role: 'drafter', unitId: home.unit.id });
  const unitHead = (): Caller => ({ role: 'unit_head', unitId: home.unit.id });
  let documentCount = 0;
  /** Bytes no other document of the suite has: content addressing would otherwise share one file between victims. */
  const uniquePdf = (label: string) => minimalPdf(`${database} ${++documentCount} ${label} ${randomUUID()}`);

  async function dossier(label: string): Promise<Dossier> {
    const proposal = await createProposal(t, home.unit.id, home.campaign.id);
    const kept = await attach(t, proposal.id, drafter(), 'bao_cao_thanh_tich', uniquePdf(`${label} kept`));
    const removed = await attach(t, proposal.id, drafter(), 'khac', uniquePdf(`${label} removed`));
    const response = await http(t).delete(`/api/proposals/${proposal.id}/documents/${removed.id}`).set('Authorization', bearer(t, drafter()));
    expectStatus(response, 204);
    return { proposal, kept, removed };
  }

  const liveDocuments = async (proposalId: string): Promise<DocumentBody[]> => {
    const response = await http(t).get(`/api/proposals/${proposalId}/documents`).set('Authorization', bearer(t, drafter()));
    expectStatus(response, 200);
    return response.body.items as DocumentBody[];
  };

  // ------------------------------------------------------------------------------------------ the stored bytes

  /** The bytes under a hash, wherever this database keeps them (files on SQLite, chunks in the table on PostgreSQL). */
  const store = {
    path: (sha256: string) => join(t.config.documents.directory, sha256.slice(0, 2), sha256.slice(2, 4), sha256),

    async read(sha256: string): Promise<Buffer> {
      if (t.config.documents.storage === 'files') return readFile(store.path(sha256));
      const chunks = await sql<{ bytes: Buffer }>(t, 'SELECT bytes FROM document_blob_chunks WHERE sha256 = ? ORDER BY n', [sha256]);
      return Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.bytes)));
    },

    /** Other bytes under the same hash: the file made writable and overwritten, or the chunk's bytes updated. */
    async overwrite(sha256: string, forged: Buffer): Promise<Restore> {
      const original = await store.read(sha256);
      expect(Buffer.compare(original, forged)).not.toBe(0);
      if (t.config.documents.storage === 'files') {
        const path = store.path(sha256);
        expect((await stat(path)).mode & 0o777).toBe(0o444);
        const put = async (bytes: Buffer) => {
          await chmod(path, 0o644);
          await writeFile(path, bytes);
          await chmod(path, 0o444);
        };
        await put(forged);
        return () => put(original);
      }
      const [blob] = await sql<{ chunks: number | string }>(t, 'SELECT chunks FROM document_blobs WHERE sha256 = ?', [sha256]);
      expect(Number(blob.chunks)).toBe(1); // a small PDF is one chunk
      const put = (bytes: Buffer) => sql(t, 'UPDATE document_blob_chunks SET bytes = ? WHERE sha256 = ? AND n = 0', [bytes, sha256]).then(() => undefined);
      await put(forged);
      return () => put(original);
    },

    /** The bytes gone: the file unlinked, or the blob's rows (its head and its chunks) deleted. */
    async remove(sha256: string, what: 'all' | 'chunks only' = 'all'): Promise<Restore> {
      if (t.config.documents.storage === 'files') {
        const path = store.path(sha256);
        const original = await readFile(path);
        await unlink(path);
        return async () => {
          await writeFile(path, original);
          await chmod(path, 0o444);
        };
      }
      const blobs = await sql<Row>(t, 'SELECT sha256, size, chunks, created_at FROM document_blobs WHERE sha256 = ?', [sha256]);
      const chunks = await sql<Row>(t, 'SELECT sha256, n, bytes FROM document_blob_chunks WHERE sha256 = ?', [sha256]);
      expect(blobs).toHaveLength(1);
      await sql(t, 'DELETE FROM document_blob_chunks WHERE sha256 = ?', [sha256]);
      if (what === 'all') await sql(t, 'DELETE FROM document_blobs WHERE sha256 = ?', [sha256]);
      return async () => {
        for (const c of chunks) await sql(t, 'INSERT INTO document_blob_chunks (sha256, n, bytes) VALUES (?, ?, ?)', [c.sha256, c.n, c.bytes]);
        if (what === 'all') {
          const [b] = blobs;
          await sql(t, 'INSERT INTO document_blobs (sha256, size, chunks, created_at) VALUES (?, ?, ?, ?)', [b.sha256, b.size, b.chunks, b.created_at]);
        }
      };
    },
  };

  /** Same length, other bytes: one letter of the PDF's text changed case. */
  const sameLengthForgery = (original: Buffer) => {
    const text = original.toString('latin1');
    const forged = Buffer.from(text.replace(/ kept /, ' KEPT ').replace(/ removed /, ' REMOVED '), 'latin1');
    expect(forged.length).toBe(original.length);
    return forged;
  };

  // ------------------------------------------------------------------------------------------ the records

  const COLUMNS = ['id', 'proposal_id', 'seq', 'kind', 'file_name', 'media_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at', 'removed_seq', 'removed_by', 'removed_at'];

  const records = {
    async get(id: string): Promise<Row> {
      const [row] = await sql<Row>(t, `SELECT ${COLUMNS.join(', ')} FROM proposal_documents WHERE id = ?`, [id]);
      if (!row) throw new Error(`no proposal_documents row ${id}`);
      return row;
    },

    async insert(row: Row): Promise<Restore> {
      await sql(t, `INSERT INTO proposal_documents (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`, COLUMNS.map((c) => row[c]));
      return async () => {
        await sql(t, 'DELETE FROM proposal_documents WHERE id = ?', [row.id]);
      };
    },

    /** `UPDATE proposal_documents SET …` on one row; the restore writes every column back. */
    async update(id: string, changes: Row): Promise<Restore> {
      const original = await records.get(id);
      const set = async (values: Row) => {
        const columns = Object.keys(values);
        await sql(t, `UPDATE proposal_documents SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...columns.map((c) => values[c]), id]);
      };
      await set(changes);
      return () => set(Object.fromEntries(COLUMNS.filter((c) => c !== 'id').map((c) => [c, original[c]])));
    },

    async remove(id: string): Promise<Restore> {
      const original = await records.get(id);
      await sql(t, 'DELETE FROM proposal_documents WHERE id = ?', [id]);
      return async () => {
        await records.insert(original);
      };
    },
  };

  // ------------------------------------------------------------------------------------------ the cases

  const one = (victim: Dossier, seq: number, reason: Reason): BrokenEntry[] => [{ proposalId: victim.proposal.id, seq, reason }];

  const CASES: Case[] = [
    {
      title: '1a. the stored bytes swapped for others of the same length',
      tamper: async ([v]) => store.overwrite(v.kept.sha256, sameLengthForgery(await store.read(v.kept.sha256))),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      title: '1b. the stored bytes swapped for a document of another length',
      tamper: ([v]) => store.overwrite(v.kept.sha256, minimalPdf('Bao cao thanh tich da sua lai, dai hon ban goc nhieu')),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      title: '1c. the bytes of a removed document swapped (a removed document stays evidence)',
      tamper: async ([v]) => store.overwrite(v.removed.sha256, sameLengthForgery(await store.read(v.removed.sha256))),
      expected: ([v]) => one(v, REMOVED_SEQ, 'document_altered'),
    },
    {
      title: '2a. the stored bytes deleted',
      tamper: ([v]) => store.remove(v.kept.sha256),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_missing'),
    },
    {
      title: '2b. the bytes of a removed document deleted',
      tamper: ([v]) => store.remove(v.removed.sha256),
      expected: ([v]) => one(v, REMOVED_SEQ, 'document_missing'),
    },
    {
      title: "3a. the record's sha256 pointed at another stored document's bytes",
      tamper: ([v]) => records.update(v.kept.id, { sha256: untouched.dossier.kept.sha256 }),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      title: "3b. the record's file_name changed",
      tamper: ([v]) => records.update(v.kept.id, { file_name: 'Báo cáo thành tích (bản khác).pdf' }),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      title: "3c. the record's kind changed",
      tamper: ([v]) => records.update(v.kept.id, { kind: 'to_trinh' }),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      title: "3d. the record's media_type and size changed",
      tamper: ([v]) => records.update(v.kept.id, { media_type: 'image/png', size: v.kept.size + 1 }),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      title: "3e. the record's seq moved to another line of the log",
      tamper: ([v]) => records.update(v.kept.id, { seq: REMOVAL_LINE_SEQ }),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      title: "3f. a removed document's record edited (its file_name)",
      tamper: ([v]) => records.update(v.removed.id, { file_name: 'khac-da-sua.pdf' }),
      expected: ([v]) => one(v, REMOVED_SEQ, 'document_altered'),
    },
    {
      title: '4a. the record deleted',
      tamper: ([v]) => records.remove(v.kept.id),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_missing'),
    },
    {
      title: "4b. a removed document's record deleted",
      tamper: ([v]) => records.remove(v.removed.id),
      expected: ([v]) => one(v, REMOVED_SEQ, 'document_missing'),
    },
    {
      title: '4c. the record moved to another proposal: missing from its own, unsealed in the other',
      victims: 2,
      tamper: ([from, to]) => records.update(from.kept.id, { proposal_id: to.proposal.id }),
      expected: ([from, to]) => [...one(from, KEPT_SEQ, 'document_missing'), ...one(to, KEPT_SEQ, 'document_altered')],
    },
    {
      // A real file slipped into the dossier: the bytes exist under their hash, only the log never saw it.
      title: '5a. a record inserted that the log never sealed (claiming the next seq)',
      tamper: async ([v]) => records.insert({ ...(await records.get(untouched.dossier.kept.id)), id: randomUUID(), proposal_id: v.proposal.id, seq: REMOVAL_LINE_SEQ + 1 }),
      expected: ([v]) => one(v, REMOVAL_LINE_SEQ + 1, 'document_altered'),
    },
    {
      title: '5b. a record inserted that the log never sealed, copying a sealed one under a new id and its seq',
      tamper: async ([v]) => records.insert({ ...(await records.get(v.kept.id)), id: randomUUID(), file_name: 'ban-sao.pdf' }),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      title: '5c. a record inserted that the log never sealed, already stamped removed (out of the dossier, still caught)',
      tamper: async ([v]) => records.insert({ ...(await records.get(v.removed.id)), id: randomUUID(), seq: REMOVAL_LINE_SEQ + 1 }),
      expected: ([v]) => one(v, REMOVAL_LINE_SEQ + 1, 'document_altered'),
    },
    {
      title: '6a. the removal stamp cleared (removed_seq, removed_by and removed_at back to NULL): the document is back in the dossier',
      tamper: async ([v]) => {
        const restore = await records.update(v.removed.id, { removed_seq: null, removed_by: null, removed_at: null });
        expect((await liveDocuments(v.proposal.id)).map((d) => d.id)).toContain(v.removed.id);
        return restore;
      },
      expected: ([v]) => one(v, REMOVED_SEQ, 'document_altered'),
    },
    {
      title: '6b. the removal stamp’s seq cleared alone (removed_seq NULL)',
      tamper: ([v]) => records.update(v.removed.id, { removed_seq: null }),
      expected: ([v]) => one(v, REMOVED_SEQ, 'document_altered'),
    },
    {
      title: '6c. a removal stamp forged on a live document (removed_seq, removed_by, removed_at set)',
      tamper: async ([v]) => {
        const stamp = await records.get(v.removed.id);
        return records.update(v.kept.id, { removed_seq: REMOVAL_LINE_SEQ, removed_by: stamp.removed_by, removed_at: stamp.removed_at });
      },
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
  ];

  /**
   * Tampering the verifier does NOT catch today (found while writing this suite; production code left alone):
   * each expects what docs/documents.md promises ("every sealed document still has its record saying the same
   * thing"), and fails until the verifier is fixed. They are kept out of the all-at-once run.
   */
  const GAPS: (Case & { onlyFor?: 'files' | 'database' })[] = [
    {
      // verifyDocuments compares only removed_seq with the log; the API decides "removed" by removed_at.
      title: 'removed_at and removed_by cleared, removed_seq kept, puts a removed document back in the dossier, unnoticed',
      tamper: async ([v]) => {
        const restore = await records.update(v.removed.id, { removed_by: null, removed_at: null });
        expect((await liveDocuments(v.proposal.id)).map((d) => d.id)).toContain(v.removed.id);
        return restore;
      },
      expected: ([v]) => one(v, REMOVED_SEQ, 'document_altered'),
    },
    {
      title: 'removed_at stamped alone on a live document (removed_seq NULL) takes it out of the dossier, unnoticed',
      tamper: async ([v]) => {
        const stamp = await records.get(v.removed.id);
        const restore = await records.update(v.kept.id, { removed_by: stamp.removed_by, removed_at: stamp.removed_at });
        expect((await liveDocuments(v.proposal.id)).map((d) => d.id)).not.toContain(v.kept.id);
        return restore;
      },
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      // SqlBlobStore.open() finds the document_blobs row and streams chunks that are not there: the stream
      // throws ("chunk 0 of 1 is missing") inside SqlDocumentEvidence.digest, and the whole verify fails.
      title: 'the chunks deleted but their document_blobs row left: document_missing, not a failed verify',
      onlyFor: 'database',
      tamper: ([v]) => store.remove(v.kept.sha256, 'chunks only'),
      expected: ([v]) => one(v, KEPT_SEQ, 'document_missing'),
    },
    {
      // The line seals its actor and instant, the record repeats them (checked in the first test), the API shows
      // them as uploadedBy / uploadedAt; verify compares only the payload's fields, so the upload is re-attributed.
      title: "the record's uploader and upload time rewritten (uploaded_by, uploaded_at), unnoticed",
      tamper: async ([v]) => {
        const other = { id: 'unit_head@someone-else', name: 'Người khác', roles: ['unit_head'], unitId: home.unit.id };
        const restore = await records.update(v.kept.id, { uploaded_by: JSON.stringify(other), uploaded_at: '2020-01-01T00:00:00.000Z' });
        const [shown] = (await liveDocuments(v.proposal.id)).filter((d) => d.id === v.kept.id);
        expect(shown.uploadedBy.id).toBe(other.id);
        return restore;
      },
      expected: ([v]) => one(v, KEPT_SEQ, 'document_altered'),
    },
    {
      title: "the removal's author rewritten (removed_by), unnoticed",
      tamper: ([v]) =>
        records.update(v.removed.id, { removed_by: JSON.stringify({ id: 'chairman@province', name: 'chairman@province', roles: ['chairman'], unitId: null }) }),
      expected: ([v]) => one(v, REMOVED_SEQ, 'document_altered'),
    },
  ];

  // ------------------------------------------------------------------------------------------ the suite

  beforeAll(async () => {
    home = await seed(t);
    const kept = await dossier('untouched');
    // One that moved on with its dossier: its report, then the unit's tờ trình, forwarded to the province.
    const submitted = await createProposal(t, home.unit.id, home.campaign.id);
    await attach(t, submitted.id, drafter(), 'bao_cao_thanh_tich', uniquePdf('submitted report'));
    expectStatus(await postEvent(t, submitted.id, drafter(), { type: 'SUBMIT' }), 200);
    await attach(t, submitted.id, unitHead(), 'to_trinh', uniquePdf('submitted to trinh'));
    const forwarded = await postEvent(t, submitted.id, unitHead(), { type: 'FORWARD' });
    expectStatus(forwarded, 200);
    const bare = await createProposal(t, home.unit.id, home.campaign.id);
    untouched = { dossier: kept, submitted: forwarded.body as ProposalBody, bare };
  }, 30_000);

  const untouchedIds = () => [untouched.dossier.proposal.id, untouched.submitted.id, untouched.bare.id];

  const expectWhole = async () => {
    const result = await verify(t);
    expect({ ok: result.ok, broken: result.broken }).toEqual({ ok: true, broken: [] });
    return result;
  };

  /** The finding, without its words for people, and with each entry's detail checked to name the document. */
  const expectBroken = (result: VerifyBody, expected: BrokenEntry[]) => {
    expect({ ok: result.ok, broken: classified(result.broken), truncated: result.truncated }).toEqual({
      ok: false,
      broken: [...expected].sort(byProposalId),
      truncated: false,
    });
    for (const id of untouchedIds()) expect(result.broken.map((b) => b.proposalId)).not.toContain(id);
  };

  const cli = (args: string[]) =>
    runAuditCli(['verify', ...args], t.config.database.url, { DOCUMENTS_DIR: t.config.documents.directory });

  it('each victim’s log seals its two documents at seq 2 and 3 and the removal at 4; the whole log verifies, on the API and the CLI', async () => {
    const victim = await dossier('shape');
    const history = await getHistory(t, victim.proposal.id);
    expect(history.map((e) => [e.seq, e.type, (e.payload as { documentId?: string }).documentId ?? null])).toEqual([
      [1, 'CREATED', null],
      [KEPT_SEQ, 'DOCUMENT_ATTACHED', victim.kept.id],
      [REMOVED_SEQ, 'DOCUMENT_ATTACHED', victim.removed.id],
      [REMOVAL_LINE_SEQ, 'DOCUMENT_REMOVED', victim.removed.id],
    ]);
    expect((await records.get(victim.removed.id)).removed_seq).not.toBeNull();
    expect(Number((await records.get(victim.removed.id)).removed_seq)).toBe(REMOVAL_LINE_SEQ);
    if (t.config.documents.storage === 'files') {
      expect((await stat(store.path(victim.kept.sha256))).mode & 0o777).toBe(0o444);
    }

    expect(t.config.documents.storage).toBe(STORAGE);
    // The record says what the log's line says, down to who attached it and when (what GAP D relies on).
    const record = await records.get(victim.kept.id);
    expect({ by: JSON.parse(String(record.uploaded_by)).id, at: record.uploaded_at }).toEqual({ by: history[1].actor.id, at: history[1].at });
    const removal = await records.get(victim.removed.id);
    expect({ by: JSON.parse(String(removal.removed_by)).id, at: removal.removed_at }).toEqual({ by: history[3].actor.id, at: history[3].at });

    const api = await expectWhole();
    const run = await cli([]);
    expect({ code: run.code, stderr: run.stderr.replace(/^verify: .*\n/gm, '') }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(new RegExp(`^OK: ${api.proposals} proposals, ${api.events} events checked`));
  }, 30_000);

  it.each(CASES.map((c) => [c.title, c] as const))(
    '%s: named with its proposal, seq and reason, and nothing else is; put back, the log verifies again',
    async (_title, c) => {
      const victims: Dossier[] = [];
      for (let i = 0; i < (c.victims ?? 1); i++) victims.push(await dossier(`${c.title} #${i}`));
      await expectWhole();
      const restore = await c.tamper(victims);
      try {
        const result = await verify(t);
        expectBroken(result, c.expected(victims));
        for (const entry of result.broken) expect(entry.detail).toMatch(/document [0-9a-f-]{36}/);
      } finally {
        await restore();
      }
      await expectWhole();
    },
  );

  it('7. ?documents=false (--no-documents) skips hashing the bytes: a swapped file then passes, and is caught again without it', async () => {
    const victim = await dossier('switch');
    await expectWhole();
    const restore = await store.overwrite(victim.kept.sha256, sameLengthForgery(await store.read(victim.kept.sha256)));
    try {
      const skipped = await verify(t, { documents: 'false' });
      expect({ ok: skipped.ok, broken: skipped.broken }).toEqual({ ok: true, broken: [] });
      expectBroken(await verify(t, { documents: 'true' }), one(victim, KEPT_SEQ, 'document_altered'));
      expectBroken(await verify(t), one(victim, KEPT_SEQ, 'document_altered'));

      const [without, withDocuments] = await Promise.all([cli(['--no-documents']), cli([])]);
      expect(without.code).toBe(0);
      expect(without.stdout).toMatch(/^OK: /);
      expect(withDocuments.code).toBe(1);
      expect(withDocuments.stdout).toContain(`proposal ${victim.proposal.id} seq ${KEPT_SEQ}: document_altered`);
    } finally {
      await restore();
    }
    await expectWhole();
  }, 30_000);

  describe('8. every case at once, each on its own new victims', () => {
    const applied: { victims: Dossier[]; restore: Restore; expected: BrokenEntry[] }[] = [];
    const allExpected = () => applied.flatMap((a) => a.expected).sort(byProposalId);

    beforeAll(async () => {
      const prepared: { c: Case; victims: Dossier[] }[] = [];
      for (const c of CASES) {
        const victims: Dossier[] = [];
        for (let i = 0; i < (c.victims ?? 1); i++) victims.push(await dossier(`all ${c.title} #${i}`));
        prepared.push({ c, victims });
      }
      await expectWhole();
      for (const { c, victims } of prepared) applied.push({ victims, restore: await c.tamper(victims), expected: c.expected(victims) });
    }, 30_000);

    afterAll(async () => {
      for (const { restore } of applied.reverse()) await restore();
      await expectWhole();
    });

    it('the API lists exactly the tampered proposals, in id order, each with its seq and reason, and no untouched one', async () => {
      const result = await verify(t);
      expect(allExpected()).toHaveLength(CASES.length + 1); // 4c names two proposals
      expectBroken(result, allExpected());
    });

    it('the CLI exits 1 and names each of them, and no untouched proposal; with --json it says what the API says', async () => {
      const [text, json, api] = await Promise.all([cli([]), cli(['--json']), verify(t)]);
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(new RegExp(`^BROKEN: ${api.proposals} proposals`));
      for (const entry of allExpected()) expect(text.stdout).toContain(`proposal ${entry.proposalId} seq ${entry.seq}: ${entry.reason}`);
      const named = text.stdout.split('\n').filter((line) => line.startsWith('  proposal '));
      expect(named).toHaveLength(allExpected().length);
      for (const id of untouchedIds()) expect(text.stdout).not.toContain(id);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual(api);
    }, 30_000);
  });

  describe('half-forged removal stamps, rewritten uploaders, and bytes that cannot be read back', () => {
    for (const gap of GAPS) {
      (!gap.onlyFor || gap.onlyFor === STORAGE ? it : it.skip)(gap.title, async () => {
        const victims = [await dossier(gap.title)];
        await expectWhole();
        const restore = await gap.tamper(victims);
        try {
          const response = await http(t).get('/api/audit/verify').set('Authorization', bearer(t, { role: 'auditor' }));
          expect({ status: response.status, body: response.status === 200 ? 'a verification' : response.body }).toEqual({ status: 200, body: 'a verification' });
          expectBroken(response.body as VerifyBody, gap.expected(victims));
        } finally {
          await restore();
        }
        await expectWhole();
      });
    }
  });
});
