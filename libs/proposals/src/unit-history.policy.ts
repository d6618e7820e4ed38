import type { UnitChangeDocument, UnitChangeKind, UnitHistoryEntry, UnitType } from '#contracts';
import { DomainError } from '#kernel';
import { dayVi } from '#rules';
import type { FieldProblem } from './input-windows.policy.js';
import type { UnitRecord } from './proposal.records.js';

/**
 * A unit's history read on a given day, and what a new history entry must respect (docs/units.md).
 *
 * Since 1 July 2025 (Law on Organisation of Local Government 2025; the Standing Committee's resolutions on
 * rearranging communes) the districts are gone and their communes merged: a proposal drafted by a district in
 * 2024 must still read with the district's name as it was then, and say what the district is now. So a change
 * is never an overwrite: it is an entry effective from a day, citing its document, and the unit on any day is
 * read from the entries.
 *
 * Pure: plain records in, plain data out; "today" is passed in by the caller.
 */

/** The parts of a unit the history is read from. */
export type UnitLike = Pick<UnitRecord, 'id' | 'name' | 'type' | 'clusterId' | 'dissolvedOn' | 'successorId' | 'history'>;

/**
 * The value a field had on `day`: the first change of that field that takes effect after `day` still holds the
 * value before it; when none does, the latest value is the one.
 */
function valueOn<T>(unit: UnitLike, day: string, kind: UnitChangeKind, previous: (entry: UnitHistoryEntry) => T, latest: T): T {
  const later = unit.history.find((entry) => entry.kind === kind && entry.from > day);
  return later ? previous(later) : latest;
}

/** The unit's name on `day` (YYYY-MM-DD). */
export const nameOn = (unit: UnitLike, day: string): string => valueOn(unit, day, 'renamed', (entry) => entry.previousName ?? unit.name, unit.name);

export const typeOn = (unit: UnitLike, day: string): UnitType => valueOn(unit, day, 'type_changed', (entry) => entry.previousType ?? unit.type, unit.type);

export const clusterOn = (unit: UnitLike, day: string): string | null =>
  valueOn(unit, day, 'cluster_changed', (entry) => entry.previousClusterId, unit.clusterId);

/** Whether the unit still existed on `day`: not yet dissolved, or dissolved (merged) only from a later day. */
export const existsOn = (unit: Pick<UnitLike, 'dissolvedOn'>, day: string): boolean => unit.dissolvedOn === null || day < unit.dissolvedOn;

/**
 * The unit, then the unit it was merged into, then that unit's successor, … up to a unit that was not merged.
 * A chain that comes back to a unit already in it (which `changeProblems` never lets in) or names a unit that
 * is not there stops where it broke, so a reader never loops.
 */
export function successorChain<U extends UnitLike>(unit: U, byId: ReadonlyMap<string, U>): U[] {
  const chain = [unit];
  const seen = new Set([unit.id]);
  let at = unit;
  while (at.successorId) {
    const next = byId.get(at.successorId);
    if (!next || seen.has(next.id)) break;
    chain.push(next);
    seen.add(next.id);
    at = next;
  }
  return chain;
}

/** What the unit is now: the end of its chain of merges (itself when it was never merged). */
export const currentUnitOf = <U extends UnitLike>(unit: U, byId: ReadonlyMap<string, U>): U => successorChain(unit, byId).at(-1)!;

/**
 * A proposal is drafted for a unit that exists: a unit merged or dissolved from a day on or before today takes
 * none (409 UNIT_DISSOLVED, with the successor to draft for). Its old proposals stay as they are.
 */
export function assertUnitAcceptsProposals(unit: Pick<UnitLike, 'id' | 'name' | 'dissolvedOn' | 'successorId'>, today: string, successorName?: string | null): void {
  if (existsOn(unit, today)) return;
  const since = dayVi(unit.dissolvedOn!);
  const message = unit.successorId
    ? `${unit.name} đã sáp nhập vào ${successorName ?? 'đơn vị khác'} từ ngày ${since}: hồ sơ mới lập cho đơn vị mới`
    : `${unit.name} đã giải thể từ ngày ${since}: không lập hồ sơ mới cho đơn vị này`;
  throw new DomainError('UNIT_DISSOLVED', message, { unitId: unit.id, dissolvedOn: unit.dissolvedOn, successorId: unit.successorId });
}

/** A change as asked for, before it becomes an entry. */
export interface UnitChangeRequest {
  kind: UnitChangeKind;
  from: string;
  document: { ref: string; issuedAt: string; kind?: string | null };
  name?: string;
  successorId?: string;
  type?: UnitType;
  clusterId?: string | null;
}

/** The fields each kind carries; any other is refused, so that a request means one thing. */
const FIELDS_OF: Record<UnitChangeKind, readonly ('name' | 'successorId' | 'type' | 'clusterId')[]> = {
  renamed: ['name'],
  merged_into: ['successorId'],
  dissolved: [],
  type_changed: ['type'],
  cluster_changed: ['clusterId'],
};

/** How far ahead a change may be recorded: a resolution is passed before the day it takes effect, not decades before. */
const FUTURE_YEARS = 10;
const plusYears = (day: string, years: number) => `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;

export interface ChangeContext {
  today: string;
  /** Every unit, by id (the successor, and the units between it and the end of its chain). */
  units: ReadonlyMap<string, UnitLike>;
  /** Whether a cluster id names a cluster. */
  clusterExists(id: string): boolean;
}

/**
 * What is wrong with recording `change` on `unit`, every problem at once. A unit already dissolved takes no
 * change at all (that is a 409, see `assertUnitChangeable`); this judges the request itself:
 * - `from` is not before the unit's latest entry (the history is read in order), nor more than 10 years ahead;
 *   the document is not dated after today (a document not yet issued cannot be cited);
 * - a rename gives a new name, a type or cluster change a new value, and the cluster exists;
 * - a merge names another unit, one that still exists on `from`, and whose own chain of merges does not lead
 *   back to this unit (no cycles).
 */
export function changeProblems(unit: UnitLike, change: UnitChangeRequest, context: ChangeContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const allowed = FIELDS_OF[change.kind];
  for (const field of ['name', 'successorId', 'type', 'clusterId'] as const) {
    const given = change[field] !== undefined;
    if (given && !allowed.includes(field)) problems.push({ field, message: `${field} không dùng cho thay đổi loại ${change.kind}` });
    // clusterId: null (out of every cluster) is a value; undefined is not given.
    if (!given && allowed.includes(field)) problems.push({ field, message: `${field} là bắt buộc với thay đổi loại ${change.kind}` });
  }

  const last = unit.history.at(-1);
  if (last && change.from < last.from) {
    problems.push({
      field: 'from',
      message: `Ngày hiệu lực ${dayVi(change.from)} trước thay đổi gần nhất của đơn vị (từ ${dayVi(last.from)})`,
    });
  }
  if (change.from > plusYears(context.today, FUTURE_YEARS)) {
    problems.push({ field: 'from', message: `Ngày hiệu lực ${dayVi(change.from)} quá xa (quá ${FUTURE_YEARS} năm kể từ hôm nay)` });
  }
  if (change.document.issuedAt > context.today) {
    problems.push({ field: 'document.issuedAt', message: `Văn bản ngày ${dayVi(change.document.issuedAt)} chưa ban hành (sau hôm nay)` });
  }

  if (change.kind === 'renamed' && change.name !== undefined && change.name === unit.name) {
    problems.push({ field: 'name', message: 'Tên mới trùng tên hiện tại' });
  }
  if (change.kind === 'type_changed' && change.type !== undefined && change.type === unit.type) {
    problems.push({ field: 'type', message: 'Loại mới trùng loại hiện tại' });
  }
  if (change.kind === 'cluster_changed' && change.clusterId !== undefined) {
    if (change.clusterId === unit.clusterId) problems.push({ field: 'clusterId', message: 'Cụm, khối mới trùng cụm, khối hiện tại' });
    else if (change.clusterId !== null && !context.clusterExists(change.clusterId)) {
      problems.push({ field: 'clusterId', message: 'Không có cụm, khối thi đua này' });
    }
  }
  if (change.kind === 'merged_into' && change.successorId !== undefined) problems.push(...mergeProblems(unit, change.successorId, change.from, context));
  return problems;
}

function mergeProblems(unit: UnitLike, successorId: string, from: string, context: ChangeContext): FieldProblem[] {
  if (successorId === unit.id) return [{ field: 'successorId', message: 'Một đơn vị không thể sáp nhập vào chính nó' }];
  const successor = context.units.get(successorId);
  if (!successor) return [{ field: 'successorId', message: 'Không có đơn vị này' }];
  if (!existsOn(successor, from)) {
    return [
      {
        field: 'successorId',
        message: `${successor.name} đã ${successor.successorId ? 'sáp nhập' : 'giải thể'} từ ngày ${dayVi(successor.dissolvedOn!)}: không thể sáp nhập vào đơn vị đã không còn`,
      },
    ];
  }
  if (successorChain(successor, context.units).some((link) => link.id === unit.id)) {
    return [{ field: 'successorId', message: `${successor.name} đã sáp nhập vào ${unit.name}: sáp nhập ngược lại sẽ tạo vòng` }];
  }
  return [];
}

/** A dissolved (or merged) unit's history is closed: nothing is recorded after its end. */
export function assertUnitChangeable(unit: UnitLike): void {
  if (unit.dissolvedOn === null) return;
  throw new DomainError('UNIT_DISSOLVED', `${unit.name} đã ${unit.successorId ? 'sáp nhập' : 'giải thể'} từ ngày ${dayVi(unit.dissolvedOn)}: không ghi thêm thay đổi`, {
    unitId: unit.id,
    dissolvedOn: unit.dissolvedOn,
    successorId: unit.successorId,
  });
}

/** The entry a valid change becomes, and the unit after it (the latest values; `dissolvedOn` from a merge or dissolution). */
export function applyChange<U extends UnitLike>(
  unit: U,
  change: UnitChangeRequest,
  recorded: { at: string; by: string },
): { entry: UnitHistoryEntry; next: U } {
  const document: UnitChangeDocument = { ref: change.document.ref, issuedAt: change.document.issuedAt, kind: change.document.kind ?? null };
  const entry: UnitHistoryEntry = {
    seq: (unit.history.at(-1)?.seq ?? 0) + 1,
    kind: change.kind,
    from: change.from,
    document,
    name: change.kind === 'renamed' ? change.name! : null,
    previousName: change.kind === 'renamed' ? unit.name : null,
    successorId: change.kind === 'merged_into' ? change.successorId! : null,
    type: change.kind === 'type_changed' ? change.type! : null,
    previousType: change.kind === 'type_changed' ? unit.type : null,
    clusterId: change.kind === 'cluster_changed' ? change.clusterId ?? null : null,
    previousClusterId: change.kind === 'cluster_changed' ? unit.clusterId : null,
    recordedAt: recorded.at,
    recordedBy: recorded.by,
  };
  const next: U = { ...unit, history: [...unit.history, entry] };
  if (entry.kind === 'renamed') next.name = entry.name!;
  if (entry.kind === 'type_changed') next.type = entry.type!;
  if (entry.kind === 'cluster_changed') next.clusterId = entry.clusterId;
  if (entry.kind === 'merged_into' || entry.kind === 'dissolved') {
    next.dissolvedOn = entry.from;
    next.successorId = entry.successorId;
  }
  return { entry, next };
}

/**
 * The type a unit registered before types existed gets, from the first word of its name: Sở, Ban, Văn phòng,
 * Thanh tra → a department or agency; Xã, Phường, Đặc khu; Huyện, Quận, Thị xã, Thành phố → a former
 * district-level unit (cấp huyện, dissolved on 1 July 2025); anything else: khác. The migration does the same in SQL.
 */
export function defaultUnitType(name: string): UnitType {
  const starts = (...words: string[]) => words.some((word) => name.startsWith(`${word} `));
  if (starts('Sở', 'Ban', 'Văn phòng', 'Thanh tra')) return 'so_ban_nganh';
  if (starts('Xã')) return 'xa';
  if (starts('Phường')) return 'phuong';
  if (starts('Đặc khu')) return 'dac_khu';
  if (starts('Huyện', 'Quận', 'Thị xã', 'Thành phố')) return 'huyen_cu';
  return 'khac';
}
