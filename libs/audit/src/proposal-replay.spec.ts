import { SYSTEM_ACTOR } from '#kernel';
import { MIGRATED_EVENT } from '#workflows/proposal';
import { replaysToStored, replayTo, snapshotsMatch } from './proposal-replay.js';
import { cloneLog, person, sealProposalLog, type LogStep } from './test-support/sealed-proposal-log.js';

/** The same value with every object's keys written in reverse order, as another database might return it. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
}

describe('proposal replay', () => {
  const log = sealProposalLog('p-1');

  it('folds the whole v1 walk to the stored snapshot', () => {
    const replayed = replayTo(log.events);
    expect(replayed).toMatchObject({ state: 'awarded', seq: 7, machineVersion: 1, failure: null });
    expect(replayed.context?.decision).toEqual({ number: '123/QĐ-UBND', date: '2026-03-10', signedBy: 'Chủ tịch' });
    expect(replaysToStored(log.events, log.head.snapshot as never)).toBe(true);
  });

  it('compares snapshots whatever order their keys come back in', () => {
    expect(replaysToStored(log.events, reverseKeys(log.head.snapshot) as never)).toBe(true);
  });

  it('tells a snapshot that differs in one context field', () => {
    const stored = structuredClone(log.head.snapshot) as { value: string; context: { escalation: string } };
    stored.context.escalation = 'missed';
    expect(replaysToStored(log.events, stored)).toBe(false);
    expect(snapshotsMatch(replayTo(log.events), { value: 'rejected', context: replayTo(log.events).context })).toBe(false);
  });

  it('stops after a seq', () => {
    expect(replayTo(log.events, { seq: 3 })).toMatchObject({
      state: 'unitDecision',
      seq: 3,
      context: { submittedAt: log.events[2].at, nominee: { name: 'Nguyễn Văn B' } },
      failure: null,
    });
  });

  it('stops at an instant, including the events logged exactly then', () => {
    expect(replayTo(log.events, { at: log.events[3].at }).seq).toBe(4);
    const halfPast = new Date(Date.parse(log.events[3].at) + 30 * 60_000).toISOString();
    expect(replayTo(log.events, { at: halfPast })).toMatchObject({ seq: 4, state: 'councilScreening' });
    // Another spelling of the same instant stops at the same place.
    expect(replayTo(log.events, { at: log.events[3].at.replace('.000Z', '+00:00') }).seq).toBe(4);
  });

  it('stops at whichever of seq and instant comes first', () => {
    expect(replayTo(log.events, { seq: 2, at: log.events[5].at }).seq).toBe(2);
    expect(replayTo(log.events, { seq: 6, at: log.events[2].at }).seq).toBe(3);
  });

  it('applies nothing before the proposal existed', () => {
    expect(replayTo(log.events, { at: '2020-01-01T00:00:00Z' })).toEqual({
      state: null,
      context: null,
      seq: 0,
      machineVersion: null,
      failure: null,
    });
  });

  it('refuses an instant it cannot read rather than guessing', () => {
    expect(() => replayTo(log.events, { at: 'yesterday' })).toThrow(RangeError);
  });

  it('ignores the rules key a use case adds to a payload', () => {
    expect(log.events[3].payload).toHaveProperty('rules');
    const withoutRules = cloneLog(log);
    delete (withoutRules.events[3].payload as { rules?: unknown }).rules;
    expect(replayTo(withoutRules.events)).toEqual(replayTo(log.events));
  });

  it('never lets a payload key stand in for the sealed type or actor', () => {
    const forged = cloneLog(log);
    Object.assign(forged.events[6].payload as object, { type: 'REJECT', actor: person('drafter'), reason: 'x' });
    expect(replayTo(forged.events)).toMatchObject({ state: 'awarded', failure: null });
  });

  describe('reports, never throws, a line it cannot replay', () => {
    it('an event the machine refuses: who acted may not', () => {
      const forged = cloneLog(log);
      forged.events[6].actor = person('drafter');
      expect(replayTo(forged.events)).toMatchObject({
        state: 'chairmanDecision',
        seq: 6,
        failure: { seq: 7, message: expect.stringContaining('refuses APPROVE in chairmanDecision') },
      });
      expect(replaysToStored(forged.events, log.head.snapshot as never)).toBe(false);
    });

    it('an event that reaches another state than the one it sealed', () => {
      const forged = cloneLog(log);
      forged.events[4].state = 'rejected';
      expect(replayTo(forged.events).failure).toEqual({
        seq: 5,
        message: 'RECOMMEND reaches homeAffairsAgreement but the log says rejected',
      });
    });

    it('a log that does not start with CREATED', () => {
      expect(replayTo(log.events.slice(1))).toMatchObject({ seq: 0, state: null, failure: { seq: 2 } });
    });

    it('a second CREATED', () => {
      const forged = cloneLog(log);
      forged.events[3] = { ...forged.events[0], seq: 4 };
      expect(replayTo(forged.events).failure).toMatchObject({ seq: 4, message: 'a second CREATED line' });
    });

    it('a machine version that was never registered', () => {
      const forged = cloneLog(log);
      forged.events[2].machineVersion = 99;
      expect(replayTo(forged.events).failure).toMatchObject({ seq: 3, message: expect.stringContaining('99') });
    });
  });

  it('replays a timer event from the worker, which moves no stage', () => {
    const timed = sealProposalLog('p-2', [
      { type: 'SUBMIT', actor: person('drafter') },
      { type: 'DEADLINE_MISSED', actor: SYSTEM_ACTOR },
    ]);
    expect(replayTo(timed.events)).toMatchObject({ state: 'unitDecision', context: { escalation: 'missed' }, failure: null });
    expect(replaysToStored(timed.events, timed.head.snapshot as never)).toBe(true);
  });

  describe('across a migration', () => {
    const steps: LogStep[] = [
      { type: 'SUBMIT', actor: person('drafter') },
      { type: 'FORWARD', actor: person('unit_head') },
      { type: MIGRATED_EVENT, toVersion: 2 },
      { type: 'RECOMMEND', actor: person('council', null), fields: { vote: { members: 9, for: 6, against: 3 } } },
      { type: 'REQUEST_SUPPLEMENT', actor: person('home_affairs', null), fields: { reason: 'Thiếu biên bản' } },
    ];
    const migrated = sealProposalLog('p-3', steps);

    it('upgrades the snapshot at the MIGRATED line and goes on under the new version', () => {
      expect(migrated.events[3]).toMatchObject({ type: 'MIGRATED', machineVersion: 2, state: 'councilScreening' });
      expect(replayTo(migrated.events)).toMatchObject({
        state: 'supplementRequested',
        machineVersion: 2,
        context: { supplementRequests: 1, lastReason: 'Thiếu biên bản' },
        failure: null,
      });
      expect(replaysToStored(migrated.events, migrated.head.snapshot as never)).toBe(true);
    });

    it('stops before the migration under the old version', () => {
      expect(replayTo(migrated.events, { seq: 3 })).toMatchObject({ machineVersion: 1, state: 'councilScreening' });
      expect(replayTo(migrated.events, { seq: 3 }).context).not.toHaveProperty('supplementRequests');
    });

    it('reports a MIGRATED line that does not start from the version replayed so far', () => {
      const forged = cloneLog(migrated);
      forged.events[3].payload = { fromVersion: 2, toVersion: 2 };
      expect(replayTo(forged.events).failure).toMatchObject({ seq: 4 });
    });

    it('reports a v2 event logged under v1, which the v1 machine does not know', () => {
      const forged = cloneLog(migrated);
      forged.events[3] = { ...forged.events[3], type: 'DEADLINE_REMINDER', payload: {}, machineVersion: 1 };
      forged.events[3].actor = SYSTEM_ACTOR;
      for (const event of forged.events.slice(4)) event.machineVersion = 1;
      expect(replayTo(forged.events).failure).toMatchObject({ seq: 6, message: expect.stringContaining('refuses REQUEST_SUPPLEMENT') });
    });
  });
});
