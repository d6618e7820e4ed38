import { describe, expect, it } from 'vitest';
import { formatDateTime } from './i18n.js';

describe('formatDateTime: every instant on screen', () => {
  it('writes dd/mm/yyyy HH:mm in Vietnam time, whatever the zone of the instant given', () => {
    expect(formatDateTime('2026-12-06T18:11:46.000Z')).toBe('07/12/2026 01:11');
    expect(formatDateTime('2026-12-31T17:00:15.000Z')).toBe('01/01/2027 00:00');
    expect(formatDateTime('2026-05-04T10:05:00+07:00')).toBe('04/05/2026 10:05');
  });

  it('shows a dash for nothing or for what is not an instant', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});
