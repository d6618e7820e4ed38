import { DomainError } from '#kernel';
import type { UnitRecord } from './proposal.records.js';
import {
  applyChange,
  assertUnitAcceptsProposals,
  assertUnitChangeable,
  changeProblems,
  clusterOn,
  currentUnitOf,
  defaultUnitType,
  existsOn,
  nameOn,
  successorChain,
  typeOn,
  type ChangeContext,
  type UnitChangeRequest,
} from './unit-history.policy.js';

// The 2025 reorganisation as a small province: a district merged into a commune on 1 July 2025, the commune
// renamed later; "today" is injected.
const TODAY = '2026-12-06';
const DOC = { ref: '1678/NQ-UBTVQH15', issuedAt: '2025-06-16', kind: 'Nghị quyết' };
const RECORDED = { at: '2026-12-06T02:00:00.000Z', by: 'admin@province' };

const unit = (id: string, name: string, overrides: Partial<UnitRecord> = {}): UnitRecord => ({
  id,
  code: id.toUpperCase(),
  name,
  type: defaultUnitType(name),
  clusterId: null,
  dissolvedOn: null,
  successorId: null,
  history: [],
  createdAt: '2024-01-01T00:00:00.000Z',
  ...overrides,
});

const change = (request: Partial<UnitChangeRequest> & Pick<UnitChangeRequest, 'kind'>): UnitChangeRequest => ({ from: '2025-07-01', document: DOC, ...request });

/** Applies changes in order, as the use case does, failing the test on any problem. */
function record(units: Map<string, UnitRecord>, id: string, request: UnitChangeRequest): UnitRecord {
  const before = units.get(id)!;
  expect(changeProblems(before, request, contextOf(units))).toEqual([]);
  const { next } = applyChange(before, request, RECORDED);
  units.set(id, next);
  return next;
}

const contextOf = (units: Map<string, UnitRecord>, clusters: string[] = ['c1', 'c2']): ChangeContext => ({
  today: TODAY,
  units,
  clusterExists: (id) => clusters.includes(id),
});

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

function province() {
  const units = new Map<string, UnitRecord>();
  for (const u of [unit('huyen', 'Huyện Nghi Lộc'), unit('xa', 'Xã Nghi Lộc'), unit('so', 'Sở Giáo dục và Đào tạo'), unit('phuong', 'Phường Vinh Hưng')]) {
    units.set(u.id, u);
  }
  return units;
}

describe('a unit on a given day', () => {
  it('Given a district merged into a commune from 01/07/2025, when read on 30/06/2025, then it existed under its own name; on 01/07/2025 it no longer does', () => {
    const units = province();
    const district = record(units, 'huyen', change({ kind: 'merged_into', successorId: 'xa' }));
    expect(nameOn(district, '2025-06-30')).toBe('Huyện Nghi Lộc');
    expect(existsOn(district, '2025-06-30')).toBe(true);
    expect(existsOn(district, '2025-07-01')).toBe(false);
    expect(district.dissolvedOn).toBe('2025-07-01');
    expect(district.history.map((e) => [e.seq, e.kind, e.from, e.successorId])).toEqual([[1, 'merged_into', '2025-07-01', 'xa']]);
  });

  it('Given two renames, when read before, between and after them, then each day has its own name', () => {
    const units = province();
    record(units, 'xa', change({ kind: 'renamed', from: '2025-07-01', name: 'Xã Nghi Lộc mới' }));
    const renamed = record(units, 'xa', change({ kind: 'renamed', from: '2026-01-01', name: 'Phường Nghi Lộc' }));
    expect(nameOn(renamed, '2025-06-30')).toBe('Xã Nghi Lộc');
    expect(nameOn(renamed, '2025-07-01')).toBe('Xã Nghi Lộc mới');
    expect(nameOn(renamed, '2025-12-31')).toBe('Xã Nghi Lộc mới');
    expect(nameOn(renamed, '2026-01-01')).toBe('Phường Nghi Lộc');
    expect(renamed.name).toBe('Phường Nghi Lộc');
  });

  it('Given a type and a cluster change, when read before and after, then the type and cluster of each day come back', () => {
    const units = province();
    record(units, 'xa', change({ kind: 'cluster_changed', clusterId: 'c1', from: '2025-07-01' }));
    const after = record(units, 'xa', change({ kind: 'type_changed', type: 'phuong', from: '2026-01-01' }));
    expect([typeOn(after, '2025-12-31'), typeOn(after, '2026-01-01')]).toEqual(['xa', 'phuong']);
    expect([clusterOn(after, '2025-06-30'), clusterOn(after, '2025-07-01')]).toEqual([null, 'c1']);
  });

  it('Given A merged into B and B later into C, when the chain is followed, then A is now C under C\'s name', () => {
    const units = province();
    record(units, 'huyen', change({ kind: 'merged_into', successorId: 'xa', from: '2025-07-01' }));
    record(units, 'xa', change({ kind: 'merged_into', successorId: 'phuong', from: '2026-03-01' }));
    const district = units.get('huyen')!;
    expect(successorChain(district, units).map((u) => u.id)).toEqual(['huyen', 'xa', 'phuong']);
    expect(currentUnitOf(district, units).name).toBe('Phường Vinh Hưng');
    expect(currentUnitOf(units.get('so')!, units).id).toBe('so');
  });

  it('Given a broken chain (a successor that is not there, or a loop written by hand), when followed, then it stops instead of looping', () => {
    const a = unit('a', 'Xã A', { successorId: 'b', dissolvedOn: '2025-07-01' });
    const b = unit('b', 'Xã B', { successorId: 'a', dissolvedOn: '2025-07-01' });
    expect(successorChain(a, new Map([['a', a], ['b', b]])).map((u) => u.id)).toEqual(['a', 'b']);
    expect(successorChain(a, new Map([['a', a]])).map((u) => u.id)).toEqual(['a']);
  });
});

describe('a new history entry', () => {
  it('Given a change on 01/07/2025, when another is dated 30/06/2025, then `from` is refused; the same day is allowed', () => {
    const units = province();
    record(units, 'xa', change({ kind: 'cluster_changed', clusterId: 'c1' }));
    const xa = units.get('xa')!;
    expect(fields(changeProblems(xa, change({ kind: 'renamed', name: 'Xã Mới', from: '2025-06-30' }), contextOf(units)))).toEqual(['from']);
    expect(changeProblems(xa, change({ kind: 'renamed', name: 'Xã Mới', from: '2025-07-01' }), contextOf(units))).toEqual([]);
  });

  it.each([
    ['into itself', 'huyen', ['successorId']],
    ['into a unit that is not there', 'nowhere', ['successorId']],
    ['into the commune', 'xa', []],
  ])('Given a district, when merged %s (%s), then the fields named are %j', (_name, successorId, expected) => {
    const units = province();
    expect(fields(changeProblems(units.get('huyen')!, change({ kind: 'merged_into', successorId }), contextOf(units)))).toEqual(expected);
  });

  it('Given a commune dissolved from 01/07/2025, when a district is merged into it from that day, then it is refused; before that day it is not', () => {
    const units = province();
    record(units, 'xa', change({ kind: 'dissolved', from: '2025-07-01' }));
    const problems = changeProblems(units.get('huyen')!, change({ kind: 'merged_into', successorId: 'xa', from: '2025-07-01' }), contextOf(units));
    expect(fields(problems)).toEqual(['successorId']);
    expect(problems[0]!.message).toContain('01/07/2025');
    expect(changeProblems(units.get('huyen')!, change({ kind: 'merged_into', successorId: 'xa', from: '2025-01-01' }), contextOf(units))).toEqual([]);
  });

  it('Given B merged into A from 01/07/2025, when A is merged into B from an earlier day, then the cycle is refused', () => {
    const units = province();
    record(units, 'xa', change({ kind: 'merged_into', successorId: 'huyen', from: '2025-07-01' }));
    const problems = changeProblems(units.get('huyen')!, change({ kind: 'merged_into', successorId: 'xa', from: '2025-01-01' }), contextOf(units));
    expect(fields(problems)).toEqual(['successorId']);
    expect(problems[0]!.message).toContain('vòng');
  });

  it('Given any kind, when a field of another kind is sent or its own is missing, then both are named', () => {
    const units = province();
    const xa = units.get('xa')!;
    expect(fields(changeProblems(xa, change({ kind: 'renamed', successorId: 'so' }), contextOf(units)))).toEqual(['name', 'successorId']);
    expect(fields(changeProblems(xa, change({ kind: 'dissolved', type: 'xa' }), contextOf(units)))).toEqual(['type']);
    expect(fields(changeProblems(xa, change({ kind: 'cluster_changed', clusterId: null }), contextOf(units)))).toEqual(['clusterId']);
  });

  it('Given the same name, type or cluster, or a cluster that does not exist, when recorded, then it is refused', () => {
    const units = province();
    const xa = units.get('xa')!;
    expect(fields(changeProblems(xa, change({ kind: 'renamed', name: 'Xã Nghi Lộc' }), contextOf(units)))).toEqual(['name']);
    expect(fields(changeProblems(xa, change({ kind: 'type_changed', type: 'xa' }), contextOf(units)))).toEqual(['type']);
    expect(fields(changeProblems(xa, change({ kind: 'cluster_changed', clusterId: 'c9' }), contextOf(units)))).toEqual(['clusterId']);
  });

  it('Given today 06/12/2026, when the document is dated tomorrow or the change is more than ten years ahead, then each is named', () => {
    const units = province();
    const xa = units.get('xa')!;
    const late = change({ kind: 'renamed', name: 'Xã Mới', from: '2036-12-07', document: { ...DOC, issuedAt: '2026-12-07' } });
    expect(fields(changeProblems(xa, late, contextOf(units)))).toEqual(['from', 'document.issuedAt']);
    expect(changeProblems(xa, change({ kind: 'renamed', name: 'Xã Mới', from: '2036-12-06' }), contextOf(units))).toEqual([]);
  });
});

describe('a merged or dissolved unit', () => {
  it('Given a district merged into the commune from 01/07/2025, when a proposal is drafted for it on that day, then 409 UNIT_DISSOLVED names the commune; the day before it is accepted', () => {
    const units = province();
    const district = record(units, 'huyen', change({ kind: 'merged_into', successorId: 'xa' }));
    expect(() => assertUnitAcceptsProposals(district, '2025-06-30', 'Xã Nghi Lộc')).not.toThrow();
    let error: unknown;
    try {
      assertUnitAcceptsProposals(district, '2025-07-01', 'Xã Nghi Lộc');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'UNIT_DISSOLVED', details: { dissolvedOn: '2025-07-01', successorId: 'xa' } });
    expect((error as Error).message).toBe('Huyện Nghi Lộc đã sáp nhập vào Xã Nghi Lộc từ ngày 01/07/2025: hồ sơ mới lập cho đơn vị mới');
  });

  it('Given a dissolved unit, when another change is recorded on it, then it is refused with UNIT_DISSOLVED', () => {
    const units = province();
    const gone = record(units, 'so', change({ kind: 'dissolved' }));
    expect(() => assertUnitChangeable(gone)).toThrow(expect.objectContaining({ code: 'UNIT_DISSOLVED' }));
    expect(() => assertUnitChangeable(units.get('xa')!)).not.toThrow();
  });
});

describe('the type a unit registered before types gets', () => {
  it.each([
    ['Sở Y tế', 'so_ban_nganh'],
    ['Ban Dân tộc', 'so_ban_nganh'],
    ['Xã Nghi Lộc', 'xa'],
    ['Phường Vinh Hưng', 'phuong'],
    ['Đặc khu Cồn Cỏ', 'dac_khu'],
    ['Huyện Nghi Lộc', 'huyen_cu'],
    ['Thị xã Cửa Lò', 'huyen_cu'],
    ['Unit U-1', 'khac'],
    ['Sởi', 'khac'],
  ])('%s → %s', (name, type) => {
    expect(defaultUnitType(name)).toBe(type);
  });
});
