import { randomUUID } from 'node:crypto';
import {
  bearer,
  createProposal,
  getHistory,
  getProposal,
  http,
  postEvent,
  seed,
  type Caller,
  type HistoryEvent,
  type ProposalBody,
  type Seed,
} from '../support/api.js';
import {
  longWalk,
  makeMachineV1,
  recordedProposal,
  replay,
  storedRow,
  verify,
  walkRecording,
  type StoredSnapshot,
  type WalkStep,
} from '../support/audit.js';
import { describeEachDatabase, useTestApp, type TestApp, PAPER_DOSSIERS} from '../support/test-app.js';

const sorted = (values: readonly string[]) => [...values].sort();

/** Seven hours ahead of UTC, written the way a Vietnamese client might send it. */
function inHanoiTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${shifted.slice(0, -1)}+07:00`;
}

/** Asks `replay?seq=k` for every k and checks the answer against what the row held right after event k. */
async function expectReplayAtEverySeq(t: TestApp, proposalId: string, snapshots: StoredSnapshot[], versions: number[]) {
  const history = await getHistory(t, proposalId);
  expect(history.map((e) => e.seq)).toEqual(snapshots.map((_, i) => i + 1));
  for (let seq = 1; seq <= snapshots.length; seq++) {
    const response = await replay(t, proposalId, { seq });
    expect({ seq, status: response.status }).toEqual({ seq, status: 200 });
    expect(response.body).toEqual({
      proposalId,
      seq,
      at: history[seq - 1].at,
      state: snapshots[seq - 1].value,
      context: snapshots[seq - 1].context,
      machineVersion: versions[seq - 1],
      chainValid: true,
      matchesStored: true,
      events: snapshots.length,
      failure: null,
    });
  }
}

describeEachDatabase('replaying a proposal, on machine v1 and v2', (database) => {
  const t = useTestApp(database, { env: PAPER_DOSSIERS });
  let home: Seed;
  const admin: Caller = { role: 'admin' };

  const FULL_V2 = longWalk({ supplement: true });
  const FULL_V1 = longWalk({ supplement: false });

  let v2: { proposal: ProposalBody; snapshots: StoredSnapshot[] };
  let v1: { proposal: ProposalBody; snapshots: StoredSnapshot[] };

  beforeAll(async () => {
    home = await seed(t);
    v2 = await recordedProposal(t, home.unit.id, home.campaign.id, FULL_V2);
    v1 = await recordedProposal(t, home.unit.id, home.campaign.id, FULL_V1, { machineV1: true });
  }, 60_000);

  describe('at every seq of a long walk', () => {
    it('the v2 walk has 15 events and ends awarded with one supplement request on record', () => {
      expect(v2.snapshots).toHaveLength(15);
      expect(v2.snapshots.map((s) => s.value)).toEqual(['drafting', ...FULL_V2.map((step) => step.to)]);
      expect(v2.snapshots.at(-1)!.context).toMatchObject({ supplementRequests: 1, lastReason: 'Làm rõ thành tích', nominee: { name: 'Tổ cứu hộ xã Hòa Bình' } });
    });

    it('replay?seq=k gives exactly the state and context the live system stored after event k (v2)', async () => {
      await expectReplayAtEverySeq(t, v2.proposal.id, v2.snapshots, v2.snapshots.map(() => 2));
    });

    it('replay without seq or at folds the whole log', async () => {
      const response = await replay(t, v2.proposal.id, {});
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ seq: 15, state: 'awarded', context: v2.snapshots[14].context, chainValid: true, matchesStored: true });
    });

    it('replay?at= between two events gives the earlier one; at an event includes it; before the first gives nothing yet', async () => {
      const history = await getHistory(t, v2.proposal.id);
      for (let k = 1; k < history.length; k++) {
        const [from, to] = [Date.parse(history[k - 1].at), Date.parse(history[k].at)];
        expect(to).toBeGreaterThan(from);
        const between = new Date(Math.floor((from + to) / 2)).toISOString();
        for (const at of [between, history[k - 1].at]) {
          const response = await replay(t, v2.proposal.id, { at });
          expect({ at, seq: response.body.seq, state: response.body.state }).toEqual({ at, seq: k, state: v2.snapshots[k - 1].value });
          expect(response.body.context).toEqual(v2.snapshots[k - 1].context);
        }
      }
      const first = Date.parse(history[0].at);
      const before = await replay(t, v2.proposal.id, { at: new Date(first - 1).toISOString() });
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({ seq: 0, state: null, context: null, at: null });
    });

    it('replay?at= reads the instant, not the text: the same moment in +07:00 gives the same seq', async () => {
      const history = await getHistory(t, v2.proposal.id);
      for (const k of [3, 9, 14]) {
        const response = await replay(t, v2.proposal.id, { at: inHanoiTime(history[k - 1].at) });
        expect({ k, status: response.status, seq: response.body.seq }).toEqual({ k, status: 200, seq: k });
      }
    });
  });

  describe('what replay refuses', () => {
    it.each([
      ['a seq beyond the log', { seq: 16 }, 400, 'VALIDATION_FAILED'],
      ['seq 0', { seq: 0 }, 400, 'VALIDATION_FAILED'],
      ['a seq that is not a number', { seq: 'three' }, 400, 'VALIDATION_FAILED'],
      ['both seq and at', { seq: 2, at: '2026-05-04T03:00:00Z' }, 400, 'VALIDATION_FAILED'],
      ['an at that is not an instant', { at: 'yesterday' }, 400, 'VALIDATION_FAILED'],
    ])('%s: %s', async (_label, query, status, code) => {
      const response = await replay(t, v2.proposal.id, query as Record<string, string | number>);
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    });

    it('an unknown proposal: 404', async () => {
      const response = await replay(t, randomUUID(), { seq: 1 });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    });

    it('every role but auditor and admin: 403; no token: 401', async () => {
      const unitId = home.unit.id;
      const callers: Caller[] = [
        { role: 'drafter', unitId },
        { role: 'unit_head', unitId },
        { role: 'council' },
        { role: 'home_affairs' },
        { role: 'chairman' },
        { role: 'vice_chairman' },
      ];
      for (const caller of callers) {
        const response = await replay(t, v2.proposal.id, { seq: 1 }, caller);
        expect({ role: caller.role, status: response.status, code: response.body.code }).toEqual({ role: caller.role, status: 403, code: 'FORBIDDEN' });
      }
      const asAdmin = await replay(t, v2.proposal.id, { seq: 1 }, admin);
      expect(asAdmin.status).toBe(200);
      const anonymous = await http(t).get(`/api/proposals/${v2.proposal.id}/replay`).query({ seq: 1 });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('v1 and v2 side by side', () => {
    it('the v1 proposal was written under v1 throughout: every event and the row say machine version 1', async () => {
      const history = await getHistory(t, v1.proposal.id);
      expect(history).toHaveLength(FULL_V1.length + 1);
      expect(history.map((e) => e.machineVersion)).toEqual(history.map(() => 1));
      expect(history.at(-1)!.state).toBe('awarded');
      expect((await storedRow(t, v1.proposal.id)).machineVersion).toBe(1);
      // v1 never knew about supplement requests; v2 counts them from the start.
      expect(v1.snapshots.every((s) => !('supplementRequests' in s.context))).toBe(true);
      expect(v2.snapshots[0].context.supplementRequests).toBe(0);
    });

    it('replay?seq=k of the v1 proposal matches its stored snapshots at every seq, under machine v1', async () => {
      await expectReplayAtEverySeq(t, v1.proposal.id, v1.snapshots, v1.snapshots.map(() => 1));
    });

    it('and verify finds both intact in the same log', async () => {
      const result = await verify(t);
      expect({ ok: result.ok, broken: result.broken }).toEqual({ ok: true, broken: [] });
    });
  });

  describe('a v1 proposal migrated to v2 in flight', () => {
    const upToAgreement = FULL_V1.slice(0, 8); // … RECOMMEND: waiting on home affairs
    let migrating: { proposal: ProposalBody; snapshots: StoredSnapshot[] };
    let finalV1: ProposalBody;
    let history: HistoryEvent[];

    beforeAll(async () => {
      migrating = await recordedProposal(t, home.unit.id, home.campaign.id, upToAgreement, { machineV1: true });
      finalV1 = await createProposal(t, home.unit.id, home.campaign.id);
      await makeMachineV1(t, finalV1.id);
      const rejected = await walkRecording(t, finalV1, [
        { name: 'SUBMIT', caller: (unitId) => ({ role: 'drafter', unitId }), body: { type: 'SUBMIT' }, to: 'unitDecision' },
        { name: 'REJECT', caller: (unitId) => ({ role: 'unit_head', unitId }), body: { type: 'REJECT', reason: 'Không đủ tiêu chuẩn' }, to: 'rejected' },
      ]);
      finalV1 = rejected.proposal;
    }, 30_000);

    it('on v1, home affairs may not ask for missing documents', async () => {
      const view = await getProposal(t, migrating.proposal.id, { role: 'home_affairs' });
      expect({ state: view.state, machineVersion: view.machineVersion, allowed: sorted(view.allowedEvents) }).toEqual({
        state: 'homeAffairsAgreement',
        machineVersion: 1,
        allowed: ['AGREE', 'REJECT', 'RETURN'],
      });
      const refused = await postEvent(t, migrating.proposal.id, { role: 'home_affairs' }, { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu giấy tờ' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'INVALID_TRANSITION' });
    });

    it('only the admin migrates: the auditor and home affairs get 403 and nothing is logged', async () => {
      for (const caller of [{ role: 'auditor' }, { role: 'home_affairs' }, { role: ['auditor', 'admin'] }] as Caller[]) {
        const response = await http(t)
          .post('/api/admin/proposals/migrate')
          .set('Authorization', bearer(t, caller))
          .send({ ids: [migrating.proposal.id] });
        expect({ caller: caller.role, status: response.status, code: response.body.code }).toEqual({ caller: caller.role, status: 403, code: 'FORBIDDEN' });
      }
      expect((await storedRow(t, migrating.proposal.id)).machineVersion).toBe(1);
      expect(await getHistory(t, migrating.proposal.id)).toHaveLength(upToAgreement.length + 1);
    });

    it('a version no machine has: 400', async () => {
      const response = await http(t)
        .post('/api/admin/proposals/migrate')
        .set('Authorization', bearer(t, admin))
        .send({ ids: [migrating.proposal.id], toVersion: 3 });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    });

    it('migrates the open v1 proposal, leaves the v2 one, the decided v1 one and an unknown id as they are', async () => {
      const before = await storedRow(t, migrating.proposal.id);
      const finalBefore = await storedRow(t, finalV1.id);
      const unknown = randomUUID();
      const response = await http(t)
        .post('/api/admin/proposals/migrate')
        .set('Authorization', bearer(t, admin))
        .send({ ids: [migrating.proposal.id, v2.proposal.id, finalV1.id, unknown] });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        results: [
          { id: migrating.proposal.id, outcome: 'migrated', fromVersion: 1, toVersion: 2 },
          { id: v2.proposal.id, outcome: 'already', fromVersion: 2, toVersion: 2 },
          { id: finalV1.id, outcome: 'final', fromVersion: 1, toVersion: 1 },
          { id: unknown, outcome: 'not_found' },
        ],
      });

      history = await getHistory(t, migrating.proposal.id);
      const migrated = history.at(-1)!;
      expect(migrated).toMatchObject({
        seq: before.lastSeq + 1,
        type: 'MIGRATED',
        machineVersion: 2,
        state: 'homeAffairsAgreement',
        payload: { fromVersion: 1, toVersion: 2 },
        prevHash: before.lastHash,
      });
      expect(migrated.actor.roles).toEqual(['admin']);
      const after = await storedRow(t, migrating.proposal.id);
      expect(after).toMatchObject({ machineVersion: 2, version: before.version + 1, lastSeq: migrated.seq, lastHash: migrated.hash, state: 'homeAffairsAgreement' });
      expect(after.snapshot).toEqual({ value: 'homeAffairsAgreement', context: { ...before.snapshot.context, supplementRequests: 0 } });
      migrating.snapshots.push(after.snapshot);

      // The decided v1 proposal and the v2 one did not move, and gained no event.
      expect(await storedRow(t, finalV1.id)).toEqual(finalBefore);
      expect(await getHistory(t, finalV1.id)).toHaveLength(3);
      expect(await getHistory(t, v2.proposal.id)).toHaveLength(15);

      const again = await http(t).post('/api/admin/proposals/migrate').set('Authorization', bearer(t, admin)).send({ ids: [migrating.proposal.id] });
      expect(again.body).toEqual({ results: [{ id: migrating.proposal.id, outcome: 'already', fromVersion: 2, toVersion: 2 }] });
    });

    it('after MIGRATED, the v2-only stage works: missing documents asked for, supplied, then agreed and approved', async () => {
      const rest: WalkStep[] = FULL_V2.slice(8); // REQUEST_SUPPLEMENT, SUPPLEMENT, AGREE, RETURN, AGREE, APPROVE
      expect(rest[0].body.type).toBe('REQUEST_SUPPLEMENT');
      const view = await getProposal(t, migrating.proposal.id, { role: 'home_affairs' });
      expect(sorted(view.allowedEvents)).toEqual(['AGREE', 'REJECT', 'REQUEST_SUPPLEMENT', 'RETURN']);
      const walked = await walkRecording(t, migrating.proposal, rest, migrating.snapshots);
      migrating.proposal = walked.proposal;
      expect(migrating.proposal).toMatchObject({ state: 'awarded', machineVersion: 2 });
      expect(migrating.snapshots.at(-1)!.context.supplementRequests).toBe(1);

      history = await getHistory(t, migrating.proposal.id);
      const migratedAt = history.findIndex((e) => e.type === 'MIGRATED');
      expect(history.map((e) => e.machineVersion)).toEqual(history.map((_, i) => (i < migratedAt ? 1 : 2)));
    });

    it('the whole migrated log replays at every seq to what was stored, machine v1 up to MIGRATED and v2 from it', async () => {
      const migratedSeq = history.find((e) => e.type === 'MIGRATED')!.seq;
      await expectReplayAtEverySeq(
        t,
        migrating.proposal.id,
        migrating.snapshots,
        migrating.snapshots.map((_, i) => (i + 1 < migratedSeq ? 1 : 2)),
      );
    });

    it('verify still finds the whole log intact, v1, v2 and migrated proposals alike', async () => {
      const result = await verify(t);
      expect(result).toMatchObject({ ok: true, broken: [], truncated: false, proposals: 4 });
    });
  });
});
