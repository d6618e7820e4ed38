import { MIGRATED_EVENT } from '#workflows/proposal';
import type { AuditedEvent, AuditedProposal } from './audit-log.port.js';
import { verifyChain } from './chain-verifier.js';
import { eventHash, GENESIS_HASH } from './event-hash.js';
import { cloneLog, person, reseal, sealProposalLog, type SealedLog } from './test-support/sealed-proposal-log.js';

const ID = 'p-1';
/** CREATED, UPDATE, SUBMIT, FORWARD, RECOMMEND, AGREE, APPROVE: seqs 1 to 7. */
const genuine = sealProposalLog(ID);

/** Tampers with a copy, the way a test with the SQLite file open would. */
function tampered(change: (log: SealedLog) => void): SealedLog {
  const log = cloneLog(genuine);
  change(log);
  log.events.sort((a, b) => a.seq - b.seq);
  return log;
}

const verdict = (log: SealedLog, replay = true) => verifyChain(log.head, log.events, { replay });
const withSeq = (log: SealedLog, seq: number) => log.events.find((event) => event.seq === seq)!;
const without = (log: SealedLog, seq: number) => log.events.splice(log.events.indexOf(withSeq(log, seq)), 1);

/** Re-links and re-seals every event from `index` on, as someone rewriting history with the algorithm would. */
function rechainFrom(log: SealedLog, index: number): void {
  for (let i = index; i < log.events.length; i++) {
    const prevHash = i === 0 ? GENESIS_HASH : log.events[i - 1].hash;
    log.events[i] = reseal(log.events[i], { prevHash });
  }
  log.head.lastHash = log.events[log.events.length - 1].hash;
  log.head.lastSeq = log.events[log.events.length - 1].seq;
}

describe('chain verifier', () => {
  it('builds a genuine log of the v1 award walk', () => {
    expect(genuine.events.map((event) => [event.seq, event.type, event.state])).toEqual([
      [1, 'CREATED', 'drafting'],
      [2, 'UPDATE', 'drafting'],
      [3, 'SUBMIT', 'unitDecision'],
      [4, 'FORWARD', 'councilScreening'],
      [5, 'RECOMMEND', 'homeAffairsAgreement'],
      [6, 'AGREE', 'chairmanDecision'],
      [7, 'APPROVE', 'awarded'],
    ]);
  });

  describe('finds nothing wrong with', () => {
    it('an intact log, with or without replay', () => {
      expect(verdict(genuine)).toBeNull();
      expect(verdict(genuine, false)).toBeNull();
    });

    it('a stored snapshot whose keys came back in another order, or as text', () => {
      const snapshot = genuine.head.snapshot as { value: string; context: Record<string, unknown> };
      const reordered = { context: Object.fromEntries(Object.entries(snapshot.context).reverse()), value: snapshot.value };
      expect(verifyChain({ ...genuine.head, snapshot: reordered }, genuine.events)).toBeNull();
      expect(verifyChain({ ...genuine.head, snapshot: JSON.stringify(snapshot) }, genuine.events)).toBeNull();
    });

    it('a proposal migrated to machine v2 halfway', () => {
      const migrated = sealProposalLog('p-2', [
        { type: 'SUBMIT', actor: person('drafter') },
        { type: MIGRATED_EVENT, toVersion: 2 },
        { type: 'FORWARD', actor: person('unit_head') },
      ]);
      expect(verifyChain(migrated.head, migrated.events)).toBeNull();
    });

    it('a proposal that has neither a row nor events', () => {
      expect(verifyChain(null, [])).toBeNull();
    });
  });

  describe('edited', () => {
    it('a payload changed in place', () => {
      const log = tampered((log) => {
        (withSeq(log, 3).payload as Record<string, unknown>).deadline = { rule: 'DX-4', dueAt: '2030-01-01T00:00:00.000Z' };
      });
      expect(verdict(log)).toMatchObject({ proposalId: ID, seq: 3, reason: 'edited' });
    });

    it('the CREATED line (the nominee at creation)', () => {
      const log = tampered((log) => {
        (withSeq(log, 1).payload as { nominee: { name: string } }).nominee.name = 'Trần Thị C';
      });
      expect(verdict(log)).toMatchObject({ seq: 1, reason: 'edited' });
    });

    it('an actor, a time or a state column', () => {
      expect(verdict(tampered((log) => (withSeq(log, 5).actor = person('chairman', null))))).toMatchObject({ seq: 5, reason: 'edited' });
      expect(verdict(tampered((log) => (withSeq(log, 6).at = '2026-03-01T00:00:00.000Z')))).toMatchObject({ seq: 6, reason: 'edited' });
      expect(verdict(tampered((log) => (withSeq(log, 7).state = 'rejected')))).toMatchObject({ seq: 7, reason: 'edited' });
    });

    it('the hash column, or the prevHash column', () => {
      expect(verdict(tampered((log) => (withSeq(log, 5).hash = 'f'.repeat(64))))).toMatchObject({ seq: 5, reason: 'edited' });
      expect(verdict(tampered((log) => (withSeq(log, 4).prevHash = 'e'.repeat(64))))).toMatchObject({ seq: 4, reason: 'edited' });
    });

    it('a line changed and re-sealed, while the next line still names the original', () => {
      const log = tampered((log) => {
        log.events[2] = reseal(log.events[2], { payload: {} });
      });
      expect(verdict(log)).toMatchObject({ seq: 3, reason: 'edited' });
    });
  });

  describe('missing', () => {
    it('a line deleted from the middle', () => {
      expect(verdict(tampered((log) => without(log, 4)))).toMatchObject({ seq: 4, reason: 'missing' });
    });

    it('the first line', () => {
      expect(verdict(tampered((log) => without(log, 1)))).toMatchObject({ seq: 1, reason: 'missing' });
    });

    it("the last line: the row's last seq is beyond the log", () => {
      expect(verdict(tampered((log) => without(log, 7)))).toMatchObject({ seq: 7, reason: 'missing' });
    });

    it('every line', () => {
      expect(verifyChain(genuine.head, [])).toMatchObject({ proposalId: ID, seq: 1, reason: 'missing' });
    });

    it('a line deleted and the later ones renumbered to close the gap', () => {
      const log = tampered((log) => {
        without(log, 4);
        for (const event of log.events) if (event.seq > 4) event.seq -= 1;
      });
      expect(verdict(log)).toMatchObject({ seq: 4, reason: 'missing' });
    });
  });

  describe('reordered', () => {
    it('two neighbours swapped', () => {
      const log = tampered((log) => {
        withSeq(log, 3).seq = -1;
        withSeq(log, 4).seq = 3;
        withSeq(log, -1).seq = 4;
      });
      expect(verdict(log)).toMatchObject({ seq: 3, reason: 'reordered' });
    });

    it('two lines far apart swapped', () => {
      const log = tampered((log) => {
        withSeq(log, 2).seq = -1;
        withSeq(log, 6).seq = 2;
        withSeq(log, -1).seq = 6;
      });
      expect(verdict(log)).toMatchObject({ seq: 2, reason: 'reordered' });
    });

    it('the last line moved to a later seq', () => {
      expect(verdict(tampered((log) => (withSeq(log, 7).seq = 9)))).toMatchObject({ seq: 7, reason: 'reordered' });
    });

    it('the contents of two rows swapped under their seals', () => {
      const log = tampered((log) => {
        const [third, fourth] = [withSeq(log, 3), withSeq(log, 4)];
        const fields = ['type', 'actor', 'at', 'payload', 'state'] as const;
        for (const field of fields) {
          const kept = third[field];
          Object.assign(third, { [field]: fourth[field] });
          Object.assign(fourth, { [field]: kept });
        }
      });
      expect(verdict(log)).toMatchObject({ seq: 3, reason: 'reordered' });
    });

    it('a re-sealed line that names an event other than its predecessor', () => {
      const log = tampered((log) => {
        log.events[4] = reseal(log.events[4], { prevHash: log.events[1].hash });
      });
      expect(verdict(log)).toMatchObject({ seq: 5, reason: 'reordered' });
    });
  });

  describe('inserted', () => {
    const forgedApproval = (log: SealedLog): AuditedEvent => {
      const last = log.events[log.events.length - 1];
      return reseal({ ...last, seq: last.seq + 1, prevHash: last.hash, type: 'RETURN', payload: { reason: 'x' } });
    };

    it('a well-forged line appended behind the row', () => {
      const log = tampered((log) => log.events.push(forgedApproval(log)));
      expect(verdict(log)).toMatchObject({ seq: 8, reason: 'inserted' });
    });

    it('a clumsy line appended behind the row', () => {
      const log = tampered((log) => log.events.push({ ...forgedApproval(log), hash: 'a'.repeat(64) }));
      expect(verdict(log)).toMatchObject({ seq: 8, reason: 'inserted' });
    });

    it('a line slipped in, the later ones renumbered up', () => {
      const log = tampered((log) => {
        for (const event of log.events) if (event.seq >= 3) event.seq += 1;
        log.events.push({ ...withSeq(log, 2), seq: 3, payload: { changes: { awardForm: 'unit_certificate' } }, hash: 'b'.repeat(64) });
      });
      expect(verdict(log)).toMatchObject({ seq: 3, reason: 'inserted' });
    });

    it('a well-forged line slipped in, the later ones renumbered up', () => {
      const log = tampered((log) => {
        for (const event of log.events) if (event.seq >= 3) event.seq += 1;
        const second = withSeq(log, 2);
        log.events.push(reseal({ ...second, seq: 3, prevHash: second.hash }));
      });
      expect(verdict(log)).toMatchObject({ seq: 3, reason: 'inserted' });
    });

    it('a self-sealed forgery that follows no event of the proposal', () => {
      const log = tampered((log) => {
        log.events[3] = reseal(log.events[3], { prevHash: 'c'.repeat(64) });
      });
      expect(verdict(log)).toMatchObject({ seq: 4, reason: 'inserted' });
    });

    it('a second line under a seq already taken', () => {
      const log = tampered((log) => log.events.push(reseal({ ...withSeq(log, 3), payload: { note: 'fork' } })));
      expect(verdict(log)).toMatchObject({ seq: 3, reason: 'inserted' });
    });

    it('events whose proposal row is gone', () => {
      expect(verifyChain(null, genuine.events)).toMatchObject({ proposalId: ID, seq: 1, reason: 'inserted' });
    });
  });

  describe('snapshot_mismatch', () => {
    it('a stored snapshot edited in the row', () => {
      const log = tampered((log) => {
        (log.head.snapshot as { context: { decision: { number: string } } }).context.decision.number = '999/QĐ-UBND';
      });
      expect(verdict(log)).toMatchObject({ seq: 7, reason: 'snapshot_mismatch' });
      expect(verdict(log, false)).toBeNull();
    });

    it('a query column the API and the quotas read, edited in the row while the snapshot was left alone', () => {
      const withColumns = (edit: Partial<AuditedProposal>) =>
        tampered((log) => Object.assign(log.head, { state: 'awarded', escalation: 'none', late: false, awardForm: 'chairman_certificate' }, edit));
      expect(verdict(withColumns({}))).toBeNull();
      expect(verdict(withColumns({ state: 'rejected' }))).toMatchObject({ seq: 7, reason: 'snapshot_mismatch', detail: expect.stringMatching(/state column/) });
      // The state is sealed in every line, so even the hash-only walk sees it.
      expect(verdict(withColumns({ state: 'rejected' }), false)).toMatchObject({ seq: 7, reason: 'snapshot_mismatch' });
      expect(verdict(withColumns({ escalation: 'escalated' }))).toMatchObject({ reason: 'snapshot_mismatch', detail: expect.stringMatching(/escalation/) });
      expect(verdict(withColumns({ late: true }))).toMatchObject({ reason: 'snapshot_mismatch', detail: expect.stringMatching(/late/) });
    });

    it("a stored state moved on without an event", () => {
      expect(verdict(tampered((log) => ((log.head.snapshot as { value: string }).value = 'rejected')))).toMatchObject({
        seq: 7,
        reason: 'snapshot_mismatch',
      });
    });

    it("the row's last hash, even without replay", () => {
      const log = tampered((log) => (log.head.lastHash = 'd'.repeat(64)));
      expect(verdict(log, false)).toMatchObject({ seq: 7, reason: 'snapshot_mismatch' });
    });

    it('the last line changed and re-sealed: only the row still names the original', () => {
      const log = tampered((log) => {
        log.events[6] = reseal(log.events[6], { payload: { decision: { number: '1/QĐ', date: '2026-03-10', signedBy: 'x' } } });
      });
      expect(verdict(log)).toMatchObject({ seq: 7, reason: 'snapshot_mismatch' });
    });

    it("the row's machine version", () => {
      expect(verdict(tampered((log) => (log.head.machineVersion = 2)), false)).toMatchObject({ seq: 7, reason: 'snapshot_mismatch' });
    });

    it("the row's last seq lowered under its last hash", () => {
      expect(verdict(tampered((log) => (log.head.lastSeq = 6)))).toMatchObject({ seq: 6, reason: 'snapshot_mismatch' });
    });

    it('the last line deleted, the row pointed at the one before: replay stops short of the snapshot', () => {
      const log = tampered((log) => {
        without(log, 7);
        log.head.lastSeq = 6;
        log.head.lastHash = withSeq(log, 6).hash;
      });
      expect(verdict(log)).toMatchObject({ seq: 6, reason: 'snapshot_mismatch' });
    });
  });

  describe('replay_failed', () => {
    it('history rewritten with the algorithm: an approval by someone who may not approve', () => {
      const log = tampered((log) => {
        log.events[6].actor = person('drafter');
        rechainFrom(log, 6);
      });
      expect(verdict(log)).toMatchObject({ seq: 7, reason: 'replay_failed', detail: expect.stringContaining('refuses APPROVE') });
      expect(verdict(log, false)).toBeNull();
    });

    it('history rewritten with the algorithm: a step skipped', () => {
      const log = tampered((log) => {
        without(log, 5);
        for (const event of log.events) if (event.seq > 5) event.seq -= 1;
        rechainFrom(log, 4);
      });
      expect(verdict(log)).toMatchObject({ seq: 5, reason: 'replay_failed' });
    });
  });

  it('reports the first problem when there are several', () => {
    const log = tampered((log) => {
      (withSeq(log, 6).payload as Record<string, unknown>).x = 1;
      without(log, 3);
      log.head.lastHash = 'd'.repeat(64);
    });
    expect(verdict(log)).toMatchObject({ seq: 3, reason: 'missing' });
  });

  it('seals what the hash function seals: a forged line is told apart only by the chain', () => {
    const created = genuine.events[0];
    expect(eventHash(GENESIS_HASH, created)).toBe(created.hash);
  });
});
