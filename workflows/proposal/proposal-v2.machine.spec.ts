import { getShortestPaths } from 'xstate/graph';
import type { Actor, PersonRole } from '#kernel';
import { PERSON_ROLES, SYSTEM_ACTOR } from '#kernel';
import { CURRENT_MACHINE_VERSION, MACHINE_VERSIONS, machineFor } from './machine-registry.js';
import { proposalMachineV1 } from './proposal-v1.machine.js';
import { proposalMachineV2 } from './proposal-v2.machine.js';
import {
  acceptedEventTypes,
  allowedEventTypes,
  restore,
  stagesAwaiting,
  startProposal,
  step,
  toStored,
  type ProposalSnapshot,
} from './proposal-transitions.js';
import {
  PERSON_EVENT_TYPES,
  PROPOSAL_STATES,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalInput,
  type ProposalState,
  type StoredSnapshot,
} from './proposal.types.js';
import { MACHINE_TABLE_V2, TABLE_TIMER_EVENT_TYPES, type MachineTable } from './test-support/machine-table.js';

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

/**
 * Who may send what under version 2: docs/architecture.md's table plus home affairs asking for missing documents and
 * the unit answering, written by hand once (test-support/machine-table.ts) so that it checks the machine rather than
 * repeats it.
 */
const TABLE = MACHINE_TABLE_V2;
const tableGives = (state: ProposalState, type: ProposalEventType, role: PersonRole) => TABLE[state][type]?.by.includes(role) ?? false;
const UNIT_SCOPED: readonly PersonRole[] = ['drafter', 'unit_head'];
const TIMER_TYPES = TABLE_TIMER_EVENT_TYPES;

function eventFor(type: ProposalEventType, actor: Actor): ProposalEvent {
  const payloads: Partial<Record<ProposalEventType, object>> = {
    UPDATE: { changes: { nominee: { type: 'individual', name: 'Nguyễn Văn B' } } },
    RETURN: { reason: 'Thiếu báo cáo thành tích' },
    REJECT: { reason: 'Không đủ tiêu chuẩn' },
    RECOMMEND: { vote: { members: 9, for: 7, against: 2 } },
    APPROVE: { decision: { number: '123/QĐ-UBND', date: '2026-03-10', signedBy: 'Chủ tịch' } },
    REQUEST_SUPPLEMENT: { reason: 'Thiếu xác nhận của chính quyền địa phương' },
    SUPPLEMENT: { note: 'Đã bổ sung xác nhận của UBND xã' },
  };
  return { type, actor, at, ...payloads[type] } as ProposalEvent;
}

function rightfulEvents(table: MachineTable, state: ProposalState): ProposalEvent[] {
  const timers = TIMER_TYPES.map((type) => eventFor(type, SYSTEM_ACTOR));
  const people = Object.entries(table[state]).map(([type, cell]) => eventFor(type as ProposalEventType, person(cell!.by[0]!)));
  return [...people, ...timers];
}

const eventsOf = (path: { steps: { event: ProposalEvent | { type: string } }[] }) =>
  path.steps.map((s) => s.event as ProposalEvent).filter((event) => event.type !== ('xstate.init' as string));

const replay = (version: number, events: ProposalEvent[]): ProposalSnapshot =>
  events.reduce((snapshot, event) => step(version, snapshot, event).next, restore(version, startProposal(version, input)));

const inStage = (state: ProposalState, context: Partial<StoredSnapshot['context']> = {}): ProposalSnapshot =>
  restore(2, { value: state, context: { ...startProposal(2, input).context, ...context } });

describe('the machine registry', () => {
  it('starts new proposals on version 2 and still knows version 1', () => {
    expect(CURRENT_MACHINE_VERSION).toBe(2);
    expect(MACHINE_VERSIONS).toEqual([1, 2]);
    expect(machineFor(1)).toBe(proposalMachineV1);
    expect(machineFor(2)).toBe(proposalMachineV2);
    expect(() => machineFor(3)).toThrow(/version 3/);
  });
});

describe('proposal machine v2', () => {
  const shortestPaths = getShortestPaths(proposalMachineV2, {
    input,
    events: (snapshot) => rightfulEvents(TABLE, snapshot.value as ProposalState),
    serializeState: (snapshot) => `${String(snapshot.value)}|${snapshot.context.escalation}`,
  });

  it('reaches every stage, the new one included', () => {
    const reached = new Set(shortestPaths.map((path) => path.state.value));
    expect([...reached].sort()).toEqual([...PROPOSAL_STATES].sort());
  });

  it('starts with no supplement asked for', () => {
    expect(startProposal(2, input).context.supplementRequests).toBe(0);
  });

  it('has no delayed transitions: timers belong to the worker', () => {
    expect(JSON.stringify(proposalMachineV2.definition)).not.toContain('xstate.after');
  });

  describe.each(PROPOSAL_STATES)('in %s', (state) => {
    const snapshot = inStage(state);

    it('accepts exactly the events of the table (plus timers while open)', () => {
      const open = Object.keys(TABLE[state]).length > 0;
      const expected = [...Object.keys(TABLE[state]), ...(open ? TIMER_TYPES : [])];
      expect(acceptedEventTypes(snapshot).sort()).toEqual(expected.sort());
    });

    it.each(PERSON_ROLES)('lets %s send only what the table gives that role', (role) => {
      const expected = PERSON_EVENT_TYPES.filter((type) => tableGives(state, type, role));
      expect(allowedEventTypes(snapshot, person(role))).toEqual(expected);
    });

    it('refuses every event the table does not give, leaving the snapshot untouched', () => {
      for (const role of PERSON_ROLES) {
        for (const type of PERSON_EVENT_TYPES) {
          if (tableGives(state, type, role)) continue;
          const { next } = step(2, snapshot, eventFor(type, person(role)));
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
          expect([type, role, step(2, snapshot, eventFor(type as ProposalEventType, person(role))).next.value]).toEqual([type, role, cell!.to]);
        }
      }
    });
  });

  describe('asking the unit for missing documents', () => {
    const atHomeAffairs = replay(2, [
      eventFor('SUBMIT', person('drafter')),
      eventFor('FORWARD', person('unit_head')),
      eventFor('RECOMMEND', person('council')),
    ]);
    const requested = step(2, atHomeAffairs, eventFor('REQUEST_SUPPLEMENT', person('home_affairs'))).next;

    it('keeps the dossier at the province, with the reason and the count', () => {
      expect(atHomeAffairs.value).toBe('homeAffairsAgreement');
      expect(requested.value).toBe('supplementRequested');
      expect(requested.context).toMatchObject({
        lastReason: 'Thiếu xác nhận của chính quyền địa phương',
        supplementRequests: 1,
        vote: { members: 9, for: 7, against: 2 },
      });
    });

    it('goes back to home affairs when the unit supplies them, and counts every round', () => {
      const supplied = step(2, requested, eventFor('SUPPLEMENT', person('drafter'))).next;
      expect(supplied.value).toBe('homeAffairsAgreement');
      expect(supplied.context.supplementRequests).toBe(1);

      const again = step(2, supplied, { ...eventFor('REQUEST_SUPPLEMENT', person('home_affairs')), reason: 'Thiếu ảnh' } as ProposalEvent).next;
      expect(again.context).toMatchObject({ supplementRequests: 2, lastReason: 'Thiếu ảnh' });

      const agreed = step(2, step(2, again, eventFor('SUPPLEMENT', person('unit_head'))).next, eventFor('AGREE', person('home_affairs'))).next;
      expect(agreed.value).toBe('chairmanDecision');
    });

    it('lets home affairs reject while waiting, with the reason', () => {
      const rejected = step(2, requested, eventFor('REJECT', person('home_affairs'))).next;
      expect(rejected.value).toBe('rejected');
      expect(rejected.status).toBe('done');
      expect(rejected.context.lastReason).toBe('Không đủ tiêu chuẩn');
    });

    it('lets the unit head withdraw the dossier, but not a drafter', () => {
      expect(step(2, requested, eventFor('WITHDRAW', person('unit_head'))).next.value).toBe('withdrawn');
      expect(step(2, requested, eventFor('WITHDRAW', person('drafter'))).next.value).toBe('supplementRequested');
    });

    it('refuses the supplement from another unit or from the province', () => {
      expect(step(2, requested, eventFor('SUPPLEMENT', person('drafter', 'unit-b'))).next.value).toBe('supplementRequested');
      expect(step(2, requested, eventFor('SUPPLEMENT', person('home_affairs'))).next.value).toBe('supplementRequested');
    });

    it('tells each caller what it may send meanwhile', () => {
      expect(allowedEventTypes(requested, person('drafter'))).toEqual(['SUPPLEMENT']);
      expect(allowedEventTypes(requested, person('unit_head'))).toEqual(['WITHDRAW', 'SUPPLEMENT']);
      expect(allowedEventTypes(requested, person('home_affairs'))).toEqual(['REJECT']);
      expect(allowedEventTypes(requested, person('council'))).toEqual([]);
    });

    it('takes timer events from the system only, raising the escalation without moving the stage', () => {
      const missed = step(2, requested, eventFor('DEADLINE_MISSED', SYSTEM_ACTOR)).next;
      expect(missed.value).toBe('supplementRequested');
      expect(missed.context.escalation).toBe('missed');
      expect(step(2, requested, eventFor('ESCALATE', person('admin'))).next.context.escalation).toBe('none');
    });
  });

  it('refuses REQUEST_SUPPLEMENT before the dossier reaches home affairs', () => {
    const screening = inStage('councilScreening');
    expect(step(2, screening, eventFor('REQUEST_SUPPLEMENT', person('home_affairs'))).next.value).toBe('councilScreening');
  });

  describe('the paths version 1 knows', () => {
    const v1Paths = getShortestPaths(proposalMachineV1, {
      input,
      events: (snapshot) => rightfulEvents(TABLE, snapshot.value as ProposalState),
      serializeState: (snapshot) => `${String(snapshot.value)}|${snapshot.context.escalation}`,
    });
    const withoutCount = ({ value, context: { supplementRequests: _count, ...context } }: StoredSnapshot) => ({ value, context });

    it('end where they ended under version 1, with the same context', () => {
      expect(v1Paths.length).toBeGreaterThan(20);
      for (const path of v1Paths) {
        const events = eventsOf(path);
        const underV2 = toStored(replay(2, events));
        expect(withoutCount(underV2)).toEqual(toStored(replay(1, events)));
        expect(underV2.context.supplementRequests).toBe(0);
      }
    });

    it('walk the whole provincial pipeline in five steps', () => {
      const awarded = replay(2, [
        eventFor('SUBMIT', person('drafter')),
        eventFor('FORWARD', person('unit_head')),
        eventFor('RECOMMEND', person('council')),
        eventFor('AGREE', person('home_affairs')),
        eventFor('APPROVE', person('chairman')),
      ]);
      expect(awarded.value).toBe('awarded');
      expect(awarded.status).toBe('done');
      expect(awarded.context.supplementRequests).toBe(0);
    });
  });
});

describe('the inbox across versions', () => {
  it('gives the new stage to the unit that must supply the documents', () => {
    expect(stagesAwaiting(2, ['drafter'], UNIT)).toEqual(['drafting', 'supplementRequested']);
    expect(stagesAwaiting(2, ['unit_head'], UNIT)).toEqual(['drafting', 'unitDecision', 'supplementRequested']);
  });

  it('does not put it in home affairs\' inbox: they may only reject meanwhile, the next move is the unit\'s', () => {
    expect(stagesAwaiting(2, ['home_affairs'], null)).toEqual(['homeAffairsAgreement']);
  });

  it('keeps the provincial inboxes of version 1', () => {
    expect(stagesAwaiting(2, ['council'], null)).toEqual(['councilScreening']);
    expect(stagesAwaiting(2, ['vice_chairman'], null)).toEqual(['chairmanDecision']);
    expect(stagesAwaiting(2, ['auditor', 'admin'], null)).toEqual([]);
  });

  it('answers for the versions up to the one asked for, and refuses an unknown one', () => {
    expect(stagesAwaiting(CURRENT_MACHINE_VERSION, ['drafter'], UNIT)).toContain('supplementRequested');
    expect(stagesAwaiting(1, ['drafter'], UNIT)).toEqual(['drafting']);
    expect(() => stagesAwaiting(9, ['drafter'], UNIT)).toThrow(/version 9/);
  });
});
