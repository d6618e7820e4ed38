import { PERSON_ROLES, SYSTEM_ACTOR, type Actor, type Role } from '#kernel';
import { MACHINE_VERSIONS } from './machine-registry.js';
import { ProposalReplayer } from './proposal-replayer.js';
import { restore, startProposal, step, toStored, type ProposalSnapshot } from './proposal-transitions.js';
import { PERSON_EVENT_TYPES, TIMER_EVENT_TYPES, type ProposalEvent, type ProposalInput } from './proposal.types.js';

const UNIT = 'unit-a';
const input: ProposalInput = {
  proposalId: 'p-1',
  kind: 'extraordinary',
  unitId: UNIT,
  campaignId: null,
  awardForm: 'unit_certificate',
  nominee: { type: 'individual', name: 'Nguyễn Văn A' },
  achievement: { summary: 'Cứu người đuối nước', date: '2026-02-20', basis: 'rescue' },
};

/** What each event may carry, in turn: nothing, then what the use cases send with it. */
const FIELDS: Record<string, object[]> = {
  UPDATE: [{ changes: { awardForm: 'chairman_certificate', nominee: { type: 'collective', name: 'Tổ Cứu hộ' } } }],
  SUBMIT: [{}, { deadline: { rule: 'DX-4', dueAt: '2026-03-01T17:00:00.000Z' } }],
  FORWARD: [{}, { deadline: { rule: 'TH-5', dueAt: '2026-03-01T17:00:00.000Z' } }],
  WITHDRAW: [{}, { reason: 'Rút' }],
  AWARD_AT_UNIT: [{}, { decision: { number: '1/QĐ', date: '2026-03-09', signedBy: 'Trưởng đơn vị' } }],
  RETURN: [{ reason: 'Bổ sung' }],
  REJECT: [{ reason: 'Không đủ điều kiện' }],
  RECOMMEND: [{ vote: { members: 9, for: 7, against: 2 } }],
  APPROVE: [{ decision: { number: '2/QĐ-UBND', date: '2026-03-10', signedBy: 'Chủ tịch' } }],
  REQUEST_SUPPLEMENT: [{ reason: 'Thiếu biên bản' }],
  SUPPLEMENT: [{}, { note: 'Đã bổ sung' }],
};
const TYPES = [...PERSON_EVENT_TYPES, ...TIMER_EVENT_TYPES];
const ACTORS: Actor[] = [
  ...PERSON_ROLES.map((role: Role) => ({ id: role, roles: [role], unitId: UNIT })),
  { id: 'outsider', roles: ['unit_head'], unitId: 'unit-b' },
  SYSTEM_ACTOR,
];

/** A small deterministic generator (no Math.random: a failure must reproduce). */
function generator(seed: number) {
  let state = seed;
  return <T>(items: readonly T[]): T => items[Math.floor(((state = (state * 16807) % 2147483647) / 2147483647) * items.length)];
}

const outcome = (apply: () => boolean) => {
  try {
    return { accepted: apply() };
  } catch (error) {
    return { thrown: (error as Error).message };
  }
};

describe('replaying a proposal on one live actor', () => {
  it.each(MACHINE_VERSIONS)('takes, refuses and throws on every event exactly as step() does, walk after walk (v%i)', (version) => {
    const pick = generator(version * 7919);
    let [accepted, refused, thrown, finished] = [0, 0, 0, 0];
    for (let walk = 0; walk < 200; walk++) {
      const live = ProposalReplayer.start(version, input);
      let expected: ProposalSnapshot = restore(version, startProposal(version, input));
      expect(toStored(live.snapshot)).toEqual(toStored(expected));
      for (let line = 0; line < 25; line++) {
        const type = pick(TYPES);
        // Now and then an actor the guards cannot read: the machine throws, and so must replay.
        const actor = line > 0 && pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) === 0 ? ({ id: 'broken' } as Actor) : pick(ACTORS);
        const event = { ...pick(FIELDS[type] ?? [{}]), type, actor, at: `2026-03-0${1 + (line % 9)}T0${line % 10}:00:00.000Z` } as ProposalEvent;
        const before = expected;
        const reference = outcome(() => (expected = step(version, before, event).next) !== before);
        const replayed = outcome(() => live.send(event));
        expect(replayed).toEqual(reference);
        if ('thrown' in reference) {
          thrown++;
          break;
        }
        if (reference.accepted) accepted++;
        else refused++;
        expect(toStored(live.snapshot)).toEqual(toStored(expected));
        expect(live.snapshot.status).toBe(expected.status);
      }
      if (expected.status === 'done') finished++;
    }
    // Every kind of answer was asked for, many times.
    expect(Math.min(accepted, refused, thrown, finished)).toBeGreaterThan(10);
  });

  it('resumes from a stored snapshot as restore() and step() do', () => {
    const stored = { ...startProposal(2, input), value: 'homeAffairsAgreement' as const };
    const resumed = ProposalReplayer.resume(2, stored);
    const event = { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu', actor: { id: 'h', roles: ['home_affairs'], unitId: null }, at: '2026-03-05T00:00:00.000Z' } as ProposalEvent;
    expect(resumed.send(event)).toBe(true);
    expect(toStored(resumed.snapshot)).toEqual(toStored(step(2, restore(2, stored), event).next));
    expect(resumed.send(event)).toBe(false);
  });

  it('refuses a machine version that was never registered, as the pure functions do', () => {
    expect(() => ProposalReplayer.start(99, input)).toThrow(/99/);
    expect(() => ProposalReplayer.resume(99, startProposal(1, input))).toThrow(/99/);
  });
});
