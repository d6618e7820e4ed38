import type { UnitBody, UnitHistoryEntry } from '#contracts';

/** The resolution that merged most districts into communes from 01/07/2025, as the console tests cite it. */
export const MERGER_RESOLUTION = { ref: '1678/NQ-UBTVQH15', issuedAt: '2025-06-16', kind: 'Nghị quyết' } as const;

/** One line of a unit's history as GET /api/units answers it; a merge from 01/07/2025 unless told otherwise. */
export function unitChange(overrides: Partial<UnitHistoryEntry> = {}): UnitHistoryEntry {
  return {
    seq: 1,
    kind: 'merged_into',
    from: '2025-07-01',
    document: { ...MERGER_RESOLUTION },
    name: null,
    previousName: null,
    successorId: null,
    type: null,
    previousType: null,
    clusterId: null,
    previousClusterId: null,
    recordedAt: '2025-06-20T02:00:00.000Z',
    recordedBy: 'admin',
    ...overrides,
  };
}

/** A unit as GET /api/units answers it: a commune that never changed unless told otherwise. */
export function unitBody(overrides: Partial<UnitBody> & Pick<UnitBody, 'id' | 'name'>): UnitBody {
  return {
    code: overrides.id.toUpperCase(),
    type: 'xa',
    clusterId: null,
    dissolvedOn: null,
    successorId: null,
    current: { id: overrides.id, name: overrides.name },
    history: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}
