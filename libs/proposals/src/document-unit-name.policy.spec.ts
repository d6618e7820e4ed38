import type { UnitRecord } from './proposal.records.js';
import { decisionNameOf, issuingUnitOn, listedNameOf, sentNameOf } from './document-unit-name.policy.js';
import { applyChange, defaultUnitType, type UnitChangeRequest } from './unit-history.policy.js';

// A district that became a town (thị xã) on 01/03/2025 and was merged into a commune on 01/07/2025; the
// commune renamed on 01/01/2026; a ward dissolved with no successor; a department that never changed.
const DOC = { ref: '1678/NQ-UBTVQH15', issuedAt: '2025-02-16', kind: 'Nghị quyết' };
const RECORDED = { at: '2025-02-20T02:00:00.000Z', by: 'admin@province' };
const TODAY = '2026-12-06';

const unit = (id: string, name: string): UnitRecord => ({
  id,
  code: id.toUpperCase(),
  name,
  type: defaultUnitType(name),
  clusterId: null,
  dissolvedOn: null,
  successorId: null,
  history: [],
  createdAt: '2024-01-01T00:00:00.000Z',
});

function province(): Map<string, UnitRecord> {
  const units = new Map([unit('huyen', 'Huyện Cao Lộc'), unit('xa', 'Xã Cao Lộc'), unit('phuong', 'Phường Tam Thanh'), unit('so', 'Sở Y tế')].map((u) => [u.id, u]));
  const apply = (id: string, request: Omit<UnitChangeRequest, 'document'>) => units.set(id, applyChange(units.get(id)!, { ...request, document: DOC }, RECORDED).next);
  apply('huyen', { kind: 'renamed', from: '2025-03-01', name: 'Thị xã Cao Lộc' });
  apply('huyen', { kind: 'merged_into', from: '2025-07-01', successorId: 'xa' });
  apply('xa', { kind: 'renamed', from: '2026-01-01', name: 'Xã Cao Lộc Mới' });
  apply('phuong', { kind: 'dissolved', from: '2025-07-01' });
  return units;
}

describe('the tờ trình: the name on the day it was sent', () => {
  it('Given a district renamed and then merged, When its tờ trình sent in 2024 is printed, Then it reads the 2024 name', () => {
    const units = province();
    expect(sentNameOf(units.get('huyen')!, '2024-11-05')).toBe('Huyện Cao Lộc');
  });

  it('Given the same district, When a tờ trình was sent after the rename but before the merge, Then it reads the new name, not the successor', () => {
    const units = province();
    expect(sentNameOf(units.get('huyen')!, '2025-05-20')).toBe('Thị xã Cao Lộc');
    // A tờ trình sent (late) after the merge is still the old unit's own paper: never the successor's name.
    expect(sentNameOf(units.get('huyen')!, '2025-08-01')).toBe('Thị xã Cao Lộc');
  });
});

describe('the quyết định and the certificate: the name on the decision date', () => {
  it('Given a unit that existed on the decision date, Then it is named as it was that day, with no note', () => {
    const units = province();
    expect(decisionNameOf(units.get('huyen')!, '2024-12-01', units)).toBe('Huyện Cao Lộc');
    expect(decisionNameOf(units.get('huyen')!, '2025-06-30', units)).toBe('Thị xã Cao Lộc');
    expect(decisionNameOf(units.get('so')!, '2026-06-22', units)).toBe('Sở Y tế');
  });

  it('Given a decision signed after the merge, Then it reads "<last name> (nay là <successor on that day>)"', () => {
    const units = province();
    expect(decisionNameOf(units.get('huyen')!, '2025-07-01', units)).toBe('Thị xã Cao Lộc (nay là Xã Cao Lộc)');
    expect(decisionNameOf(units.get('huyen')!, '2026-02-01', units)).toBe('Thị xã Cao Lộc (nay là Xã Cao Lộc Mới)');
  });

  it('Given a unit dissolved with no successor, Then a later decision names it by its last name alone', () => {
    const units = province();
    expect(decisionNameOf(units.get('phuong')!, '2025-09-01', units)).toBe('Phường Tam Thanh');
  });

  it("Given a unit's own award decided after it merged, Then the unit that existed that day issues it", () => {
    const units = province();
    expect(issuingUnitOn(units.get('huyen')!, '2025-06-30', units).id).toBe('huyen');
    expect(issuingUnitOn(units.get('huyen')!, '2025-07-01', units).id).toBe('xa');
    expect(issuingUnitOn(units.get('phuong')!, '2025-09-01', units).id).toBe('phuong');
  });
});

describe('the list: the name on the creation day, and "(nay là …)" when it changed', () => {
  it('Given a proposal drafted by the district in 2024, Then the row reads its 2024 name and what it is today', () => {
    const units = province();
    expect(listedNameOf(units.get('huyen')!, '2024-10-01', TODAY, units)).toBe('Huyện Cao Lộc (nay là Xã Cao Lộc Mới)');
  });

  it('Given a unit only renamed since, Then the note gives its new name', () => {
    const units = province();
    expect(listedNameOf(units.get('xa')!, '2025-09-01', TODAY, units)).toBe('Xã Cao Lộc (nay là Xã Cao Lộc Mới)');
  });

  it('Given a unit unchanged since the proposal, or a proposal drafted under the current name, Then there is no note', () => {
    const units = province();
    expect(listedNameOf(units.get('so')!, '2024-10-01', TODAY, units)).toBe('Sở Y tế');
    expect(listedNameOf(units.get('xa')!, '2026-03-01', TODAY, units)).toBe('Xã Cao Lộc Mới');
    expect(listedNameOf(units.get('phuong')!, '2024-10-01', TODAY, units)).toBe('Phường Tam Thanh');
  });

  it('Given a rename recorded ahead of its day, Then "today" is read on the injected day', () => {
    const units = province();
    expect(listedNameOf(units.get('xa')!, '2025-09-01', '2025-12-31', units)).toBe('Xã Cao Lộc');
  });
});
