import type { AuditedProposal } from './audit-log.port.js';
import { generateCheckpointKeyPair } from './checkpoint-signature.js';
import { verifyLog, type LogProgress } from './log-verifier.js';
import { checkpointWithHeads } from './test-support/checkpoint-with-heads.js';
import { InMemoryAuditLog } from './test-support/in-memory-audit-log.js';
import { person, reseal, sealProposalLog, V1_AWARD_WALK, type LogStep } from './test-support/sealed-proposal-log.js';

const SHORT: LogStep[] = [{ type: 'SUBMIT', actor: person('drafter') }];

/** Seven proposals of 7, 2 or 1 events: with pages of 3 (or 4), most proposals straddle a page boundary. */
function seededLog(pageSize = 3): InMemoryAuditLog {
  return new InMemoryAuditLog({ pageSize }).add(
    sealProposalLog('p-1'),
    sealProposalLog('p-2', SHORT),
    sealProposalLog('p-3'),
    sealProposalLog('p-4', []),
    sealProposalLog('p-5'),
    sealProposalLog('p-6', SHORT),
    sealProposalLog('p-7'),
  );
}
const TOTAL_EVENTS = 7 + 2 + 7 + 1 + 7 + 2 + 7;

describe('log verifier', () => {
  it.each([1, 3, 4, 7, 100])('finds an intact log intact with pages of %i', async (pageSize) => {
    const log = seededLog(pageSize);
    expect(await verifyLog(log)).toEqual({ proposals: 7, events: TOTAL_EVENTS, ok: true, broken: [], truncated: false });
    expect(log.pagesRead).toBeGreaterThanOrEqual(Math.ceil(TOTAL_EVENTS / pageSize));
  });

  it('a command that commits while the walk is between a row and its events is not taken for tampering', async () => {
    // The walk read p-1's row when it had 6 events; by the time it reached p-1's events a seventh had landed.
    const full = sealProposalLog('p-1');
    const short = sealProposalLog('p-1', V1_AWARD_WALK.slice(0, -1));
    class BusyLog extends InMemoryAuditLog {
      override async *proposals(pageSize?: number): AsyncIterable<AuditedProposal[]> {
        for await (const page of super.proposals(pageSize)) yield page.map((row) => (row.id === 'p-1' ? structuredClone(short.head!) : row));
      }
    }
    const busy = new BusyLog({ pageSize: 3 }).add(full, sealProposalLog('p-2', SHORT));
    expect(await verifyLog(busy)).toEqual({ proposals: 2, events: 9, ok: true, broken: [], truncated: false });
    // Read whole and at one moment, a real break is still reported.
    busy.rows.get('p-1')!.lastSeq = 6;
    expect((await verifyLog(busy)).broken).toEqual([expect.objectContaining({ proposalId: 'p-1', seq: 6, reason: 'snapshot_mismatch' })]);
  });

  it('can skip replay, the costly part', async () => {
    const log = seededLog();
    (log.rows.get('p-3')!.snapshot as { value: string }).value = 'rejected';
    expect((await verifyLog(log, { replay: false })).ok).toBe(true);
    expect((await verifyLog(log)).broken).toEqual([
      expect.objectContaining({ proposalId: 'p-3', seq: 7, reason: 'snapshot_mismatch' }),
    ]);
  });

  it('passes the page size it is given to the log', async () => {
    const log = seededLog(100);
    await verifyLog(log, { pageSize: 2 });
    expect(log.pagesRead).toBe(Math.ceil(7 / 2) + Math.ceil(TOTAL_EVENTS / 2));
  });

  it("reports each broken proposal's first problem, in id order", async () => {
    const log = seededLog();
    log.event('p-5', 4).payload = { deadline: null };
    log.eventRows = log.eventRows.filter((event) => !(event.proposalId === 'p-2' && event.seq === 2));
    log.event('p-7', 2).seq = -1;
    log.event('p-7', 3).seq = 2;
    log.event('p-7', -1).seq = 3;
    const result = await verifyLog(log);
    expect(result).toMatchObject({ proposals: 7, events: TOTAL_EVENTS - 1, ok: false, truncated: false });
    expect(result.broken).toEqual([
      expect.objectContaining({ proposalId: 'p-2', seq: 2, reason: 'missing' }),
      expect.objectContaining({ proposalId: 'p-5', seq: 4, reason: 'edited' }),
      expect.objectContaining({ proposalId: 'p-7', seq: 2, reason: 'reordered' }),
    ]);
  });

  it('reports events whose proposal row is gone as inserted, first, last or in between', async () => {
    const log = seededLog();
    for (const id of ['p-1', 'p-4', 'p-7']) log.rows.delete(id);
    log.add({ head: null, events: sealProposalLog('p-0', SHORT).events });
    const result = await verifyLog(log);
    expect(result).toMatchObject({ proposals: 4, events: TOTAL_EVENTS + 2 });
    expect(result.broken.map(({ proposalId, seq, reason }) => [proposalId, seq, reason])).toEqual([
      ['p-0', 1, 'inserted'],
      ['p-1', 1, 'inserted'],
      ['p-4', 1, 'inserted'],
      ['p-7', 1, 'inserted'],
    ]);
  });

  it('reports a row with no events as missing its first', async () => {
    const log = seededLog();
    log.eventRows = log.eventRows.filter((event) => event.proposalId !== 'p-6');
    const row: AuditedProposal = { ...log.rows.get('p-6')!, id: 'p-99' };
    log.rows.set('p-99', row);
    expect((await verifyLog(log)).broken.map(({ proposalId, seq, reason }) => [proposalId, seq, reason])).toEqual([
      ['p-6', 1, 'missing'],
      ['p-99', 1, 'missing'],
    ]);
  });

  it('lists at most maxBroken problems, goes on counting, and says it stopped listing', async () => {
    const log = seededLog();
    for (const row of log.rows.values()) row.lastHash = 'f'.repeat(64);
    const result = await verifyLog(log, { maxBroken: 3 });
    expect(result).toMatchObject({ proposals: 7, events: TOTAL_EVENTS, ok: false, truncated: true });
    expect(result.broken.map((entry) => entry.proposalId)).toEqual(['p-1', 'p-2', 'p-3']);
  });

  it('reports progress as it goes and the totals at the end', async () => {
    const seen: LogProgress[] = [];
    await verifyLog(seededLog(), { pageSize: 5, onProgress: (progress) => seen.push(progress) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toEqual({ proposals: 7, events: TOTAL_EVENTS });
    for (let i = 1; i < seen.length; i++) expect(seen[i].events).toBeGreaterThanOrEqual(seen[i - 1].events);
  });

  it('stops with an error, not phantom problems, when the log does not come ordered by id', async () => {
    const log = seededLog();
    const unordered = Object.assign(Object.create(log) as InMemoryAuditLog, {
      async *proposals() {
        const rows = [...log.rows.values()];
        yield [rows[3], rows[0]];
      },
    });
    await expect(verifyLog(unordered)).rejects.toThrow(/not ordered by proposal id/);
  });

  describe('with a checkpoint', () => {
    const keys = generateCheckpointKeyPair();
    const upTo = '2026-03-02T05:30:00.000Z';

    /**
     * Rewrites p-3 from its SUBMIT (before the checkpoint's instant) on, re-sealing every event and fixing the row
     * and its snapshot to match: invisible to the chain and to replay.
     */
    function rewriteHistory(log: InMemoryAuditLog): void {
      const decision = { number: '999/QĐ-UBND', date: '2026-03-10', signedBy: 'Chủ tịch' };
      log.event('p-3', 3).payload = { deadline: { rule: 'DX-4', dueAt: '2026-06-30T17:00:00.000Z' } };
      log.event('p-3', 7).payload = { decision };
      const events = log.eventRows.filter((event) => event.proposalId === 'p-3').sort((a, b) => a.seq - b.seq);
      for (let index = 2; index < events.length; index++) {
        Object.assign(events[index], reseal(events[index], { prevHash: events[index - 1].hash }));
      }
      const row = log.rows.get('p-3')!;
      row.lastHash = events[events.length - 1].hash;
      (row.snapshot as { context: { decision: unknown } }).context.decision = decision;
    }

    it('compares with it in the same pass', async () => {
      const log = seededLog();
      const { checkpoint, heads } = await checkpointWithHeads(log, { upTo, privateKeyPem: keys.privateKeyPem, now: '2026-03-03T00:00:00Z' });
      const result = await verifyLog(log, { checkpoint: { checkpoint, heads } });
      expect(result).toMatchObject({ ok: true, broken: [], checkpoint: { ok: true, merkleRootMatches: true, proposals: 7, events: 3 + 2 + 3 + 1 + 3 + 2 + 3 } });
    });

    it('names a proposal whose history was rewritten so well that its chain and replay still hold', async () => {
      const log = seededLog();
      const { checkpoint, heads } = await checkpointWithHeads(log, { upTo, privateKeyPem: keys.privateKeyPem, now: '2026-03-03T00:00:00Z' });
      rewriteHistory(log);
      expect(await verifyLog(log)).toMatchObject({ ok: true });
      const result = await verifyLog(log, { checkpoint: { checkpoint, heads } });
      expect(result).toMatchObject({ ok: false, checkpoint: { ok: false, merkleRootMatches: false } });
      expect(result.broken).toEqual([
        {
          proposalId: 'p-3',
          seq: 3,
          reason: 'rewritten',
          recorded: { seq: 3, hash: heads.find((head) => head.proposalId === 'p-3')!.hash },
          now: { seq: 3, hash: log.event('p-3', 3).hash, events: 3 },
          detail: expect.any(String),
        },
      ]);
    });
  });
});
