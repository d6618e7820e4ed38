import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, createProposal, expectStatus, http, postEvent, seed, type ProposalBody, type Seed } from '../support/api.js';
import {
  classified,
  deleteProposal,
  longWalk,
  pause,
  recordedProposal,
  rewriteChain,
  runAuditCli,
  sql,
  storedEvents,
  truncateChain,
  verify,
  type BrokenEntry,
  type StoredSnapshot,
  type VerifyBody,
  type CheckpointHead,
} from '../support/audit.js';
import { describeEachDatabase, PAPER_DOSSIERS, useTestApp } from '../support/test-app.js';

interface CheckpointFile {
  checkpoint: { id: string; upTo: string; proposals: number; events: number; publicKey: string };
  heads: CheckpointHead[];
}

const CHECKPOINT_REASONS = new Set(['rewritten', 'truncated', 'deleted', 'backdated', 'checkpoint_mismatch']);
const checkpointBreaks = (broken: readonly BrokenEntry[]) => broken.filter((entry) => CHECKPOINT_REASONS.has(entry.reason));
const byProposalId = (a: BrokenEntry, b: BrokenEntry) => ((a.proposalId ?? '') < (b.proposalId ?? '') ? -1 : 1);

/**
 * ISSUE: a chain rewritten consistently, a truncated tail and a deleted proposal all passed the default verify.
 * Now the default verify holds the log against the newest signed checkpoint and names each proposal that differs
 * from what it recorded. A checkpoint covers events more than 10 s old, so the log is built first and the suite
 * waits once.
 */
describeEachDatabase('verify holds the log against the newest signed checkpoint by default', (database) => {
  const t = useTestApp(database, { env: PAPER_DOSSIERS });
  let home: Seed;
  const victims = {} as Record<'rewritten' | 'truncated' | 'deleted', ProposalBody>;
  let truncatedSnapshots: StoredSnapshot[] = [];
  let untouched: ProposalBody[] = [];
  let file: CheckpointFile;

  const cli = (args: string[], env: Record<string, string> = {}) =>
    runAuditCli(['verify', ...args], t.config.database.url, { DOCUMENTS_DIR: t.config.documents.directory, ...env });
  const recordedHead = (proposalId: string) => {
    const head = file.heads.find((entry) => entry.proposalId === proposalId);
    if (!head) throw new Error(`the checkpoint recorded no head of ${proposalId}`);
    return { seq: head.seq, hash: head.hash };
  };

  beforeAll(async () => {
    home = await seed(t);
    const unit = home.unit.id;
    victims.rewritten = (await recordedProposal(t, unit, home.campaign.id, longWalk())).proposal;
    const truncated = await recordedProposal(t, unit, home.campaign.id, longWalk());
    victims.truncated = truncated.proposal;
    truncatedSnapshots = truncated.snapshots;
    victims.deleted = (await recordedProposal(t, unit, null, longWalk().slice(0, 3))).proposal;
    untouched = [
      (await recordedProposal(t, unit, home.campaign.id, longWalk().slice(0, 7))).proposal,
      await createProposal(t, unit, home.campaign.id),
    ];
    // Past the settling moment: everything so far is more than 10 s old when the checkpoint is made.
    await pause(11_500);
  }, 90_000);

  it('with no checkpoint yet, says so (checkpoint: null) and judges the chains alone, on the API and the CLI', async () => {
    const result = await verify(t);
    expect(result).toMatchObject({ ok: true, broken: [], proposals: 5, checkpoint: null });
    expect(result).toHaveProperty('checkpoint', null);

    const text = await cli([]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Checkpoint: none stored yet');
  }, 30_000);

  it('once one is signed, the untouched log, grown since, verifies clean against it (API and CLI)', async () => {
    const made = await http(t).post('/api/audit/checkpoints').set('Authorization', bearer(t, { role: 'admin' }));
    expectStatus(made, 201);
    file = made.body as CheckpointFile;
    expect(file.heads.map((head) => head.proposalId).sort()).toEqual([...Object.values(victims), ...untouched].map((p) => p.id).sort());
    // Appended after the checkpoint: a step of a proposal it recorded, and a proposal it never saw.
    expectStatus(await postEvent(t, untouched[0].id, { role: 'council' }, { type: 'RECOMMEND', vote: { members: 9, for: 7, against: 2 } }), 200);
    untouched.push(await createProposal(t, home.unit.id, null));

    const result = await verify(t);
    expect({ ok: result.ok, broken: result.broken, proposals: result.proposals }).toEqual({ ok: true, broken: [], proposals: 6 });
    expect(result.checkpoint).toMatchObject({
      id: file.checkpoint.id,
      upTo: file.checkpoint.upTo,
      recorded: { proposals: 5, events: file.checkpoint.events },
      ok: true,
      signatureValid: true,
      keyPinned: true,
      merkleRootMatches: true,
      headsMatchCheckpoint: true,
      proposals: 5,
      events: file.checkpoint.events,
      broken: [],
    });

    const text = await cli([]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^OK: 6 proposals/);
    expect(text.stdout).toContain('Checkpoint: signature valid, Merkle root matches, heads match the signed root');
    expect(text.stdout).toContain(`  ${file.checkpoint.id}, made `);
  }, 30_000);

  describe('after (a) a chain rewritten consistently, (b) a tail truncated and (c) a proposal deleted', () => {
    let expected: BrokenEntry[];

    beforeAll(async () => {
      // (a) The rule findings kept beside the first SUBMIT (seq 4) changed, and every later event re-sealed;
      //     the row points at the new last hash: chain and replay hold.
      const rewritten = await rewriteChain(t, victims.rewritten.id, 4, (event) => {
        if (event.seq === 4) event.payload = { ...event.payload, rules: { ...(event.payload.rules as object), warnings: ['TH-3'] } };
        return event;
      });
      // (b) The last three events (RETURN by the chairman, AGREE again, APPROVE) deleted, the row set back to
      //     seq 12 as it stood then: chain and replay hold.
      const kept = await truncateChain(t, victims.truncated.id, 12, truncatedSnapshots[11]);
      // (c) Every event of the proposal deleted, with its row.
      await deleteProposal(t, victims.deleted.id);

      expected = [
        {
          proposalId: victims.rewritten.id,
          seq: 15,
          reason: 'rewritten',
          recorded: recordedHead(victims.rewritten.id),
          now: { seq: 15, hash: rewritten.at(-1)!.hash, events: 15 },
        },
        {
          proposalId: victims.truncated.id,
          seq: 15,
          reason: 'truncated',
          recorded: recordedHead(victims.truncated.id),
          now: { seq: 12, hash: kept.hash, events: 12 },
        },
        { proposalId: victims.deleted.id, seq: 4, reason: 'deleted', recorded: recordedHead(victims.deleted.id), now: null },
      ].sort(byProposalId);
    }, 30_000);

    it('the chains alone cannot tell (?checkpoint=none): what the hostile tester found', async () => {
      expect(await storedEvents(t, victims.deleted.id)).toEqual([]);
      const chainsOnly = await verify(t, { checkpoint: 'none' });
      expect({ ok: chainsOnly.ok, broken: chainsOnly.broken }).toEqual({ ok: true, broken: [] });
      expect(chainsOnly).not.toHaveProperty('checkpoint');
    });

    it('the default verify names each: rewritten, truncated and deleted, with what the checkpoint recorded and what the log has now', async () => {
      const result = await verify(t);
      expect(result.ok).toBe(false);
      expect(result.broken.map(({ detail: _words, ...entry }) => entry)).toEqual(expected);
      for (const entry of result.broken) expect(entry.detail).toMatch(/^the checkpoint recorded \d+ events up to seq \d+/);
      for (const proposal of untouched) expect(result.broken.map((entry) => entry.proposalId)).not.toContain(proposal.id);
      expect(result.checkpoint).toMatchObject({
        id: file.checkpoint.id,
        ok: false,
        signatureValid: true,
        merkleRootMatches: false,
        headsMatchCheckpoint: true,
        proposals: 4,
        events: file.checkpoint.events - 3 - 4,
      });
      expect(result.checkpoint!.broken.map(({ detail: _words, ...entry }) => entry)).toEqual(expected);
    });

    it('?checkpoint=<id> of the same checkpoint says the same', async () => {
      const [chosen, latest] = await Promise.all([verify(t, { checkpoint: file.checkpoint.id }), verify(t)]);
      expect(chosen).toEqual(latest);
    });

    it('the CLI exits 1 naming each proposal and its kind, --json says what the API says, --no-checkpoint finds nothing', async () => {
      const [text, json, chainsOnly, api] = await Promise.all([cli([]), cli(['--json']), cli(['--no-checkpoint']), verify(t)]);
      expect(text.code).toBe(1);
      for (const entry of expected) expect(text.stdout).toContain(`proposal ${entry.proposalId} seq ${entry.seq}: ${entry.reason} (the checkpoint recorded`);
      for (const proposal of untouched) expect(text.stdout).not.toContain(proposal.id);
      expect(text.stdout).toContain('Checkpoint: signature valid, Merkle root DOES NOT MATCH, heads match the signed root');
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual(api);
      expect(chainsOnly.code).toBe(0);
      expect(chainsOnly.stdout).not.toContain('Checkpoint');
    }, 60_000);

    (database === 'sqlite' ? it : it.skip)(
      'the CLI on a copy of the database names the same under the public key it is told to trust, fails without one, and makes no signing key',
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'kt-audit-copy-'));
        try {
          const copy = join(dir, 'copy.sqlite');
          await sql(t, 'VACUUM INTO ?', [copy]);
          const env = { DOCUMENTS_DIR: join(dir, 'documents') };
          const trusting = await runAuditCli(['verify', '--json'], `sqlite:${copy}`, { ...env, AUDIT_TRUSTED_PUBLIC_KEYS: file.checkpoint.publicKey });
          expect(trusting.code).toBe(1);
          const result = JSON.parse(trusting.stdout) as VerifyBody;
          expect(classified(checkpointBreaks(result.broken))).toEqual(classified(expected));
          expect(result.checkpoint).toMatchObject({ signatureValid: true, keyPinned: true, headsMatchCheckpoint: true });

          // Told of no key, it cannot tell the server's checkpoint from a forger's: it fails, says why, and makes
          // no key of its own beside the copy to sign or to trust.
          const untold = await runAuditCli(['verify', '--json'], `sqlite:${copy}`, env);
          expect(untold.code).toBe(1);
          expect((JSON.parse(untold.stdout) as VerifyBody).checkpoint).toMatchObject({ ok: false });
          const text = await runAuditCli(['verify'], `sqlite:${copy}`, env);
          expect(text.stdout).toContain("set AUDIT_TRUSTED_PUBLIC_KEYS to the server's public key");
          expect(existsSync(join(dir, 'audit-signing-key.pem'))).toBe(false);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
      60_000,
    );
  });
});
