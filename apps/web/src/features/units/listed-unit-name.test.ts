import type { UnitHistoryEntry } from '#contracts';
import { describe, expect, it } from 'vitest';
import { unitChange } from '../../test-support/unit-fixtures.js';
import { listedUnitName, unitNameOnDay } from './listed-unit-name.js';

const nowIs = (name: string) => `nay là ${name}`;
const entry = (overrides: Partial<UnitHistoryEntry>) => unitChange({ kind: 'renamed', from: '2025-03-01', ...overrides });

describe('listedUnitName', () => {
  const district = {
    id: 'huyen',
    name: 'Thị xã Cao Lộc',
    history: [
      entry({ seq: 1, kind: 'renamed', from: '2025-03-01', name: 'Thị xã Cao Lộc', previousName: 'Huyện Cao Lộc' }),
      entry({ seq: 2, kind: 'merged_into', from: '2025-07-01', successorId: 'xa' }),
    ],
    current: { id: 'xa', name: 'Xã Cao Lộc' },
  };

  it('Given a district renamed then merged, Then a 2024 proposal reads its 2024 name and what it is now', () => {
    expect(listedUnitName(district, '2024-10-01', nowIs)).toBe('Huyện Cao Lộc (nay là Xã Cao Lộc)');
    expect(listedUnitName(district, '2025-05-01', nowIs)).toBe('Thị xã Cao Lộc (nay là Xã Cao Lộc)');
  });

  it('Given a unit that never changed, or a server without histories, Then the name stands alone', () => {
    expect(listedUnitName({ id: 'so', name: 'Sở Y tế', history: [], current: { id: 'so', name: 'Sở Y tế' } }, '2024-10-01', nowIs)).toBe('Sở Y tế');
    expect(listedUnitName({ id: 'so', name: 'Sở Y tế' }, '2024-10-01', nowIs)).toBe('Sở Y tế');
  });
});

describe('unitNameOnDay', () => {
  const words = { nowIs: (name: string) => `nay là ${name}`, mergedSince: (day: string) => `sáp nhập từ ${day}`, dissolvedSince: (day: string) => `giải thể từ ${day}` };
  const merged = {
    id: 'huyen',
    name: 'Huyện Nghi Lộc',
    history: [entry({ seq: 1, kind: 'merged_into', from: '2025-07-01', successorId: 'xa' })],
    current: { id: 'xa', name: 'Xã Nghi Lộc' },
    dissolvedOn: '2025-07-01',
    successorId: 'xa',
  };

  it('Given a merged district, When its end is worded, Then the notes say what it is now and since when', () => {
    expect(unitNameOnDay(merged, '2025-03-10', words)).toEqual({ name: 'Huyện Nghi Lộc', notes: ['nay là Xã Nghi Lộc', 'sáp nhập từ 2025-07-01'] });
  });

  it('Given a dissolved unit, When only "nay là" is worded (the print list), Then the end is left out', () => {
    const dissolved = { ...merged, successorId: null, current: { id: 'huyen', name: 'Huyện Nghi Lộc' } };
    expect(unitNameOnDay(dissolved, undefined, words).notes).toEqual(['giải thể từ 2025-07-01']);
    expect(unitNameOnDay(dissolved, undefined, { nowIs: words.nowIs }).notes).toEqual([]);
  });
});
