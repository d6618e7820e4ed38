import { canonicalJson, eventHash, GENESIS_HASH, type AuditedEvent, type ChainedEventBody } from '#audit';
import { createWorkingCalendar } from '#calendar';
import { SYSTEM_ACTOR, type Actor, type PersonRole } from '#kernel';
import { judgeProposal, proposalDeadline, type ProposalDeadline, type RuleFinding } from '#proposals';
import type { Checkpoint } from '#rules';
import {
  CURRENT_MACHINE_VERSION,
  restore,
  startProposal,
  step,
  toStored,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalInput,
  type StoredSnapshot,
} from '#workflows/proposal';

/**
 * The audit benchmark's data: proposal logs as the command path writes them. One walk is made with the pure
 * machine functions and sealed the way CreateProposalUseCase and ApplyProposalEventUseCase seal (payload = the
 * event minus who and when, plus the rulebook's note at its checkpoints; the deadline stamped on SUBMIT and
 * FORWARD). Every other proposal is that walk with its own id, nominee name and instants substituted and the
 * chain re-sealed with eventHash; `walkProposal` makes the same proposal the long way, to check the shortcut.
 */

export const BENCH_UNIT_ID = '7a1f0c52-3b8e-4d1a-9c55-0b6e2f4d8a10';

type ActorKey = 'drafter' | 'unitHead' | 'council' | 'homeAffairs' | 'chairman' | 'system';

const person = (key: string, role: PersonRole, name: string, unitId: string | null): Actor => ({
  id: `bench-${key}`,
  name,
  roles: [role],
  unitId,
});

export const AUDIT_ACTORS: Record<ActorKey, Actor> = {
  drafter: person('drafter', 'drafter', 'Chuyên viên soạn thảo', BENCH_UNIT_ID),
  unitHead: person('unit-head', 'unit_head', 'Thủ trưởng đơn vị', BENCH_UNIT_ID),
  council: person('council', 'council', 'Hội đồng Thi đua - Khen thưởng', null),
  homeAffairs: person('home-affairs', 'home_affairs', 'Sở Nội vụ', null),
  chairman: person('chairman', 'chairman', 'Chủ tịch UBND tỉnh', null),
  system: SYSTEM_ACTOR,
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface WalkStep {
  type: ProposalEventType;
  by: ActorKey;
  /** After CREATED. */
  afterMs: number;
  fields?: Record<string, unknown>;
}

/**
 * After CREATED, nine events through machine v2 with the actors its guards ask for: the drafter corrects the
 * dossier, the DX-4 reminder fires, submission, the head forwards, the council recommends, home affairs asks
 * for a missing document and gets it, agrees, and the chairman signs.
 */
export const AUDIT_WALK: readonly WalkStep[] = [
  {
    type: 'UPDATE',
    by: 'drafter',
    afterMs: 20 * MINUTE,
    fields: {
      changes: {
        achievement: { summary: 'Cứu hai người đuối nước trên sông Hồng (bổ sung biên bản xác nhận)', date: '2026-02-27', basis: 'rescue' },
      },
    },
  },
  { type: 'DEADLINE_REMINDER', by: 'system', afterMs: 1 * DAY },
  { type: 'SUBMIT', by: 'drafter', afterMs: 1 * DAY + 2 * HOUR },
  { type: 'FORWARD', by: 'unitHead', afterMs: 1 * DAY + 5 * HOUR },
  { type: 'RECOMMEND', by: 'council', afterMs: 3 * DAY, fields: { vote: { members: 9, for: 8, against: 1 } } },
  {
    type: 'REQUEST_SUPPLEMENT',
    by: 'homeAffairs',
    afterMs: 4 * DAY,
    fields: { reason: 'Thiếu xác nhận của chính quyền địa phương nơi xảy ra sự việc' },
  },
  { type: 'SUPPLEMENT', by: 'drafter', afterMs: 4 * DAY + 6 * HOUR, fields: { note: 'Đã bổ sung xác nhận của UBND phường' } },
  { type: 'AGREE', by: 'homeAffairs', afterMs: 5 * DAY },
  {
    type: 'APPROVE',
    by: 'chairman',
    afterMs: 6 * DAY,
    fields: { decision: { number: '1234/QĐ-UBND', date: '2026-03-09', signedBy: 'Chủ tịch UBND tỉnh' } },
  },
];

export const EVENTS_PER_PROPOSAL = 1 + AUDIT_WALK.length;
/** The first proposal's CREATED; the others start up to a day later (a Monday in March 2026). */
export const FIRST_CREATED_MS = Date.parse('2026-03-02T01:30:00.000Z');
/** The last instant any proposal's walk reaches. */
export const LAST_EVENT_MS = FIRST_CREATED_MS + DAY + AUDIT_WALK[AUDIT_WALK.length - 1].afterMs;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Tuấn', 'Vy'];

export function nomineeName(index: number): string {
  const f = FAMILY[index % FAMILY.length];
  const m = MIDDLE[Math.floor(index / FAMILY.length) % MIDDLE.length];
  const g = GIVEN[Math.floor(index / (FAMILY.length * MIDDLE.length)) % GIVEN.length];
  return `${f} ${m} ${g} (${index})`;
}

export function proposalInput(proposalId: string, name: string): ProposalInput {
  return {
    proposalId,
    kind: 'extraordinary',
    unitId: BENCH_UNIT_ID,
    campaignId: null,
    awardForm: 'chairman_certificate',
    nominee: { type: 'individual', name },
    achievement: { summary: 'Cứu hai người đuối nước trên sông Hồng', date: '2026-02-27', basis: 'rescue' },
  };
}

/** One sealed line, as proposal_events holds it. */
export type SealedEvent = AuditedEvent;

/** The proposal row after `events.length` lines: the columns the command path writes. */
export interface SealedRowState {
  snapshot: StoredSnapshot;
  warnings: RuleFinding[];
  deadline: ProposalDeadline | null;
}

export interface SealedProposal {
  input: ProposalInput;
  events: SealedEvent[];
  /** `states[k]` is the row after events[0..k]. */
  states: SealedRowState[];
}

const calendar = createWorkingCalendar();

const CHECKPOINT_OF: Partial<Record<ProposalEventType, Checkpoint>> = {
  UPDATE: 'update',
  SUBMIT: 'submit',
  FORWARD: 'forward',
  AWARD_AT_UNIT: 'award_at_unit',
};

/**
 * The long way, mirroring the use cases: startProposal for CREATED, then for each event restore, step, toStored,
 * the rulebook at its checkpoints (no campaign, so no quota usage) and the chain sealed with eventHash. Throws
 * if the machine refuses a step or the rulebook a checkpoint, as the command would.
 */
export function walkProposal(input: ProposalInput, createdMs: number, length = EVENTS_PER_PROPOSAL): SealedProposal {
  const machineVersion = CURRENT_MACHINE_VERSION;
  const events: SealedEvent[] = [];
  const states: SealedRowState[] = [];
  const seal = (body: ChainedEventBody) => {
    const prevHash = events.length ? events[events.length - 1].hash : GENESIS_HASH;
    events.push({ ...body, prevHash, hash: eventHash(prevHash, body) });
  };

  let snapshot = startProposal(machineVersion, input);
  let warnings = judgeProposal('create', input, null).warnings;
  let deadline = proposalDeadline(input, null, calendar);
  const createdAt = new Date(createdMs).toISOString();
  seal({ proposalId: input.proposalId, seq: 1, type: 'CREATED', actor: AUDIT_ACTORS.drafter, at: createdAt, payload: { ...input }, machineVersion, state: snapshot.value });
  states.push({ snapshot, warnings, deadline });

  for (const walkStep of AUDIT_WALK.slice(0, Math.max(0, length - 1))) {
    const actor = AUDIT_ACTORS[walkStep.by];
    const at = new Date(createdMs + walkStep.afterMs).toISOString();
    const live = restore(machineVersion, snapshot);
    let event = { ...walkStep.fields, type: walkStep.type, actor, at } as ProposalEvent;
    if (!live.can(event)) throw new Error(`machine v${machineVersion} refuses ${walkStep.type} by ${walkStep.by} in ${snapshot.value}`);

    let rules: { checkpoint: Checkpoint; warnings: string[]; usage: undefined } | undefined;
    const checkpoint = CHECKPOINT_OF[walkStep.type];
    if (checkpoint) {
      const facts = checkpoint === 'update' ? step(machineVersion, live, event).next.context : live.context;
      const judged = judgeProposal(checkpoint, facts, null, undefined);
      if (checkpoint !== 'update' && judged.violations.length > 0) {
        throw new Error(`the rulebook refuses ${walkStep.type}: ${judged.violations.map((v) => v.rule).join(', ')}`);
      }
      warnings = checkpoint === 'submit' ? judgeProposal('update', facts, null).warnings : judged.warnings;
      if ((walkStep.type === 'SUBMIT' || walkStep.type === 'FORWARD') && deadline) {
        event = { ...event, deadline: { rule: deadline.rule, dueAt: deadline.dueAt } } as ProposalEvent;
      }
      rules = { checkpoint, warnings: warnings.map((w) => w.rule), usage: undefined };
    }

    snapshot = toStored(step(machineVersion, live, event).next);
    const { actor: _actor, at: _at, type, ...fields } = event;
    const payload = rules ? { ...fields, rules } : fields;
    seal({ proposalId: input.proposalId, seq: events.length + 1, type, actor, at, payload, machineVersion, state: snapshot.value });
    if (type === 'UPDATE') deadline = proposalDeadline(snapshot.context, null, calendar);
    states.push({ snapshot, warnings, deadline });
  }
  return { input, events, states };
}

const TEMPLATE_ID = '00000000-0000-4000-8000-00000000beef';
const TEMPLATE_NAME = 'Người được đề nghị (mẫu)';

/** Rebuilds `value` with every string found in `swap` replaced; shares what has nothing to replace. */
function retarget(value: unknown, swap: Map<string, string>): unknown {
  if (typeof value === 'string') return swap.get(value) ?? value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => retarget(item, swap));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = retarget((value as Record<string, unknown>)[key], swap);
  return out;
}

function mentions(value: unknown, tokens: Set<string>): boolean {
  if (typeof value === 'string') return tokens.has(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some((item) => mentions(item, tokens));
}

/** One proposal ready to insert: its events and row as the tables hold them (JSON columns as text). */
export interface ProposalRows {
  id: string;
  events: {
    proposalId: string;
    seq: number;
    type: string;
    actorJson: string;
    at: string;
    payloadJson: string;
    machineVersion: number;
    state: string;
    prevHash: string;
    hash: string;
  }[];
  row: {
    id: string;
    kind: string;
    unitId: string;
    campaignId: string | null;
    awardForm: string;
    state: string;
    snapshotJson: string;
    version: number;
    machineVersion: number;
    late: number;
    escalation: string;
    lastSeq: number;
    lastHash: string;
    createdAt: string;
    updatedAt: string;
    warningsJson: string;
    lateRule: string | null;
    deadlineRule: string | null;
    deadlineDueDate: string | null;
    deadlineDueAt: string | null;
    deadlineProvisional: number;
  };
}

/**
 * The shortcut: the template walk with the id, the nominee's name and every instant swapped, and the chain
 * re-sealed. Instants shift by `shiftMs` (the template's own instants are unique strings, so a swap by value
 * finds every copy of them, in the snapshot's submittedAt and forwardedAt too).
 */
export class ProposalLogFactory {
  private readonly template: SealedProposal;
  private readonly templateMs: number[];
  private readonly actorJson: string[];
  private readonly payloadJson: (string | null)[];
  private readonly warningsJson: string[];

  constructor() {
    this.template = walkProposal(proposalInput(TEMPLATE_ID, TEMPLATE_NAME), FIRST_CREATED_MS);
    this.templateMs = this.template.events.map((event) => Date.parse(event.at));
    const tokens = new Set([TEMPLATE_ID, TEMPLATE_NAME, ...this.template.events.map((event) => event.at)]);
    if (tokens.size !== 2 + this.template.events.length) throw new Error('the template walk has two events at the same instant');
    this.actorJson = this.template.events.map((event) => JSON.stringify(event.actor));
    // A payload that mentions nothing swapped is the same object (and the same text) in every proposal.
    this.payloadJson = this.template.events.map((event) => (mentions(event.payload, tokens) ? null : JSON.stringify(event.payload)));
    this.warningsJson = this.template.states.map((state) => JSON.stringify(state.warnings));
  }

  build(id: string, name: string, shiftMs: number, length = EVENTS_PER_PROPOSAL): ProposalRows {
    const template = this.template;
    const swap = new Map<string, string>([
      [TEMPLATE_ID, id],
      [TEMPLATE_NAME, name],
    ]);
    const ats: string[] = [];
    for (let k = 0; k < template.events.length; k++) {
      const at = new Date(this.templateMs[k] + shiftMs).toISOString();
      ats.push(at);
      swap.set(template.events[k].at, at);
    }

    const events: ProposalRows['events'] = [];
    let prevHash = GENESIS_HASH;
    for (let k = 0; k < length; k++) {
      const source = template.events[k];
      const shared = this.payloadJson[k];
      const payload = shared === null ? retarget(source.payload, swap) : source.payload;
      const body: ChainedEventBody = {
        proposalId: id,
        seq: k + 1,
        type: source.type,
        actor: source.actor,
        at: ats[k],
        payload,
        machineVersion: source.machineVersion,
        state: source.state,
      };
      const hash = eventHash(prevHash, body);
      events.push({
        proposalId: id,
        seq: k + 1,
        type: source.type,
        actorJson: this.actorJson[k],
        at: ats[k],
        payloadJson: shared ?? JSON.stringify(payload),
        machineVersion: source.machineVersion,
        state: source.state,
        prevHash,
        hash,
      });
      prevHash = hash;
    }

    const state = template.states[length - 1];
    const snapshot = retarget(state.snapshot, swap) as StoredSnapshot;
    const context = snapshot.context;
    const last = events[length - 1];
    return {
      id,
      events,
      row: {
        id,
        kind: context.kind,
        unitId: context.unitId,
        campaignId: context.campaignId,
        awardForm: context.awardForm,
        state: snapshot.value,
        snapshotJson: JSON.stringify(snapshot),
        version: length,
        machineVersion: last.machineVersion,
        late: context.late ? 1 : 0,
        escalation: context.escalation,
        lastSeq: length,
        lastHash: last.hash,
        createdAt: ats[0],
        updatedAt: ats[length - 1],
        warningsJson: this.warningsJson[length - 1],
        lateRule: context.lateRule,
        deadlineRule: state.deadline?.rule ?? null,
        deadlineDueDate: state.deadline?.dueDate ?? null,
        deadlineDueAt: state.deadline?.dueAt ?? null,
        deadlineProvisional: state.deadline?.provisional ? 1 : 0,
      },
    };
  }

  /**
   * Builds the proposal both ways and compares every hash and the row's snapshot: null when the shortcut
   * makes exactly what the machine and the command path make, else what differs.
   */
  check(id: string, name: string, shiftMs: number, length = EVENTS_PER_PROPOSAL): string | null {
    const quick = this.build(id, name, shiftMs, length);
    const slow = walkProposal(proposalInput(id, name), FIRST_CREATED_MS + shiftMs, length);
    for (let k = 0; k < length; k++) {
      const a = quick.events[k];
      const b = slow.events[k];
      if (a.hash !== b.hash || a.at !== b.at || a.state !== b.state) {
        return `event ${k + 1} (${b.type}) differs: substituted ${a.hash.slice(0, 12)}… at ${a.at}, walked ${b.hash.slice(0, 12)}… at ${b.at}`;
      }
      if (a.payloadJson !== JSON.stringify(b.payload) && canonicalJson(JSON.parse(a.payloadJson)) !== canonicalJson(b.payload)) {
        return `event ${k + 1} (${b.type}): payloads differ`;
      }
    }
    const slowSnapshot = slow.states[length - 1].snapshot;
    if (canonicalJson(JSON.parse(quick.row.snapshotJson)) !== canonicalJson(slowSnapshot)) return 'the row snapshots differ';
    if (quick.row.late !== (slowSnapshot.context.late ? 1 : 0)) return 'late differs';
    return null;
  }
}
