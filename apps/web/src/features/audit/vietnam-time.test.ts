import { describe, expect, it } from 'vitest';
import { vietnamLocalToIso } from './vietnam-time.js';

describe('vietnamLocalToIso', () => {
  it('reads the wall clock as UTC+7, across midnight and the new year', () => {
    expect(vietnamLocalToIso('2026-05-04T10:00')).toBe('2026-05-04T03:00:00.000Z');
    expect(vietnamLocalToIso('2026-05-04T06:30')).toBe('2026-05-03T23:30:00.000Z');
    expect(vietnamLocalToIso('2027-01-01T00:00:15')).toBe('2026-12-31T17:00:15.000Z');
  });

  it('refuses what is not a whole date and time, or a day that does not exist', () => {
    expect(vietnamLocalToIso('')).toBeNull();
    expect(vietnamLocalToIso('2026-05-04')).toBeNull();
    expect(vietnamLocalToIso('2026-02-30T08:00')).toBeNull();
  });
});
