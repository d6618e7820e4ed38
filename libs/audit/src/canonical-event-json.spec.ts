import { SYSTEM_ACTOR, type Actor, type Role } from '#kernel';
import {
  MACHINE_VERSIONS,
  MIGRATED_EVENT,
  machineGraph,
  restore,
  startProposal,
  step,
  type ProposalEvent,
  type ProposalInput,
} from '#workflows/proposal';
import { CANONICAL_PAYLOAD_TYPES, canonicalEventJson } from './canonical-event-json.js';
import { canonicalJson } from './canonical-json.js';
import { DOCUMENT_ATTACHED, DOCUMENT_REMOVED } from './dossier-events.js';
import { eventHash, fastEventHash, GENESIS_HASH, referenceEventJson, seals, type ChainedEventBody } from './event-hash.js';
import { person, sealProposalLog, V1_AWARD_WALK, type LogStep } from './test-support/sealed-proposal-log.js';

/** What eventHash encodes: the reference the fast encoder must equal byte for byte. */
const reference = referenceEventJson;

/** The same value with every object's keys in reverse order, as a writer that builds its objects otherwise would store it. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversed(item)]));
}

/** The body as the verifier gets it from a row: actor and payload through JSON text. */
const asRead = (body: ChainedEventBody): ChainedEventBody => ({
  ...body,
  actor: JSON.parse(JSON.stringify(body.actor) ?? 'null'),
  payload: JSON.parse(JSON.stringify(body.payload) ?? 'null'),
});

/** Every body counted, so that the coverage claimed in the report is the coverage checked. */
let compared = 0;
function expectSameBytes(body: ChainedEventBody): void {
  for (const variant of [body, asRead(body), { ...body, actor: reversed(body.actor), payload: reversed(body.payload) }]) {
    expect(canonicalEventJson(variant)).toBe(reference(variant));
    compared++;
  }
}

/* What the use cases write ----------------------------------------------------------------------------------- */

const DUE_AT = '2026-05-04T17:00:00.000Z';
const decision = { number: '1234/QĐ-UBND', date: '2026-03-09', signedBy: 'Chủ tịch UBND tỉnh' };
const FULL_NOMINEE = {
  type: 'collective',
  name: 'Tập thể Đội Cảnh sát PCCC & CNCH "Quận 1"',
  steeringCommittee: true,
  steeringCommitteeMember: false,
  ownParticipants: 12,
  totalParticipants: 40,
  underDiscipline: false,
  personId: '6f1c2d7e-0000-4000-8000-000000000001',
  birthYear: 1980,
  gender: 'female',
  title: 'Đội trưởng',
  workplace: 'Công an tỉnh Lạng Sơn',
};
const FULL_ACHIEVEMENT = {
  summary: 'Cứu 2 người đuối nước trên sông Hồng\n(biên bản kèm theo)',
  date: '2026-02-27',
  recognizedAt: '2026-03-01',
  basis: 'rescue',
  serviceWork: false,
  outstanding: true,
};
/** The rulebook's notes: at a checkpoint without quotas (usage left undefined, as the use case leaves it), and with them. */
const RULES: unknown[] = [
  { checkpoint: 'update', warnings: [], usage: undefined },
  { checkpoint: 'submit', warnings: ['TH-3'] },
  {
    checkpoint: 'forward',
    warnings: ['TH-3', 'DX-4'],
    usage: { byAwardForm: { chairman_certificate: 3, unit_certificate: 0 }, byUnitAndAwardForm: { chairman_certificate: 1 }, steeringMembers: 0 },
  },
];
const REASONS = ['Không đủ điều kiện', 'Bổ sung "biên bản"\nlần 2\t(đính kèm) \\ bản gốc', 'Thiếu xác nhận\u2028của UBND phường 😀'];

/** Each event type's payload fields: without its optional fields, and with each of them. */
const FIELDS: Record<string, Record<string, unknown>[]> = {
  UPDATE: [
    { changes: {} },
    { changes: { awardForm: 'unit_certificate' } },
    { changes: { nominee: { type: 'individual', name: 'Nguyễn Văn B' } } },
    { changes: { nominee: FULL_NOMINEE, achievement: FULL_ACHIEVEMENT, awardForm: 'chairman_certificate' } },
  ],
  SUBMIT: [{}, { deadline: { rule: 'DX-4', dueAt: DUE_AT } }],
  FORWARD: [{}, { deadline: { rule: 'TH-5', dueAt: DUE_AT } }],
  WITHDRAW: [{}, ...REASONS.map((reason) => ({ reason }))],
  AWARD_AT_UNIT: [{}, { decision }],
  RETURN: REASONS.map((reason) => ({ reason })),
  REJECT: REASONS.map((reason) => ({ reason })),
  RECOMMEND: [{ vote: { members: 9, for: 7, against: 2 } }, { vote: { members: 0, for: 0, against: 0 } }],
  AGREE: [{}],
  APPROVE: [{ decision }, { decision: { number: '5/QĐ', date: '2026-12-31', signedBy: 'Phó Chủ tịch "thường trực"' } }],
  REQUEST_SUPPLEMENT: REASONS.map((reason) => ({ reason })),
  SUPPLEMENT: [{}, { note: 'Đã bổ sung xác nhận của UBND phường' }],
  DEADLINE_REMINDER: [{}],
  DEADLINE_MISSED: [{}],
  ESCALATE: [{}],
};

const UNIT = 'unit-a';
const inputs: ProposalInput[] = [
  {
    proposalId: 'p-1',
    kind: 'extraordinary',
    unitId: UNIT,
    campaignId: null,
    awardForm: 'chairman_certificate',
    nominee: { type: 'individual', name: 'Nguyễn Văn A' },
    achievement: { summary: 'Cứu người đuối nước', date: '2026-02-20' },
  },
  {
    proposalId: '5b0e7c1e-2f0a-4c7d-9a51-3d2e8f6b1a90',
    kind: 'thematic',
    unitId: UNIT,
    campaignId: 'c-2026',
    awardForm: 'unit_certificate',
    nominee: FULL_NOMINEE as ProposalInput['nominee'],
    achievement: FULL_ACHIEVEMENT as ProposalInput['achievement'],
  },
];

/** The actors of every role, with a name and without one, in the unit or at the province. */
function actorsFor(roles: Role[]): Actor[] {
  return roles.flatMap((role): Actor[] =>
    role === 'system'
      ? [SYSTEM_ACTOR]
      : [
          { id: `${role}-1`, name: `Người ${role} "Trần Thị Ánh"`, roles: [role], unitId: UNIT },
          { id: `${role}-2`, roles: [role, 'drafter'], unitId: UNIT },
          { id: `${role}-3`, name: 'Lê Văn C', roles: [role], unitId: null },
        ],
  );
}

describe('the canonical encoding of an event, without sorting', () => {
  afterAll(() => {
    // The coverage is printed rather than asserted: an assertion on it would only restate the loops above.
    process.stdout.write(`canonical-event-json.spec: ${compared} bodies compared byte for byte with canonicalJson\n`);
  });

  it('knows a payload shape for every event type every registered machine version accepts, and for the log lines', () => {
    const machineTypes = MACHINE_VERSIONS.flatMap((version) => machineGraph(version).transitions.map((t) => t.event));
    for (const type of new Set([...machineTypes, 'CREATED', MIGRATED_EVENT, DOCUMENT_ATTACHED, DOCUMENT_REMOVED])) {
      expect(CANONICAL_PAYLOAD_TYPES).toContain(type);
    }
  });

  describe.each(MACHINE_VERSIONS)('machine v%i', (version) => {
    it('encodes CREATED as the reference does, for every kind of input', () => {
      for (const input of inputs) {
        for (const actor of actorsFor(['drafter', 'unit_head'])) {
          const state = startProposal(version, input).value;
          expectSameBytes({ proposalId: input.proposalId, seq: 1, type: 'CREATED', actor, at: '2026-03-02T03:00:00.000Z', payload: { ...input }, machineVersion: version, state });
        }
      }
    });

    it('encodes every event of every stage, with and without its optional fields and the rulebook notes, as the reference does', () => {
      let stepped = 0;
      for (const { from, event: type, roles } of machineGraph(version).transitions) {
        for (const input of inputs) {
          const snapshot = restore(version, { ...startProposal(version, input), value: from });
          for (const actor of actorsFor(roles)) {
            for (const fields of FIELDS[type]) {
              for (const rules of [undefined, ...RULES]) {
                const event = { ...fields, type, actor: { ...actor, unitId: actor.unitId && input.unitId }, at: '2026-03-03T08:15:00.000Z' } as ProposalEvent;
                const { next } = step(version, snapshot, event);
                if (next !== snapshot) stepped++;
                const { actor: who, at, type: _type, ...sealed } = event;
                const payload = rules === undefined ? sealed : { ...sealed, rules };
                expectSameBytes({ proposalId: input.proposalId, seq: 5, type, actor: who, at, payload, machineVersion: version, state: String(next.value) });
              }
            }
          }
        }
      }
      // The walk really moved the machine, not only encoded what it refused.
      expect(stepped).toBeGreaterThan(100);
    });
  });

  it('encodes migrations and the dossier lines as the reference does', () => {
    const actor = person('drafter');
    const base = { proposalId: 'p-1', seq: 4, at: '2026-03-03T08:15:00.000Z', state: 'drafting', machineVersion: 2 };
    expectSameBytes({ ...base, type: MIGRATED_EVENT, actor: SYSTEM_ACTOR, payload: { fromVersion: 1, toVersion: 2 } });
    const document = { documentId: 'd-1', kind: 'to_trinh', fileName: 'Tờ trình số 12 "khẩn".pdf', mediaType: 'application/pdf', size: 123_456, sha256: 'ab'.repeat(32) };
    expectSameBytes({ ...base, type: DOCUMENT_ATTACHED, actor, payload: document });
    const { mediaType: _mediaType, size: _size, ...removed } = document;
    expectSameBytes({ ...base, type: DOCUMENT_REMOVED, actor, payload: removed });
  });

  it('seals the walks the specs and the bench build exactly as eventHash does', () => {
    const walks: LogStep[][] = [
      [...V1_AWARD_WALK],
      [
        { type: 'SUBMIT', actor: person('drafter'), fields: { deadline: { rule: 'DX-4', dueAt: DUE_AT } }, rules: RULES[1] },
        { type: 'DEADLINE_MISSED', actor: SYSTEM_ACTOR },
        { type: 'FORWARD', actor: person('unit_head'), rules: RULES[2] },
        { type: MIGRATED_EVENT, toVersion: 2 },
        { type: 'RECOMMEND', actor: person('council', null), fields: { vote: { members: 9, for: 6, against: 3 } } },
        { type: 'REQUEST_SUPPLEMENT', actor: person('home_affairs', null), fields: { reason: REASONS[1] } },
        { type: 'SUPPLEMENT', actor: person('drafter'), fields: { note: 'Đã bổ sung' } },
        { type: 'REJECT', actor: person('home_affairs', null), fields: { reason: REASONS[2] } },
      ],
    ];
    for (const [index, walk] of walks.entries()) {
      for (const event of sealProposalLog(`walk-${index}`, walk).events) {
        expectSameBytes(event);
        expect(fastEventHash(event.prevHash, event)).toBe(event.hash);
        expect(seals(event.hash, event.prevHash, event)).toBe(true);
      }
    }
  });

  it('falls back to the reference, with the same bytes, for whatever it was not built for', () => {
    const actor = person('drafter');
    const base: ChainedEventBody = { proposalId: 'p-1', seq: 3, type: 'RETURN', actor, at: '2026-03-03T08:15:00.000Z', payload: { reason: 'x' }, machineVersion: 1, state: 'drafting' };
    const odd: Partial<ChainedEventBody>[] = [
      { type: 'SOMETHING_NEW', payload: { reason: 'x', z: [1, { b: 2, a: 1 }] } },
      { payload: { reason: 'x', extra: { b: 1, a: 2 } } },
      { payload: { reason: 'x', rules: { checkpoint: 'forward', warnings: ['TH-3'], usage: { byAwardForm: { other_form: 1, chairman_certificate: 2 } } } } },
      { actor: { ...actor, email: 'a@b.vn' } },
      { actor: { id: 'x', roles: 'drafter', unitId: 7 } },
      { actor: { id: 'x', roles: ['drafter', undefined, null, 3] } },
      { actor: null },
      { actor: 'system' },
      { actor: [actor] },
      { actor: undefined },
      { payload: undefined },
      { payload: null },
      { payload: [] },
      { payload: 'reason' },
      { payload: { reason: undefined } },
      { payload: { reason: 12 } },
      { payload: { reason: ['a', 'b'] } },
      { payload: { reason: { b: 1, a: 2 } } },
      { type: 'RECOMMEND', payload: { vote: { members: NaN, for: Infinity, against: -0 } } },
      { type: 'RECOMMEND', payload: { vote: { members: 1e21, for: 1.5e-7, against: '2' } } },
      { type: 'RECOMMEND', payload: { vote: [9, 7, 2] } },
      { type: 'APPROVE', payload: { decision: new Date(0) } },
      { type: 'APPROVE', payload: { decision: Object.assign(Object.create(null), { signedBy: 'A', number: '1' }) } },
      { type: 'APPROVE', payload: { decision: Object.defineProperty({ number: '1' }, 'date', { value: '2026-01-01', enumerable: false }) } },
      { type: 'APPROVE', payload: { decision: { get number() { return 'computed'; }, date: 'd', signedBy: 's' } } },
      { type: 'APPROVE', payload: new (class Payload { decision = decision; })() },
      { payload: JSON.parse('{"__proto__":{"reason":"x"},"reason":"y"}') },
      { payload: { reason: 'x', 10: 'a', 9: 'b', 1: 'c', constructor: 'd' } },
      { type: undefined as never },
      { type: 7 as never },
      { seq: '3' as never, machineVersion: null as never, at: 12345 as never, state: undefined as never },
      { proposalId: 'p"\\\u0000\u001f\ud800\udfff😀', at: '\u2028\u2029', state: 'Nguyễn Văn A (NFD: Nguye\u0302\u0303n)' },
    ];
    for (const changes of odd) {
      const body = { ...base, ...changes };
      expect(canonicalEventJson(body)).toBe(reference(body));
      compared++;
    }
    expect(() => canonicalEventJson({ ...base, payload: { reason: 1n } })).toThrow(TypeError);
  });

  it('encodes thousands of generated events exactly as the reference does', () => {
    const random = generator(20260307);
    for (let index = 0; index < 20_000; index++) {
      const body = randomBody(random);
      expect(canonicalEventJson(body)).toBe(reference(body));
      compared++;
    }
  });

  it('never finds broken what the reference finds sealed, nor sealed what it finds broken', () => {
    const random = generator(7);
    for (let index = 0; index < 2_000; index++) {
      const body = randomBody(random);
      const sealedHash = eventHash(GENESIS_HASH, body);
      expect(seals(sealedHash, GENESIS_HASH, body)).toBe(true);
      expect(seals(sealedHash, GENESIS_HASH, { ...body, seq: Number(body.seq) + 1 })).toBe(false);
    }
  });
});

/* Generated events: every known key, extra ones, and values of every kind, in any order ---------------------- */

type Random = () => number;

/** A small deterministic generator (no Math.random: a failure must reproduce). */
function generator(seed: number): Random {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const LEAVES: unknown[] = [
  'Nguyễn Văn A', '', 'a"b', 'tab\there', '\\', '\u0000', '\u2028', '\ud800', '😀', 'DX-4', '2026-03-02T03:00:00.000Z',
  0, -0, 1, 9, 1.5, -3e21, 1e-7, NaN, Infinity, true, false, null, undefined,
];
/** The keys each known object has (proposal.types.ts, the use cases), so that generated values mostly take the fast path. */
const CHILD_KEYS: Record<string, string[]> = {
  actor: ['id', 'name', 'roles', 'unitId'],
  nominee: [
    'type',
    'name',
    'steeringCommittee',
    'steeringCommitteeMember',
    'ownParticipants',
    'totalParticipants',
    'underDiscipline',
    'personId',
    'birthYear',
    'gender',
    'title',
    'workplace',
  ],
  achievement: ['summary', 'date', 'recognizedAt', 'basis', 'serviceWork', 'outstanding'],
  changes: ['awardForm', 'nominee', 'achievement'],
  deadline: ['rule', 'dueAt'],
  rules: ['checkpoint', 'warnings', 'usage'],
  usage: ['byAwardForm', 'byUnitAndAwardForm', 'steeringMembers'],
  byAwardForm: ['unit_certificate', 'chairman_certificate'],
  byUnitAndAwardForm: ['unit_certificate', 'chairman_certificate'],
  decision: ['number', 'date', 'signedBy'],
  vote: ['members', 'for', 'against'],
};
const PAYLOAD_KEYS: Record<string, string[]> = {
  CREATED: ['proposalId', 'kind', 'unitId', 'campaignId', 'awardForm', 'nominee', 'achievement'],
  UPDATE: ['changes', 'rules'],
  SUBMIT: ['deadline', 'rules'],
  FORWARD: ['deadline', 'rules'],
  AWARD_AT_UNIT: ['decision', 'rules'],
  RECOMMEND: ['vote', 'rules'],
  APPROVE: ['decision', 'rules'],
  SUPPLEMENT: ['note', 'rules'],
  MIGRATED: ['fromVersion', 'toVersion'],
  DOCUMENT_ATTACHED: ['documentId', 'kind', 'fileName', 'mediaType', 'size', 'sha256'],
  DOCUMENT_REMOVED: ['documentId', 'kind', 'fileName', 'sha256'],
};
const EXTRA_KEYS = ['extra', 'Z', 'ä', '1', '10', '', '__proto__', 'é', 'e\u0301', '😀', 'reason', 'rules'];

function randomValue(random: Random, depth: number, key?: string): unknown {
  if (key !== undefined && CHILD_KEYS[key] && random() < 0.7) return randomRecord(random, CHILD_KEYS[key], depth + 1);
  if ((key === 'roles' || key === 'warnings') && random() < 0.7) return Array.from({ length: Math.floor(random() * 3) }, () => pick(random, LEAVES));
  const roll = random();
  if (depth > 3 || roll < 0.6) return pick(random, LEAVES);
  if (roll < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  return randomRecord(random, pick(random, Object.values(CHILD_KEYS)), depth + 1);
}

/** Mostly known keys, sometimes an extra one, in random order; a key written twice keeps its last value, as in JSON. */
function randomRecord(random: Random, keys: readonly string[], depth: number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const size = Math.floor(random() * (keys.length + 2));
  for (let index = 0; index < size; index++) {
    const key = random() < 0.92 || keys.length === 0 ? pick(random, keys.length ? keys : EXTRA_KEYS) : pick(random, EXTRA_KEYS);
    const value = randomValue(random, depth, key);
    // An own "__proto__" member, as JSON.parse makes one, not a new prototype.
    Object.defineProperty(record, key, { value, enumerable: true, configurable: true, writable: true });
  }
  return record;
}

function randomBody(random: Random): ChainedEventBody {
  const type = pick(random, [...CANONICAL_PAYLOAD_TYPES, 'UNKNOWN_TYPE']);
  const body: ChainedEventBody = {
    proposalId: pick(random, ['p-1', '5b0e7c1e-2f0a-4c7d-9a51-3d2e8f6b1a90', 'p"2']),
    seq: pick(random, [1, 2, 10, 3.5, -0]),
    type,
    actor:
      random() < 0.8
        ? { id: 'u-1', name: pick(random, ['Người Một', undefined, 'x"y']), roles: [pick(random, ['drafter', 'council'])], unitId: pick(random, [UNIT, null]) }
        : randomValue(random, 1, 'actor'),
    at: '2026-03-02T03:00:00.000Z',
    payload: random() < 0.9 ? randomRecord(random, PAYLOAD_KEYS[type] ?? ['reason', 'rules', 'note'], 0) : randomValue(random, 0),
    machineVersion: pick(random, [1, 2]),
    state: pick(random, ['drafting', 'awarded', 'trạng thái']),
  };
  return random() < 0.5 ? (JSON.parse(JSON.stringify(body)) as ChainedEventBody) : body;
}
