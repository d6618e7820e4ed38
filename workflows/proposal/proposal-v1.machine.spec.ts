import { getShortestPaths } from 'xstate/graph';
import type { Actor, PersonRole } from '#kernel';
import { PERSON_ROLES, SYSTEM_ACTOR } from '#kernel';
import { proposalMachineV1 } from './proposal-v1.machine.js';
import {
  acceptedEventTypes,
  allowedEventTypes,
  restore,
  stagesAwaiting,
  startProposal,
  step,
  toStored,
} from './proposal-transitions.js';
import {
  PERSON_EVENT_TYPES,
  PROPOSAL_STATES,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalInput,
} from './proposal.types.js';
import { MACHINE_TABLE_V1, TABLE_TIMER_EVENT_TYPES, type V1State } from './test-support/machine-table.js';

const UNIT = 'unit-a';
const at = '2026-03-02T03:00:00.000Z';
const person = (role: PersonRole, unitId: string | null = UNIT): Actor => ({ id: `${role}-1`, roles: [role], unitId });

const input: ProposalInput = {
  proposalId: 'p-1',
  kind: 'extraordinary',
  unitId: UNIT,
  campaignId: null,
  awardForm: 'chairman_certificate',
  nominee: { type: 'individual', name: 'Nguyễn Văn A' },
  achievement: { summary: 'Cứu người đuối nước', date: '2026-02-20', basis: 'rescue' },
};

/** PROPOSAL_STATES spans every version; version 1 never had the later ones. */
const V1_STATES = PROPOSAL_STATES.filter((state): state is V1State => state !== 'supplementRequested');

/** docs/architecture.md's machine table for version 1, written by hand once: the oracle the machine is checked against. */
const TABLE = MACHINE_TABLE_V1;
const tableGives = (state: V1State, type: ProposalEventType, role: PersonRole) => TABLE[state][type]?.by.includes(role) ?? false;
const UNIT_SCOPED: readonly PersonRole[] = ['drafter', 'unit_head'];
const ALL_ROLES = PERSON_ROLES;

function eventFor(type: ProposalEventType, actor: Actor): ProposalEvent {
  const payloads: Partial<Record<ProposalEventType, object>> = {
    UPDATE: { changes: { nominee: { type: 'individual', name: 'Nguyễn Văn B' } } },
    RETURN: { reason: 'Thiếu báo cáo thành tích' },
    REJECT: { reason: 'Không đủ tiêu chuẩn' },
    RECOMMEND: { vote: { members: 9, for: 7, against: 2 } },
    APPROVE: { decision: { number: '123/QĐ-UBND', date: '2026-03-10', signedBy: 'Chủ tịch' } },
  };
  return { type, actor, at, ...payloads[type] } as ProposalEvent;
}

/** The event as sent by whoever the table says may send it in that state. */
function rightfulEvents(state: V1State): ProposalEvent[] {
  const timers = TABLE_TIMER_EVENT_TYPES.map((type) => eventFor(type, SYSTEM_ACTOR));
  const people = Object.entries(TABLE[state]).map(([type, cell]) => eventFor(type as ProposalEventType, person(cell!.by[0]!)));
  return [...people, ...timers];
}

describe('proposal machine v1', () => {
  const eventsOf = (path: { steps: { event: ProposalEvent | { type: string } }[] }) =>
    path.steps.map((s) => s.event as ProposalEvent).filter((event) => event.type !== ('xstate.init' as string));

  const shortestPaths = getShortestPaths(proposalMachineV1, {
    input,
    events: (snapshot) => rightfulEvents(snapshot.value as V1State),
    serializeState: (snapshot) => `${String(snapshot.value)}|${snapshot.context.escalation}`,
  });

  it.each(['awarded', 'awardedByUnit', 'rejected', 'withdrawn'] as const)(
    'reaches the final state %s by a shortest path that replays step by step',
    (finalState) => {
      const paths = shortestPaths.filter((path) => path.state.value === finalState);
      expect(paths.length).toBeGreaterThan(0);
      const shortest = paths.reduce((a, b) => (a.steps.length <= b.steps.length ? a : b));
      expect(eventsOf(shortest).length).toBeGreaterThan(0);

      let snapshot = restore(1, startProposal(1, input));
      for (const event of eventsOf(shortest)) snapshot = step(1, snapshot, event).next;

      expect(snapshot.value).toBe(finalState);
      expect(snapshot.status).toBe('done');
      expect(allowedEventTypes(snapshot, person('admin'))).toEqual([]);
    },
  );

  it('walks the whole provincial pipeline in five steps', () => {
    const awarded = shortestPaths.find((path) => path.state.value === 'awarded' && path.state.context.escalation === 'none')!;
    expect(eventsOf(awarded).map((event) => event.type)).toEqual(['SUBMIT', 'FORWARD', 'RECOMMEND', 'AGREE', 'APPROVE']);
    expect(awarded.state.context.decision).toEqual({ number: '123/QĐ-UBND', date: '2026-03-10', signedBy: 'Chủ tịch' });
    expect(awarded.state.context.vote).toEqual({ members: 9, for: 7, against: 2 });
  });

  it('reaches every stage of the table', () => {
    const reached = new Set(shortestPaths.map((path) => path.state.value));
    expect([...reached].sort()).toEqual([...V1_STATES].sort());
  });

  describe.each(V1_STATES)('in %s', (state) => {
    const snapshot = restore(1, { value: state, context: { ...startProposal(1, input).context } });

    it('accepts exactly the events of the table (plus timers while open)', () => {
      const open = Object.keys(TABLE[state]).length > 0;
      const expected = [...Object.keys(TABLE[state]), ...(open ? TABLE_TIMER_EVENT_TYPES : [])];
      expect(acceptedEventTypes(snapshot).sort()).toEqual(expected.sort());
    });

    it.each(ALL_ROLES)('lets %s send only what the table gives that role', (role) => {
      const expected = PERSON_EVENT_TYPES.filter((type) => tableGives(state, type, role));
      expect(allowedEventTypes(snapshot, person(role))).toEqual(expected);
    });

    it('refuses every event the table does not give, leaving the snapshot untouched', () => {
      for (const role of ALL_ROLES) {
        for (const type of PERSON_EVENT_TYPES) {
          if (tableGives(state, type, role)) continue;
          const { next } = step(1, snapshot, eventFor(type, person(role)));
          expect(toStored(next)).toEqual(toStored(snapshot));
        }
      }
    });

    it('refuses unit roles from another unit', () => {
      for (const role of UNIT_SCOPED) {
        expect(allowedEventTypes(snapshot, person(role, 'unit-b'))).toEqual([]);
      }
    });

    it('moves every event the table gives to the state the table names, whoever of its roles sends it', () => {
      for (const [type, cell] of Object.entries(TABLE[state])) {
        for (const role of cell!.by) {
          expect([type, role, step(1, snapshot, eventFor(type as ProposalEventType, person(role))).next.value]).toEqual([type, role, cell!.to]);
        }
      }
    });
  });

  describe('timer events', () => {
    const submitted = step(1, restore(1, startProposal(1, input)), eventFor('SUBMIT', person('drafter'))).next;

    it('raise the escalation level without moving the stage', () => {
      const missed = step(1, submitted, eventFor('DEADLINE_MISSED', SYSTEM_ACTOR)).next;
      expect(missed.value).toBe('unitDecision');
      expect(missed.context.escalation).toBe('missed');
    });

    it('never lower it: a late reminder after a missed deadline changes nothing', () => {
      const missed = step(1, submitted, eventFor('DEADLINE_MISSED', SYSTEM_ACTOR)).next;
      const reminded = step(1, missed, eventFor('DEADLINE_REMINDER', SYSTEM_ACTOR)).next;
      expect(reminded.context.escalation).toBe('missed');
    });

    it('are refused from a person, even an admin', () => {
      const { next } = step(1, submitted, eventFor('ESCALATE', person('admin')));
      expect(next.context.escalation).toBe('none');
    });
  });

  it('records the reason of a return and the time of submission from the event, not a clock', () => {
    const submitted = step(1, restore(1, startProposal(1, input)), eventFor('SUBMIT', person('drafter'))).next;
    const returned = step(1, submitted, eventFor('RETURN', person('unit_head'))).next;
    expect(submitted.context.submittedAt).toBe(at);
    expect(returned.value).toBe('drafting');
    expect(returned.context.lastReason).toBe('Thiếu báo cáo thành tích');
  });

  it('keeps the proposal id when an update tries to change it', () => {
    const event = { ...eventFor('UPDATE', person('drafter')), changes: { proposalId: 'other', awardForm: 'unit_certificate' } };
    const { next } = step(1, restore(1, startProposal(1, input)), event as ProposalEvent);
    expect(next.context.proposalId).toBe('p-1');
    expect(next.context.awardForm).toBe('unit_certificate');
  });

  it('has no delayed transitions: timers belong to the worker', () => {
    expect(JSON.stringify(proposalMachineV1.definition)).not.toContain('xstate.after');
  });

  it('derives each role\'s inbox from the machine', () => {
    expect(stagesAwaiting(1, ['drafter'], UNIT)).toEqual(['drafting']);
    expect(stagesAwaiting(1, ['unit_head'], UNIT)).toEqual(['drafting', 'unitDecision']);
    expect(stagesAwaiting(1, ['council'], null)).toEqual(['councilScreening']);
    expect(stagesAwaiting(1, ['vice_chairman'], null)).toEqual(['chairmanDecision']);
    expect(stagesAwaiting(1, ['auditor'], null)).toEqual([]);
  });
});

describe('deadlines met by an event', () => {
  const dueAt = '2026-05-04T17:00:00.000Z';
  const unitAward = { ...input, awardForm: 'unit_certificate' as const };
  const submit = (at: string, rule: 'DX-4' | 'TH-5' = 'DX-4') =>
    ({ type: 'SUBMIT', actor: person('drafter'), at, deadline: { rule, dueAt } }) as ProposalEvent;
  const forward = (at: string) => ({ type: 'FORWARD', actor: person('unit_head'), at, deadline: { rule: 'TH-5', dueAt } }) as ProposalEvent;

  it('marks a unit award submitted at 24:00 of the last day late under DX-4', () => {
    const { next } = step(1, restore(1, startProposal(1, unitAward)), submit(dueAt));
    expect(next.context).toMatchObject({ late: true, lateRule: 'DX-4' });
  });

  it('does not mark a unit award submitted a millisecond before the end of the last day', () => {
    const { next } = step(1, restore(1, startProposal(1, unitAward)), submit('2026-05-04T16:59:59.999Z'));
    expect(next.context).toMatchObject({ late: false, lateRule: null });
  });

  it('leaves a provincial proposal on time at SUBMIT: its deadline is met at FORWARD', () => {
    const submitted = step(1, restore(1, startProposal(1, input)), submit('2026-05-10T00:00:00.000Z')).next;
    expect(submitted.context.late).toBe(false);
    const forwarded = step(1, submitted, forward('2026-05-10T01:00:00.000Z')).next;
    expect(forwarded.context).toMatchObject({ late: true, lateRule: 'TH-5' });
  });
});
