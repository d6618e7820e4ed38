import { createHash, createPublicKey, generateKeyPairSync, randomUUID, sign, verify as verifySignature } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, createProposal, expectStatus, http, postEvent, seed, type Caller, type ProposalBody, type Seed } from '../support/api.js';
import {
  classified,
  countRows,
  longWalk,
  pause,
  recordedProposal,
  replay,
  rewriteChain,
  runAuditCli,
  sql,
  sqliteUrl,
  storedEvents,
  verify,
  type VerifyBody,
  type CheckpointHead,
} from '../support/audit.js';
import { useTestApp, PAPER_DOSSIERS} from '../support/test-app.js';

interface Checkpoint {
  id: string;
  upTo: string;
  proposals: number;
  events: number;
  merkleRoot: string;
  algorithm: string;
  publicKey: string;
  signature: string;
  createdAt: string;
}

interface CheckpointFile {
  format: string;
  checkpoint: Checkpoint;
  heads: CheckpointHead[];
}

// The Merkle tree as the checkpoint docs describe it, written out here level by level (pairs hashed, an odd last
// node promoted unchanged) rather than taken from the library, so that the suite checks the code against the text.
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
function merkleRoot(heads: readonly CheckpointHead[]): string {
  let level = heads.map((h) => sha256(`leaf\n${h.proposalId}\n${h.seq}\n${h.hash}`));
  if (level.length === 0) return sha256('empty');
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? sha256(`node\n${level[i]}${level[i + 1]}`) : level[i]);
    level = next;
  }
  return level[0];
}

/** The exact bytes signed: the fields but id and signature, as canonical JSON (keys sorted, no spaces). */
function signedBytes(c: Omit<Checkpoint, 'id' | 'signature'>): Buffer {
  const { algorithm, createdAt, events, merkleRoot: root, proposals, publicKey, upTo } = c;
  return Buffer.from(JSON.stringify({ algorithm, createdAt, events, merkleRoot: root, proposals, publicKey, upTo }), 'utf8');
}

/** Each proposal's last event before `upTo`, read straight from the table, in id order. */
async function headsBefore(t: Parameters<typeof sql>[0], upTo: string): Promise<CheckpointHead[]> {
  const rows = await sql<{ proposal_id: string; seq: number; hash: string }>(
    t,
    'SELECT e.proposal_id, e.seq, e.hash FROM proposal_events e WHERE e.at < ? AND e.seq = (SELECT MAX(f.seq) FROM proposal_events f WHERE f.proposal_id = e.proposal_id AND f.at < ?) ORDER BY e.proposal_id',
    [upTo, upTo],
  );
  return rows.map((r) => ({ proposalId: r.proposal_id, seq: Number(r.seq), hash: r.hash })).sort((a, b) => (a.proposalId < b.proposalId ? -1 : 1));
}

/**
 * ISSUE: a checkpoint verify catches a chain rewritten with fresh, self-consistent hashes. A checkpoint covers the
 * events stamped more than 10 s before it is made, so the log is built first and the suite waits once.
 */
describe('signed checkpoints of the log', () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  const admin: Caller = { role: 'admin' };
  let home: Seed;
  let dir: string;
  let forged: ProposalBody;
  let other: ProposalBody[] = [];
  let recent: ProposalBody;
  let file: CheckpointFile;
  let fileOnDisk: string;
  let rewritten: CheckpointHead;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kt-audit-checkpoint-'));
    home = await seed(t);
    forged = (await recordedProposal(t, home.unit.id, home.campaign.id, longWalk())).proposal;
    other = [
      (await recordedProposal(t, home.unit.id, home.campaign.id, longWalk().slice(0, 7))).proposal,
      (await recordedProposal(t, home.unit.id, null, longWalk().slice(0, 3))).proposal,
    ];
    // Past the settling moment: everything so far is more than 10 s old when the checkpoint is made.
    await pause(11_500);
    recent = await createProposal(t, home.unit.id, home.campaign.id);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the admin signs the log up to 10 s ago: every proposal head before then, counted, Merkle-rooted and signed', async () => {
    const response = await http(t).post('/api/audit/checkpoints').set('Authorization', bearer(t, admin));
    expectStatus(response, 201);
    file = response.body as CheckpointFile;
    fileOnDisk = join(dir, 'checkpoint.json');
    writeFileSync(fileOnDisk, JSON.stringify(file));
    const { checkpoint, heads } = file;

    expect(file.format).toBe('khen-thuong/audit-checkpoint@1');
    expect(Date.parse(checkpoint.createdAt) - Date.parse(checkpoint.upTo)).toBe(10_000);
    const expectedHeads = await headsBefore(t, checkpoint.upTo);
    expect(heads).toEqual(expectedHeads);
    expect(heads.map((h) => h.proposalId).sort()).toEqual([forged, ...other].map((p) => p.id).sort());
    expect(heads.map((h) => h.proposalId)).not.toContain(recent.id);
    expect(heads.find((h) => h.proposalId === forged.id)!.seq).toBe(15);
    expect(checkpoint).toMatchObject({
      proposals: 3,
      events: await countRows(t, 'proposal_events', 'at < ?', [checkpoint.upTo]),
      merkleRoot: merkleRoot(expectedHeads),
      algorithm: 'ed25519',
    });
    expect(checkpoint.events).toBe(15 + 8 + 4);
    expect(verifySignature(null, signedBytes(checkpoint), createPublicKey(checkpoint.publicKey), Buffer.from(checkpoint.signature, 'base64'))).toBe(true);
  });

  it('no one else may make one, the auditor included (even with admin beside it): 403, nothing stored', async () => {
    const before = await countRows(t, 'audit_checkpoints');
    for (const caller of [{ role: 'auditor' }, { role: ['auditor', 'admin'] }, { role: 'home_affairs' }, { role: 'chairman' }] as Caller[]) {
      const response = await http(t).post('/api/audit/checkpoints').set('Authorization', bearer(t, caller));
      expect({ caller: caller.role, status: response.status, code: response.body.code }).toEqual({ caller: caller.role, status: 403, code: 'FORBIDDEN' });
    }
    expect(await countRows(t, 'audit_checkpoints')).toBe(before);
  });

  it('the auditor lists and reads stored checkpoints; an unknown id is 404; a drafter may not look', async () => {
    const auditor = bearer(t, { role: 'auditor' });
    const list = await http(t).get('/api/audit/checkpoints').set('Authorization', auditor);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [file.checkpoint] });
    const one = await http(t).get(`/api/audit/checkpoints/${file.checkpoint.id}`).set('Authorization', auditor);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(file.checkpoint);
    const unknown = await http(t).get(`/api/audit/checkpoints/${randomUUID()}`).set('Authorization', auditor);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const drafter = await http(t).get('/api/audit/checkpoints').set('Authorization', bearer(t, { role: 'drafter', unitId: home.unit.id }));
    expect(drafter.status).toBe(403);
    const unknownVerify = await http(t).get('/api/audit/verify').query({ checkpoint: randomUUID() }).set('Authorization', auditor);
    expect(unknownVerify.status).toBe(404);
  });

  it('the intact log verifies against it, and events written after it change nothing', async () => {
    const step = await postEvent(t, other[0].id, { role: 'council' }, { type: 'RECOMMEND', vote: { members: 9, for: 7, against: 2 } });
    expectStatus(step, 200);
    const result = await verify(t, { checkpoint: file.checkpoint.id });
    expect(result).toMatchObject({ ok: true, broken: [], proposals: 4 });
    expect(result.checkpoint).toMatchObject({
      ok: true,
      signatureValid: true,
      merkleRootMatches: true,
      headsMatchCheckpoint: true,
      proposals: 3,
      events: file.checkpoint.events,
    });
  });

  it('the CLI verifies the exported file on the intact log: exit 0, heads file matching the signed root', async () => {
    const cli = await runAuditCli(['verify', '--checkpoint', fileOnDisk], sqliteUrl(t));
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^OK: 4 proposals/);
    expect(cli.stdout).toContain('Checkpoint: signature valid, Merkle root matches, heads match the signed root');
  }, 30_000);

  it('the CLI makes a checkpoint with the same key, which the API lists and verifies', async () => {
    const out = join(dir, 'from-cli.json');
    const cli = await runAuditCli(['checkpoint', '--out', out], sqliteUrl(t));
    expect({ code: cli.code, stderr: cli.stderr }).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Checkpoint [0-9a-f-]{36}: /) });
    const made = JSON.parse(readFileSync(out, 'utf8')) as CheckpointFile;
    expect(made.checkpoint.publicKey).toBe(file.checkpoint.publicKey);
    // The first checkpoint's heads are all still older than the new one's window, plus whatever aged since.
    expect(made.heads).toEqual(await headsBefore(t, made.checkpoint.upTo));
    const list = await http(t).get('/api/audit/checkpoints').set('Authorization', bearer(t, { role: 'auditor' }));
    expect((list.body.items as Checkpoint[]).map((c) => c.id).sort()).toEqual([file.checkpoint.id, made.checkpoint.id].sort());
    expect((await verify(t, { checkpoint: made.checkpoint.id })).ok).toBe(true);
  }, 30_000);

  describe('after a chain is rewritten with fresh, self-consistent hashes', () => {
    let plain: VerifyBody;

    beforeAll(async () => {
      // Something replay ignores: the rule findings kept beside the SUBMIT (seq 4). Every hash after it is re-sealed
      // and the row points at the new last hash, so the chain and the snapshot agree with each other again.
      const events = await rewriteChain(t, forged.id, 4, (event) => {
        if (event.seq === 4) {
          expect(event.type).toBe('SUBMIT');
          expect(event.payload.rules).toBeDefined();
          event.payload = { ...event.payload, rules: { ...(event.payload.rules as object), warnings: ['TH-3'] } };
        }
        return event;
      });
      rewritten = { proposalId: forged.id, seq: 15, hash: events.at(-1)!.hash };
      plain = await verify(t, { checkpoint: 'none' });
    });

    it('the chains alone (?checkpoint=none) cannot tell: every chain links and seals, every replay reproduces its row', async () => {
      expect((await storedEvents(t, forged.id))[3].payload.rules).toMatchObject({ warnings: ['TH-3'] });
      expect({ ok: plain.ok, broken: plain.broken }).toEqual({ ok: true, broken: [] });
      const replayed = await replay(t, forged.id, { seq: 15 });
      expect(replayed.body).toMatchObject({ chainValid: true, matchesStored: true, failure: null });
    });

    it('verify against the stored checkpoint names the rewritten proposal at its signed head, from the heads kept with it', async () => {
      const result = await verify(t, { checkpoint: file.checkpoint.id });
      expect({ ok: result.ok, broken: classified(result.broken) }).toEqual({
        ok: false,
        broken: [{ proposalId: forged.id, seq: 15, reason: 'rewritten' }],
      });
      const signed = file.heads.find((h) => h.proposalId === forged.id)!;
      expect(result.broken[0]).toMatchObject({ recorded: { seq: signed.seq, hash: signed.hash }, now: { seq: 15, hash: rewritten.hash, events: 15 } });
      expect(result.checkpoint).toMatchObject({ ok: false, signatureValid: true, merkleRootMatches: false, headsMatchCheckpoint: true, events: file.checkpoint.events });
    });

    it('the default verify, held against the newest checkpoint (the CLI\'s), names it too', async () => {
      const result = await verify(t);
      expect(result.ok).toBe(false);
      expect(classified(result.broken)).toEqual([{ proposalId: forged.id, seq: 15, reason: 'rewritten' }]);
    });

    it('the CLI with the exported heads file names the rewritten proposal at its signed head, and only it (exit 1)', async () => {
      const cli = await runAuditCli(['verify', '--checkpoint', fileOnDisk, '--json'], sqliteUrl(t));
      expect(cli.code).toBe(1);
      const result = JSON.parse(cli.stdout) as VerifyBody;
      expect(classified(result.broken)).toEqual([{ proposalId: forged.id, seq: 15, reason: 'rewritten' }]);
      expect(result.checkpoint).toMatchObject({ signatureValid: true, merkleRootMatches: false, headsMatchCheckpoint: true });

      const text = await runAuditCli(['verify', '--checkpoint', fileOnDisk], sqliteUrl(t));
      expect(text.code).toBe(1);
      expect(text.stdout).toContain(`proposal ${forged.id} seq 15: rewritten`);
      for (const p of other) expect(text.stdout).not.toContain(p.id);
    }, 30_000);

    it('the CLI with the stored checkpoint id names it from the kept heads (exit 1)', async () => {
      const cli = await runAuditCli(['verify', '--checkpoint-id', file.checkpoint.id], sqliteUrl(t));
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain(`proposal ${forged.id} seq 15: rewritten`);
    }, 30_000);

    it('a stored checkpoint without heads (one made before they were kept) can only blame the whole log (exit 1)', async () => {
      const kept = await sql(t, 'SELECT * FROM audit_checkpoint_heads WHERE checkpoint_id = ?', [file.checkpoint.id]);
      expect(kept).toHaveLength(3);
      await sql(t, 'DELETE FROM audit_checkpoint_heads WHERE checkpoint_id = ?', [file.checkpoint.id]);
      const result = await verify(t, { checkpoint: file.checkpoint.id });
      expect(classified(result.broken)).toEqual([{ proposalId: null, seq: null, reason: 'checkpoint_mismatch' }]);
      expect(result.checkpoint).toMatchObject({ ok: false, headsMatchCheckpoint: null, merkleRootMatches: false });
      const cli = await runAuditCli(['verify', '--checkpoint-id', file.checkpoint.id], sqliteUrl(t));
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain('proposal (whole log) seq -: checkpoint_mismatch (the checkpoint signed 3 proposals');
      expect(cli.stdout).toContain('no heads kept with it');
    }, 30_000);

    it('a heads file edited to match the rewrite no longer reproduces the signed root, and proves nothing', async () => {
      const doctored = { ...file, heads: file.heads.map((h) => (h.proposalId === forged.id ? rewritten : h)) };
      const path = join(dir, 'doctored.json');
      writeFileSync(path, JSON.stringify(doctored));
      const cli = await runAuditCli(['verify', '--checkpoint', path, '--json'], sqliteUrl(t));
      expect(cli.code).toBe(1);
      const result = JSON.parse(cli.stdout) as VerifyBody;
      expect(result.checkpoint).toMatchObject({ headsMatchCheckpoint: false, merkleRootMatches: false });
      expect(classified(result.broken)).toEqual([{ proposalId: null, seq: null, reason: 'checkpoint_mismatch' }]);
    }, 30_000);

    it('nor can the forger fix the stored checkpoint: a new root breaks its signature, a re-signed one fails the pinned key', async () => {
      const currentHeads = await headsBefore(t, file.checkpoint.upTo);
      const currentRoot = merkleRoot(currentHeads);
      expect(currentRoot).not.toBe(file.checkpoint.merkleRoot);

      // 1. The root in the row replaced by the rewritten log's root.
      await sql(t, 'UPDATE audit_checkpoints SET merkle_root = ? WHERE id = ?', [currentRoot, file.checkpoint.id]);
      const edited = await verify(t, { checkpoint: file.checkpoint.id });
      expect(edited.ok).toBe(false);
      expect(edited.checkpoint).toMatchObject({ signatureValid: false, merkleRootMatches: true, ok: false });

      // 2. A whole new checkpoint over the rewritten log, signed with a key of the forger's own.
      const { privateKey } = generateKeyPairSync('ed25519');
      const fields = {
        ...file.checkpoint,
        merkleRoot: currentRoot,
        publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
      };
      const signature = sign(null, signedBytes(fields), privateKey).toString('base64');
      const id = randomUUID();
      await sql(
        t,
        'INSERT INTO audit_checkpoints (id, up_to, proposals, events, merkle_root, algorithm, public_key, signature, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [id, fields.upTo, fields.proposals, fields.events, fields.merkleRoot, fields.algorithm, fields.publicKey, signature, fields.createdAt],
      );
      const resigned = await verify(t, { checkpoint: id });
      expect(resigned.ok).toBe(false);
      expect(resigned.checkpoint).toMatchObject({ signatureValid: false, merkleRootMatches: true });
    });
  });
});
