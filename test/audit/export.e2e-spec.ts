import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProposal, createUnit, postEvent, seed, expectStatus, type Caller, type ProposalBody, type Seed } from '../support/api.js';
import {
  countRows,
  exportLog,
  longWalk,
  parseCsv,
  recordedProposal,
  runAuditCli,
  sqliteUrl,
  storedEvents,
  verify,
  type StoredEvent,
} from '../support/audit.js';
import { describeEachDatabase, useTestApp, PAPER_DOSSIERS} from '../support/test-app.js';

const FIELDS = ['proposalId', 'seq', 'type', 'actor', 'at', 'payload', 'machineVersion', 'state', 'prevHash', 'hash'];
const CSV_HEADER = ['proposalId', 'seq', 'type', 'actorId', 'actorRoles', 'actorUnitId', 'at', 'payload', 'machineVersion', 'state', 'prevHash', 'hash'];
const GENESIS = '0'.repeat(64);

/** Canonical JSON as the chain defines it (keys sorted at every level, no whitespace), written independently of the library. */
const sortKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]))
      : value;

/** What anyone can check offline with nothing but SHA-256: the hash of the previous hash, a newline and the canonical event. */
function offlineHash(line: StoredEvent): string {
  const { prevHash, hash: _hash, ...body } = line;
  return createHash('sha256').update(`${prevHash}\n${JSON.stringify(sortKeys(body))}`).digest('hex');
}

const ndjson = (body: Buffer): StoredEvent[] =>
  body
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as StoredEvent);

/** The same instant written in +07:00 (Asia/Ho_Chi_Minh), as a client in the province would. */
function inHanoiTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${shifted.slice(0, -1)}+07:00`;
}

/**
 * ISSUE: export streams the log as NDJSON (one event per line, with prevHash and hash, re-verifiable offline) or as
 * CSV for spreadsheets (a header, a UTF-8 BOM first).
 */
describeEachDatabase('exporting the log', (database) => {
  const t = useTestApp(database, { env: PAPER_DOSSIERS });
  let home: Seed;
  let walked: ProposalBody;
  let oddOne: ProposalBody;
  let foreign: ProposalBody;
  /** A name a spreadsheet and a CSV writer must both survive: quotes, a comma, Vietnamese (a name is one line). */
  const ODD_NAME = 'Tổ "Cứu hộ", xã Hòa Bình, huyện Đông Anh';
  /** A summary has lines. */
  const ODD_ACHIEVEMENT = { summary: 'Cứu 3 người bị nạn;\n"giữ an toàn" cho 12 hộ dân', date: '2026-04-22', basis: 'rescue' };
  /** An actor whose id a spreadsheet would run as a formula. */
  const FORMULA_SUB = '=HYPERLINK("http://evil.example","x")';

  beforeAll(async () => {
    home = await seed(t);
    walked = (await recordedProposal(t, home.unit.id, home.campaign.id, longWalk())).proposal;
    const drafter: Caller = { role: 'drafter', unitId: home.unit.id, sub: FORMULA_SUB };
    oddOne = await createProposal(t, home.unit.id, home.campaign.id, {}, drafter);
    expectStatus(await postEvent(t, oddOne.id, drafter, { type: 'UPDATE', changes: { nominee: { type: 'collective', name: ODD_NAME }, achievement: ODD_ACHIEVEMENT } }), 200);
    const elsewhere = await createUnit(t);
    foreign = await createProposal(t, elsewhere.id, null);
  }, 60_000);

  describe('NDJSON', () => {
    it('streams every event, one per line in (proposal, seq) order, fields in a fixed order, each line re-verifiable offline', async () => {
      const response = await exportLog(t, {});
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-events-\d{8}T\d{6}\.ndjson"$/);
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers['content-length']).toBeUndefined();

      const text = (response.body as Buffer).toString('utf8');
      expect(text.endsWith('\n')).toBe(true);
      const lines = ndjson(response.body);
      expect(lines).toHaveLength(await countRows(t, 'proposal_events'));
      expect(lines).toHaveLength(15 + 2 + 1);
      for (const raw of text.trim().split('\n')) expect(Object.keys(JSON.parse(raw))).toEqual(FIELDS);

      const order = lines.map((l) => `${l.proposalId}:${String(l.seq).padStart(4, '0')}`);
      expect(order).toEqual([...order].sort());
      let previous: StoredEvent | null = null;
      for (const line of lines) {
        const first = previous?.proposalId !== line.proposalId;
        expect({ seq: line.seq, prevHash: line.prevHash }).toEqual({ seq: first ? 1 : previous!.seq + 1, prevHash: first ? GENESIS : previous!.hash });
        expect(offlineHash(line)).toBe(line.hash);
        previous = line;
      }
    });

    it('one proposal: exactly its stored events, byte for byte what the chain sealed', async () => {
      const response = await exportLog(t, { proposalId: oddOne.id });
      expect(response.status).toBe(200);
      const lines = ndjson(response.body);
      expect(lines).toEqual(await storedEvents(t, oddOne.id));
      expect(lines[1].payload).toEqual({ changes: { nominee: { type: 'collective', name: ODD_NAME, personId: expect.any(String) }, achievement: ODD_ACHIEVEMENT }, rules: expect.any(Object) });
      expect(lines.map((l) => l.actor.id)).toEqual([FORMULA_SUB, FORMULA_SUB]);
    });

    it('from and to select the events with from ≤ at < to', async () => {
      const all = ndjson((await exportLog(t, { proposalId: walked.id })).body);
      const [from, to] = [all[3].at, all[9].at];
      const response = await exportLog(t, { proposalId: walked.id, from, to });
      expect(response.status).toBe(200);
      expect(ndjson(response.body).map((l) => l.seq)).toEqual([4, 5, 6, 7, 8, 9]);

      const everywhere = ndjson((await exportLog(t, { from, to })).body);
      const expected = ndjson((await exportLog(t, {})).body).filter((l) => l.at >= from && l.at < to);
      expect(everywhere).toEqual(expected);
    });

    it('from and to are instants: written in +07:00 they select the same events as in UTC', async () => {
      const all = ndjson((await exportLog(t, { proposalId: walked.id })).body);
      const [from, to] = [all[3].at, all[9].at];
      const hanoi = await exportLog(t, { proposalId: walked.id, from: inHanoiTime(from), to: inHanoiTime(to) });
      expect({ status: hanoi.status, seqs: ndjson(hanoi.body).map((l) => l.seq) }).toEqual({ status: 200, seqs: [4, 5, 6, 7, 8, 9] });
    });

    it('from and to are instants: written to the whole second (no milliseconds) they still compare as instants', async () => {
      const all = ndjson((await exportLog(t, { proposalId: walked.id })).body);
      // The second the 4th event happened in, and the second after the 10th: both include those events.
      const from = `${all[3].at.slice(0, 19)}Z`;
      const to = `${new Date(Date.parse(`${all[9].at.slice(0, 19)}Z`) + 1000).toISOString().slice(0, 19)}Z`;
      const expected = all.filter((l) => Date.parse(l.at) >= Date.parse(from) && Date.parse(l.at) < Date.parse(to)).map((l) => l.seq);
      expect(expected).toEqual(expect.arrayContaining([4, 5, 6, 7, 8, 9, 10]));
      const response = await exportLog(t, { proposalId: walked.id, from, to });
      expect({ status: response.status, seqs: ndjson(response.body).map((l) => l.seq) }).toEqual({ status: 200, seqs: expected });
    });

    it('an empty range is an empty body, not an error', async () => {
      const response = await exportLog(t, { from: '2001-01-01T00:00:00Z', to: '2001-01-02T00:00:00Z' });
      expect(response.status).toBe(200);
      expect((response.body as Buffer).length).toBe(0);
    });
  });

  describe('CSV', () => {
    it('starts with a UTF-8 BOM and a header, then one quoted-where-needed record per event', async () => {
      const response = await exportLog(t, { format: 'csv' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/filename="audit-events-\d{8}T\d{6}\.csv"$/);
      const bytes = response.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

      const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(header).toEqual(CSV_HEADER);
      const lines = ndjson((await exportLog(t, {})).body);
      expect(records).toHaveLength(lines.length);
      // Same events, same order, same hashes as the NDJSON export.
      expect(records.map((r) => [r[0], Number(r[1]), r[10], r[11]])).toEqual(lines.map((l) => [l.proposalId, l.seq, l.prevHash, l.hash]));
      for (const record of records) expect(record).toHaveLength(CSV_HEADER.length);
    });

    it('keeps quotes, commas, line breaks and Vietnamese intact, flattens the actor, and defuses formulas', async () => {
      const response = await exportLog(t, { format: 'csv', proposalId: oddOne.id });
      const [, created, updated] = parseCsv((response.body as Buffer).subarray(3).toString('utf8'));
      const stored = await storedEvents(t, oddOne.id);
      expect(JSON.parse(updated[7])).toEqual(stored[1].payload);
      expect((JSON.parse(updated[7]) as { changes: { nominee: { name: string } } }).changes.nominee.name).toBe(ODD_NAME);
      expect(created.slice(2, 7)).toEqual(['CREATED', `'${FORMULA_SUB}`, 'drafter', home.unit.id, stored[0].at]);
      expect(updated.slice(8, 10)).toEqual(['2', 'drafting']);

      const walkedCsv = parseCsv(((await exportLog(t, { format: 'csv', proposalId: walked.id })).body as Buffer).subarray(3).toString('utf8'));
      expect(walkedCsv[4].slice(2, 6)).toEqual(['SUBMIT', `drafter@${home.unit.id}`, 'drafter', home.unit.id]);
      expect(walkedCsv[9].slice(2, 6)).toEqual(['RECOMMEND', 'council@province', 'council', '']);
    });

    it('an empty range is the BOM and the header only', async () => {
      const response = await exportLog(t, { format: 'csv', from: '2001-01-01T00:00:00Z', to: '2001-01-02T00:00:00Z' });
      expect((response.body as Buffer).toString('utf8')).toBe(`\uFEFF${CSV_HEADER.join(',')}\r\n`);
    });
  });

  describe('who and what', () => {
    it.each([
      ['an unknown format', { format: 'xlsx' }],
      ['a proposalId that is not a UUID', { proposalId: 'abc' }],
      ['a from that is not an instant', { from: 'last week' }],
    ])('400 for %s', async (_label, query) => {
      const response = await exportLog(t, query);
      expect(response.status).toBe(400);
      expect(JSON.parse((response.body as Buffer).toString('utf8')).code).toBe('VALIDATION_FAILED');
    });

    it('the admin may export; reviewers and drafters may not', async () => {
      expect((await exportLog(t, {}, { role: 'admin' })).status).toBe(200);
      for (const caller of [{ role: 'drafter', unitId: home.unit.id }, { role: 'home_affairs' }, { role: 'chairman' }] as Caller[]) {
        expect({ role: caller.role, status: (await exportLog(t, {}, caller)).status }).toEqual({ role: caller.role, status: 403 });
      }
    });

    it('and the whole log verifies, every proposal and event counted', async () => {
      expect(await verify(t)).toEqual({ proposals: 3, events: await countRows(t, 'proposal_events'), ok: true, broken: [], truncated: false, checkpoint: null });
      expect(foreign.unitId).not.toBe(home.unit.id);
    });
  });

  if (database === 'sqlite') {
    describe('through the CLI', () => {
      let dir: string;
      beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'kt-audit-export-'));
      });
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      it('export writes the same NDJSON to standard output as the API streams', async () => {
        const [cli, api] = await Promise.all([runAuditCli(['export'], sqliteUrl(t)), exportLog(t, {})]);
        expect(cli.code).toBe(0);
        expect(cli.stdout).toBe((api.body as Buffer).toString('utf8'));
      }, 30_000);

      it('export --proposal --format csv --out writes the same bytes as the API, BOM included', async () => {
        const out = join(dir, 'walked.csv');
        const cli = await runAuditCli(['export', '--proposal', walked.id, '--format', 'csv', '--out', out], sqliteUrl(t));
        expect(cli.code).toBe(0);
        const api = await exportLog(t, { format: 'csv', proposalId: walked.id });
        expect(readFileSync(out).equals(api.body as Buffer)).toBe(true);
      }, 30_000);

      it('export with +07:00 bounds selects what the API selects with the same instants in UTC', async () => {
        const all = ndjson((await exportLog(t, { proposalId: walked.id })).body);
        const [from, to] = [all[2].at, all[11].at];
        const cli = await runAuditCli(['export', '--proposal', walked.id, '--from', inHanoiTime(from), '--to', inHanoiTime(to)], sqliteUrl(t));
        expect(cli.code).toBe(0);
        expect(ndjson(Buffer.from(cli.stdout)).map((l) => l.seq)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
      }, 30_000);

      it('an unknown format is a usage error: exit 2, nothing written', async () => {
        const cli = await runAuditCli(['export', '--format', 'xlsx'], sqliteUrl(t));
        expect({ code: cli.code, stdout: cli.stdout }).toEqual({ code: 2, stdout: '' });
        expect(cli.stderr).toMatch(/--format must be one of ndjson, csv/);
      }, 30_000);
    });
  }
});
