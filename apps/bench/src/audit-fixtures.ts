import { eventHash, GENESIS_HASH, type AuditedEvent, type ChainedEventBody } from '#audit';
import { createWorkingCalendar } from '#calendar';
import { SYSTEM_ACTOR, type Actor } from '#kernel';
import { judgeProposal, proposalDeadline, type ProposalDeadline, type RuleFinding } from '#proposals';
import type { Checkpoint } from '#rules';
import { CURRENT_MACHINE_VERSION, restore, startProposal, step, toStored, type ProposalEvent, type ProposalEventType, type ProposalInput, type StoredSnapshot } from '#workflows/proposal';
import { actorsOf, type ActorKey } from './fixtures.js';

/**
 * The audit bench's data: proposal logs as the command path writes them. One walk is made with the pure machine
 * functions and sealed the way CreateProposalUseCase and ApplyProposalEventUseCase seal (payload = the event
 * minus who and when, plus the rulebook's note at its checkpoints; the deadline stamped on SUBMIT and FORWARD).
 * Every other proposal is that walk with its own id, nominee name and instants substituted and the chain
 * re-sealed: ten times faster than walking each (20 s instead of 190 s for a million events). The verify pass
 * with replay then re-derives every proposal's snapshot from its events and checks every hash.
 */

export const BENCH_UNIT_ID = '7a1f0c52-3b8e-4d1a-9c55-0b6e2f4d8a10';
const ACTORS: Record<ActorKey | 'system', Actor> = { ...actorsOf(BENCH_UNIT_ID), system: SYSTEM_ACTOR };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * After CREATED, nine events through machine v2 with the actors its guards ask for: the drafter corrects the
 * dossier, the DX-4 reminder fires, submission, the head forwards, the council recommends, home affairs asks
 * for a missing document and gets it, agrees, and the chairman signs.
 */
export const AUDIT_WALK: readonly { type: ProposalEventType; by: keyof typeof ACTORS; afterMs: number; fields?: object }[] = [
  {
    type: 'UPDATE',
    by: 'drafter',
    afterMs: HOUR / 3,
    fields: { changes: { achievement: { summary: 'Cứu hai người đuối nước trên sông Hồng (bổ sung biên bản xác nhận)', date: '2026-02-27', basis: 'rescue' } } },
  },
  { type: 'DEADLINE_REMINDER', by: 'system', afterMs: DAY },
  { type: 'SUBMIT', by: 'drafter', afterMs: DAY + 2 * HOUR },
  { type: 'FORWARD', by: 'unitHead', afterMs: DAY + 5 * HOUR },
  { type: 'RECOMMEND', by: 'council', afterMs: 3 * DAY, fields: { vote: { members: 9, for: 8, against: 1 } } },
  { type: 'REQUEST_SUPPLEMENT', by: 'homeAffairs', afterMs: 4 * DAY, fields: { reason: 'Thiếu xác nhận của chính quyền địa phương nơi xảy ra sự việc' } },
  { type: 'SUPPLEMENT', by: 'drafter', afterMs: 4 * DAY + 6 * HOUR, fields: { note: 'Đã bổ sung xác nhận của UBND phường' } },
  { type: 'AGREE', by: 'homeAffairs', afterMs: 5 * DAY },
  { type: 'APPROVE', by: 'chairman', afterMs: 6 * DAY, fields: { decision: { number: '1234/QĐ-UBND', date: '2026-03-09', signedBy: 'Chủ tịch UBND tỉnh' } } },
];

export const EVENTS_PER_PROPOSAL = 1 + AUDIT_WALK.length;
/** The first proposal's CREATED (a Monday in March 2026); the others start up to a day later. */
export const FIRST_CREATED_MS = Date.parse('2026-03-02T01:30:00.000Z');
/** The last instant any proposal's walk reaches. */
export const LAST_EVENT_MS = FIRST_CREATED_MS + DAY + AUDIT_WALK[AUDIT_WALK.length - 1].afterMs;

const calendar = createWorkingCalendar();
const CHECKPOINT_OF: Partial<Record<ProposalEventType, Checkpoint>> = { UPDATE: 'update', SUBMIT: 'submit', FORWARD: 'forward' };

interface Walked {
  events: AuditedEvent[];
  /** The proposal row's columns after each event. */
  states: { snapshot: StoredSnapshot; warnings: RuleFinding[]; deadline: ProposalDeadline | null }[];
}

/**
 * The long way, mirroring the use cases: startProposal for CREATED, then for each event restore, step, toStored,
 * the rulebook at its checkpoints (no campaign, so no quota usage), the chain sealed with eventHash. Throws if
 * the machine refuses a step or the rulebook a checkpoint, as the command would.
 */
function walkProposal(input: ProposalInput, createdMs: number): Walked {
  const machineVersion = CURRENT_MACHINE_VERSION;
  const events: AuditedEvent[] = [];
  const states: Walked['states'] = [];
  const seal = (body: ChainedEventBody) => {
    const prevHash = events.length ? events[events.length - 1].hash : GENESIS_HASH;
    events.push({ ...body, prevHash, hash: eventHash(prevHash, body) });
  };
  let snapshot = startProposal(machineVersion, input);
  let warnings = judgeProposal('create', input, null).warnings;
  let deadline = proposalDeadline(input, null, calendar);
  const at = (ms: number) => new Date(createdMs + ms).toISOString();
  seal({ proposalId: input.proposalId, seq: 1, type: 'CREATED', actor: ACTORS.drafter, at: at(0), payload: { ...input }, machineVersion, state: snapshot.value });
  states.push({ snapshot, warnings, deadline });

  for (const walkStep of AUDIT_WALK) {
    const actor = ACTORS[walkStep.by];
    const live = restore(machineVersion, snapshot);
    let event = { ...walkStep.fields, type: walkStep.type, actor, at: at(walkStep.afterMs) } as ProposalEvent;
    if (!live.can(event)) throw new Error(`machine v${machineVersion} refuses ${walkStep.type} by ${walkStep.by} in ${snapshot.value}`);
    let rules: object | undefined;
    const checkpoint = CHECKPOINT_OF[walkStep.type];
    if (checkpoint) {
      const facts = checkpoint === 'update' ? step(machineVersion, live, event).next.context : live.context;
      const judged = judgeProposal(checkpoint, facts, null, undefined);
      if (checkpoint !== 'update' && judged.violations.length) throw new Error(`the rulebook refuses ${walkStep.type}: ${judged.violations.map((v) => v.rule).join(', ')}`);
      warnings = checkpoint === 'submit' ? judgeProposal('update', facts, null).warnings : judged.warnings;
      if (checkpoint !== 'update' && deadline) event = { ...event, deadline: { rule: deadline.rule, dueAt: deadline.dueAt } } as ProposalEvent;
      rules = { checkpoint, warnings: warnings.map((w) => w.rule), usage: undefined };
    }
    snapshot = toStored(step(machineVersion, live, event).next);
    const { actor: _actor, at: eventAt, type, ...fields } = event;
    seal({ proposalId: input.proposalId, seq: events.length + 1, type, actor, at: eventAt, payload: rules ? { ...fields, rules } : fields, machineVersion, state: snapshot.value });
    if (type === 'UPDATE') deadline = proposalDeadline(snapshot.context, null, calendar);
    states.push({ snapshot, warnings, deadline });
  }
  return { events, states };
}

const inputOf = (proposalId: string, name: string): ProposalInput => ({
  proposalId,
  kind: 'extraordinary',
  unitId: BENCH_UNIT_ID,
  campaignId: null,
  awardForm: 'chairman_certificate',
  nominee: { type: 'individual', name },
  achievement: { summary: 'Cứu hai người đuối nước trên sông Hồng', date: '2026-02-27', basis: 'rescue' },
});

/** Rebuilds `value` with every string found in `swap` replaced. */
function retarget(value: unknown, swap: Map<string, string>): unknown {
  if (typeof value === 'string') return swap.get(value) ?? value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => retarget(item, swap));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, retarget(item, swap)]));
}

export const EVENT_COLUMNS = ['proposal_id', 'seq', 'type', 'actor', 'at', 'payload', 'machine_version', 'state', 'prev_hash', 'hash'];

/** One proposal as its rows: the proposals row (column → value) and its events (values in EVENT_COLUMNS order). */
interface ProposalRows {
  proposal: Record<string, unknown>;
  events: unknown[][];
}

const TEMPLATE_ID = '00000000-0000-4000-8000-00000000beef';
const TEMPLATE_NAME = 'Người được đề nghị (mẫu)';
const template = walkProposal(inputOf(TEMPLATE_ID, TEMPLATE_NAME), FIRST_CREATED_MS);
const templateMs = template.events.map((event) => Date.parse(event.at));

/**
 * Proposal `id` of nominee `name`: the template walk with the id, the name and every instant swapped (instants
 * shifted by `shiftMs`; the template's are unique strings, so a swap by value finds every copy of them), its
 * first `length` events re-sealed.
 */
export function proposalRows(id: string, name: string, shiftMs: number, length = EVENTS_PER_PROPOSAL): ProposalRows {
  const swap = new Map([[TEMPLATE_ID, id], [TEMPLATE_NAME, name]]);
  const ats = templateMs.map((ms, k) => {
    const at = new Date(ms + shiftMs).toISOString();
    swap.set(template.events[k].at, at);
    return at;
  });
  const events: unknown[][] = [];
  let prevHash = GENESIS_HASH;
  for (const [k, source] of template.events.slice(0, length).entries()) {
    const body: ChainedEventBody = { ...source, proposalId: id, at: ats[k], payload: retarget(source.payload, swap) as ChainedEventBody['payload'] };
    const hash = eventHash(prevHash, body);
    events.push([id, k + 1, body.type, JSON.stringify(body.actor), body.at, JSON.stringify(body.payload), body.machineVersion, body.state, prevHash, hash]);
    prevHash = hash;
  }
  const state = template.states[length - 1];
  const snapshot = retarget(state.snapshot, swap) as StoredSnapshot;
  const { context } = snapshot;
  return {
    events,
    proposal: {
      id,
      kind: context.kind,
      unit_id: context.unitId,
      campaign_id: context.campaignId,
      award_form: context.awardForm,
      state: snapshot.value,
      snapshot: JSON.stringify(snapshot),
      version: length,
      machine_version: template.events[length - 1].machineVersion,
      late: context.late ? 1 : 0,
      escalation: context.escalation,
      last_seq: length,
      last_hash: prevHash,
      created_at: ats[0],
      updated_at: ats[length - 1],
      warnings: JSON.stringify(state.warnings),
      late_rule: context.lateRule,
      deadline_rule: state.deadline?.rule ?? null,
      deadline_due_date: state.deadline?.dueDate ?? null,
      deadline_due_at: state.deadline?.dueAt ?? null,
      deadline_provisional: state.deadline?.provisional ? 1 : 0,
    },
  };
}
