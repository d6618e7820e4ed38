import { DECISION, createProposal, seed, type ProposalBody, type Seed } from '../support/api.js';
import {
  classified,
  countRows,
  insertEvent,
  longWalk,
  overwriteEvent,
  recordedProposal,
  replay,
  rewriteChain,
  runAuditCli,
  sealOf,
  sql,
  sqliteUrl,
  storedEvents,
  storedRow,
  verify,
  walkRecording,
  type BrokenEntry,
  type StoredEvent,
} from '../support/audit.js';
import { useTestApp, PAPER_DOSSIERS} from '../support/test-app.js';

/**
 * ISSUE: edit, delete, reorder and insert events directly in the SQLite file; each is caught with the right
 * proposal, seq and reason, and the proposals nobody touched are not listed. Every proposal below walks the long
 * road (15 events on v2) through the API first; then each is tampered with in its own way, with plain SQL on the
 * database file, as someone holding the file would.
 */
describe('a log tampered with in the SQLite file', () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  let home: Seed;

  /** name → the proposal it was done to. */
  const victims: Record<string, ProposalBody> = {};
  let untouched: ProposalBody[] = [];
  /** What each tampering must be reported as, filled in as it is done. */
  const expected: Record<string, { seq: number; reason: string }> = {};

  const FULL = longWalk({ supplement: true }); // CREATED + 14 events = seq 1…15
  const LAST = FULL.length + 1;

  beforeAll(async () => {
    home = await seed(t);
    const unit = home.unit.id;
    const campaign = home.campaign.id;
    for (const name of ['edited', 'editedAndResealed', 'deleted', 'deletedTail', 'swapped', 'insertedMiddle', 'snapshot', 'replayFails']) {
      victims[name] = (await recordedProposal(t, unit, campaign, FULL)).proposal;
    }
    // Waiting on the chairman: a forged decision is appended to it.
    victims.appended = (await recordedProposal(t, unit, campaign, FULL.slice(0, -1))).proposal;
    untouched = [
      (await recordedProposal(t, unit, campaign, FULL)).proposal,
      (await recordedProposal(t, unit, campaign, FULL.slice(0, 9))).proposal,
      await createProposal(t, unit, campaign),
    ];
  }, 60_000);

  const allIds = () => [...Object.values(victims), ...untouched].map((p) => p.id);

  it('verifies whole before anyone touches it: every proposal and event counted, nothing broken (API and CLI)', async () => {
    const result = await verify(t);
    expect(result).toEqual({ proposals: allIds().length, events: await countRows(t, 'proposal_events'), ok: true, broken: [], truncated: false, checkpoint: null });
    // Eight victims and one untouched proposal on the full road, one a step short, one stopped at seq 10, one just created.
    expect(result.events).toBe(9 * LAST + (LAST - 1) + 10 + 1);

    const cli = await runAuditCli(['verify'], sqliteUrl(t));
    expect({ code: cli.code, stderr: cli.stderr.replace(/^verify: .*\n/gm, '') }).toEqual({ code: 0, stderr: '' });
    expect(cli.stdout).toMatch(new RegExp(`^OK: ${allIds().length} proposals, ${result.events} events checked`));
  }, 60_000);

  describe('after tampering', () => {
    beforeAll(async () => {
      // 1. A payload changed in place: the council's vote (seq 9), its hash left as it was.
      {
        const id = victims.edited.id;
        const [recommend] = (await storedEvents(t, id)).filter((e) => e.seq === 9);
        expect(recommend.type).toBe('RECOMMEND');
        await overwriteEvent(t, { ...recommend, payload: { vote: { members: 9, for: 9, against: 0 } } });
        expected.edited = { seq: 9, reason: 'edited' };
      }
      // 2. A payload changed and that one line re-sealed: its successor still names the original hash.
      {
        const id = victims.editedAndResealed.id;
        const [returned] = (await storedEvents(t, id)).filter((e) => e.seq === 5);
        expect(returned.type).toBe('RETURN');
        const edited = { ...returned, payload: { reason: 'Không có lý do' } };
        await overwriteEvent(t, { ...edited, hash: sealOf(edited) });
        expected.editedAndResealed = { seq: 5, reason: 'edited' };
      }
      // 3. A middle event deleted (the second SUBMIT, seq 7).
      {
        await sql(t, 'DELETE FROM proposal_events WHERE proposal_id = ? AND seq = ?', [victims.deleted.id, 7]);
        expected.deleted = { seq: 7, reason: 'missing' };
      }
      // 4. The last event deleted: the row still says the log runs to seq 15.
      {
        await sql(t, 'DELETE FROM proposal_events WHERE proposal_id = ? AND seq = ?', [victims.deletedTail.id, LAST]);
        expected.deletedTail = { seq: LAST, reason: 'missing' };
      }
      // 5. Two events swapped (seq 5 and 6), through a temporary seq.
      {
        const id = victims.swapped.id;
        await sql(t, 'UPDATE proposal_events SET seq = -1 WHERE proposal_id = ? AND seq = 5', [id]);
        await sql(t, 'UPDATE proposal_events SET seq = 5 WHERE proposal_id = ? AND seq = 6', [id]);
        await sql(t, 'UPDATE proposal_events SET seq = 6 WHERE proposal_id = ? AND seq = -1', [id]);
        expected.swapped = { seq: 5, reason: 'reordered' };
      }
      // 6. A forged decision appended after the last event, linked and sealed like a real one.
      {
        const id = victims.appended.id;
        const events = await storedEvents(t, id);
        const last = events.at(-1)!;
        expect(last.state).toBe('chairmanDecision');
        const forged: Omit<StoredEvent, 'hash'> = {
          proposalId: id,
          seq: last.seq + 1,
          type: 'APPROVE',
          actor: { id: 'chairman@province', name: 'chairman@province', roles: ['chairman'], unitId: null },
          at: new Date().toISOString(),
          payload: { decision: DECISION },
          machineVersion: 2,
          state: 'awarded',
          prevHash: last.hash,
        };
        await insertEvent(t, { ...forged, hash: sealOf(forged) });
        expected.appended = { seq: last.seq + 1, reason: 'inserted' };
      }
      // 7. A forged event slipped in at seq 5, every later event moved up by one, the row's last seq bumped too.
      {
        const id = victims.insertedMiddle.id;
        const events = await storedEvents(t, id);
        await sql(t, 'UPDATE proposal_events SET seq = -(seq + 1) WHERE proposal_id = ? AND seq >= 5', [id]);
        await sql(t, 'UPDATE proposal_events SET seq = -seq WHERE proposal_id = ? AND seq < 0', [id]);
        const forged: Omit<StoredEvent, 'hash'> = {
          ...events[4],
          type: 'UPDATE',
          payload: { changes: { awardForm: 'unit_certificate' } },
          state: 'drafting',
          prevHash: events[3].hash,
        };
        await insertEvent(t, { ...forged, hash: sealOf(forged) });
        await sql(t, 'UPDATE proposals SET last_seq = last_seq + 1 WHERE id = ?', [id]);
        expected.insertedMiddle = { seq: 5, reason: 'inserted' };
      }
      // 8. The row's snapshot changed (the nominee's name), the log left alone.
      {
        const id = victims.snapshot.id;
        const row = await storedRow(t, id);
        const context = { ...row.snapshot.context, nominee: { type: 'collective', name: 'Đội khác' } };
        await sql(t, 'UPDATE proposals SET snapshot = ? WHERE id = ?', [JSON.stringify({ ...row.snapshot, context }), id]);
        expected.snapshot = { seq: LAST, reason: 'snapshot_mismatch' };
      }
      // 9. The FORWARD (seq 8) rewritten as the drafter's, and the whole chain after it re-sealed: the hashes hold,
      //    but the machine would never have let a drafter forward.
      {
        const id = victims.replayFails.id;
        await rewriteChain(t, id, 8, (event) => {
          if (event.seq === 8) {
            expect(event.type).toBe('FORWARD');
            event.actor = { ...event.actor, roles: ['drafter'] };
          }
          return event;
        });
        expected.replayFails = { seq: 8, reason: 'replay_failed' };
      }
    }, 30_000);

    const expectedBroken = (): BrokenEntry[] =>
      Object.entries(expected)
        .map(([name, { seq, reason }]) => ({ proposalId: victims[name].id, seq, reason }))
        .sort((a, b) => (a.proposalId < b.proposalId ? -1 : 1));

    it.each([
      ['edited', 'a payload edited in place'],
      ['editedAndResealed', 'a payload edited and its own hash re-sealed'],
      ['deleted', 'a middle event deleted'],
      ['deletedTail', 'the last event deleted'],
      ['swapped', 'two events swapped'],
      ['appended', 'a forged event appended after the last'],
      ['insertedMiddle', 'a forged event inserted in the middle, later seqs shifted'],
      ['snapshot', "the row's snapshot edited"],
      ['replayFails', 'an event the machine refuses, with a re-sealed chain'],
    ])('%s (%s) is reported with its proposal, seq and reason', async (name) => {
      const { broken } = await verify(t);
      const entry = classified(broken).filter((b) => b.proposalId === victims[name].id);
      expect(entry).toEqual([{ proposalId: victims[name].id, ...expected[name] }]);
    });

    it('lists exactly the tampered proposals, in id order, and none of the untouched ones', async () => {
      const result = await verify(t);
      expect(Object.keys(expected)).toHaveLength(9);
      expect({ ...result, broken: classified(result.broken) }).toEqual({
        proposals: allIds().length,
        events: await countRows(t, 'proposal_events'),
        ok: false,
        broken: expectedBroken(),
        truncated: false,
        checkpoint: null,
      });
      for (const proposal of untouched) expect(result.broken.map((b) => b.proposalId)).not.toContain(proposal.id);
    });

    it('without replay, the chains alone are judged: the snapshot edit and the refused event are not seen', async () => {
      const result = await verify(t, { replay: 'false' });
      const replayOnly = new Set([victims.snapshot.id, victims.replayFails.id]);
      expect(classified(result.broken)).toEqual(expectedBroken().filter((b) => !replayOnly.has(b.proposalId!)));
      expect(result.ok).toBe(false);
    });

    it('replay shows the chain valid up to the event before the edit and broken from it on', async () => {
      const id = victims.edited.id;
      const before = await replay(t, id, { seq: 8 });
      const at = await replay(t, id, { seq: 9 });
      expect(before.status).toBe(200);
      expect({ seq: before.body.seq, chainValid: before.body.chainValid, matchesStored: before.body.matchesStored }).toEqual({
        seq: 8,
        chainValid: true,
        matchesStored: false,
      });
      expect({ seq: at.body.seq, chainValid: at.body.chainValid, state: at.body.state }).toEqual({ seq: 9, chainValid: false, state: 'homeAffairsAgreement' });
      // The edited vote is what replay now folds in, and it is not what the row was written with.
      expect(at.body.context.vote).toEqual({ members: 9, for: 9, against: 0 });
      expect((await storedRow(t, id)).snapshot.context.vote).not.toEqual({ members: 9, for: 9, against: 0 });
    });

    it('replay of the refused event reports the failure at its seq, with the fold just before it', async () => {
      const response = await replay(t, victims.replayFails.id, { seq: LAST });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ seq: 7, state: 'unitDecision', chainValid: true, matchesStored: false, failure: { seq: 8 } });
    });

    it('the untouched proposals still replay to their stored snapshots with valid chains', async () => {
      for (const proposal of untouched) {
        const row = await storedRow(t, proposal.id);
        const response = await replay(t, proposal.id, { seq: row.lastSeq });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ seq: row.lastSeq, state: row.state, chainValid: true, matchesStored: true, failure: null });
      }
    });

    it('the CLI exits 1 and names every broken proposal with its seq and reason, and no untouched one', async () => {
      const cli = await runAuditCli(['verify'], sqliteUrl(t));
      expect(cli.code).toBe(1);
      expect(cli.stdout).toMatch(new RegExp(`^BROKEN: ${allIds().length} proposals`));
      for (const entry of expectedBroken()) {
        expect(cli.stdout).toContain(`proposal ${entry.proposalId} seq ${entry.seq}: ${entry.reason}`);
      }
      for (const proposal of untouched) expect(cli.stdout).not.toContain(proposal.id);
    }, 60_000);

    it('the CLI replay says what the API says, exiting 1 for the edited proposal and 0 for an untouched one', async () => {
      const [edited, intact] = await Promise.all([
        runAuditCli(['replay', victims.edited.id, '--seq', '9'], sqliteUrl(t)),
        runAuditCli(['replay', untouched[0].id, '--seq', '9'], sqliteUrl(t)),
      ]);
      expect(edited.code).toBe(1);
      expect(JSON.parse(edited.stdout)).toEqual((await replay(t, victims.edited.id, { seq: 9 })).body);
      expect(intact.code).toBe(0);
      expect(JSON.parse(intact.stdout)).toEqual((await replay(t, untouched[0].id, { seq: 9 })).body);
      expect(JSON.parse(intact.stdout)).toMatchObject({ seq: 9, state: 'homeAffairsAgreement', chainValid: true, matchesStored: true });
    }, 60_000);

    it('the CLI with --json says what the API says', async () => {
      const [cli, api] = await Promise.all([runAuditCli(['verify', '--json'], sqliteUrl(t)), verify(t)]);
      expect(cli.code).toBe(1);
      expect(JSON.parse(cli.stdout)).toEqual(api);
    }, 60_000);
  });
});
