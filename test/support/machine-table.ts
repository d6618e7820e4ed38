import type { PersonRole } from '#kernel';
import {
  FINAL_STATES,
  MACHINE_TABLE_V2,
  OPEN_STATES,
  TABLE_EVENT_TYPES as EVENT_TYPES,
  type MachineTable,
  type TableEventType as EventType,
  type TableState as State,
} from '../../workflows/proposal/test-support/machine-table.js';
import { DECISION, VOTE, type Caller } from './api.js';

/**
 * docs/architecture.md's machine table, written out by hand once in workflows/proposal/test-support/machine-table.ts
 * (not derived from the machine), so that the suites check the code against the design rather than against
 * itself; the machine specs check the machines against the same table. New proposals run on machine v2: v1's
 * table plus the department's request for missing documents (ISSUE 5).
 */
export { EVENT_TYPES, FINAL_STATES, OPEN_STATES, type EventType, type State };

export const ALL_STATES = [...OPEN_STATES, ...FINAL_STATES] as const;

/** The table of the current machine version (2), which every proposal the suites create runs on. */
export const MACHINE_TABLE: MachineTable = MACHINE_TABLE_V2;

/** A valid body for each event type, so that only the machine and the caller's rights decide the answer. */
export const EVENT_BODIES: Record<EventType, Record<string, unknown>> = {
  UPDATE: { type: 'UPDATE', changes: { nominee: { type: 'collective', name: 'Tổ cứu hộ xã Hòa Bình' } } },
  SUBMIT: { type: 'SUBMIT' },
  WITHDRAW: { type: 'WITHDRAW', reason: 'Đơn vị rút hồ sơ' },
  AWARD_AT_UNIT: { type: 'AWARD_AT_UNIT', decision: { number: '12/QĐ-SGD', date: '2026-05-04', signedBy: 'Giám đốc Sở' } },
  FORWARD: { type: 'FORWARD' },
  RETURN: { type: 'RETURN', reason: 'Bổ sung minh chứng' },
  REJECT: { type: 'REJECT', reason: 'Không đủ tiêu chuẩn' },
  RECOMMEND: { type: 'RECOMMEND', vote: VOTE },
  AGREE: { type: 'AGREE' },
  APPROVE: { type: 'APPROVE', decision: DECISION },
  REQUEST_SUPPLEMENT: { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao quyết định công nhận' },
  SUPPLEMENT: { type: 'SUPPLEMENT', note: 'Đã bổ sung bản sao' },
};

/** Everyone who might call: unit roles of the proposal's own unit and of another one, and every provincial role. */
export interface Who {
  label: string;
  role: PersonRole;
  /** true: the proposal's unit; false: another unit; null: a provincial role (no unit). */
  ownUnit: boolean | null;
}

export const ROSTER: Who[] = [
  { label: 'drafter of the unit', role: 'drafter', ownUnit: true },
  { label: 'unit_head of the unit', role: 'unit_head', ownUnit: true },
  { label: 'drafter of another unit', role: 'drafter', ownUnit: false },
  { label: 'unit_head of another unit', role: 'unit_head', ownUnit: false },
  { label: 'council', role: 'council', ownUnit: null },
  { label: 'home_affairs', role: 'home_affairs', ownUnit: null },
  { label: 'chairman', role: 'chairman', ownUnit: null },
  { label: 'vice_chairman', role: 'vice_chairman', ownUnit: null },
  { label: 'auditor', role: 'auditor', ownUnit: null },
  { label: 'admin', role: 'admin', ownUnit: null },
];

export const callerFor = (who: Who, unitId: string, otherUnitId: string): Caller => ({
  role: who.role,
  unitId: who.ownUnit === null ? null : who.ownUnit ? unitId : otherUnitId,
});

/** The events `who` may send in `state`, per the table (sorted, to compare with the API's answer). */
export function allowedFor(state: State, who: Who): EventType[] {
  if (who.ownUnit === false) return [];
  return EVENT_TYPES.filter((type) => MACHINE_TABLE[state][type]?.by.includes(who.role)).sort();
}

export type Expected = { status: 200; to: State } | { status: 403; code: 'FORBIDDEN' } | { status: 409; code: 'INVALID_TRANSITION'; allowed: EventType[] };

/** What sending `type` in `state` must answer for `who`. */
export function expectedOutcome(state: State, type: EventType, who: Who): Expected {
  // An auditor is refused every write before the machine is asked (ISSUE 5).
  if (who.ownUnit === false || who.role === 'auditor') return { status: 403, code: 'FORBIDDEN' };
  const row = MACHINE_TABLE[state][type];
  if (!row) return { status: 409, code: 'INVALID_TRANSITION', allowed: allowedFor(state, who) };
  if (!row.by.includes(who.role)) return { status: 403, code: 'FORBIDDEN' };
  return { status: 200, to: row.to };
}
