import { localDeadline } from './local-deadline.js';

describe('localDeadline', () => {
  it('writes the end of a day as 24:00 of that day in Vietnam, not 00:00 of the next', () => {
    expect(localDeadline('2026-05-04T17:00:00.000Z')).toEqual({
      vi: '24:00 ngày 04/05/2026',
      en: '24:00 on 04/05/2026 (Vietnam time, UTC+7)',
    });
  });

  it('writes other instants at their local hour, crossing the date line of UTC', () => {
    expect(localDeadline('2026-12-31T18:30:00.000Z').vi).toBe('01:30 ngày 01/01/2027');
    expect(localDeadline('2026-01-01T02:05:00.000Z').vi).toBe('09:05 ngày 01/01/2026');
    expect(localDeadline('2028-02-29T17:00:00.000Z').vi).toBe('24:00 ngày 29/02/2028');
  });

  it('does not depend on the process time zone: it never reads a local-time field of a Date', () => {
    // Jest's process.env is not the real one, so TZ cannot be switched here; instead every accessor that
    // depends on the zone throws while the deadline is written.
    const LOCAL = ['getHours', 'getMinutes', 'getDate', 'getDay', 'getMonth', 'getFullYear', 'getTimezoneOffset', 'toLocaleString', 'toLocaleDateString', 'toString'] as const;
    const saved = LOCAL.map((name) => [name, Date.prototype[name]] as const);
    for (const name of LOCAL) {
      (Date.prototype as unknown as Record<string, unknown>)[name] = () => {
        throw new Error(`local-time accessor ${name} used`);
      };
    }
    try {
      expect(() => new Date(0).getHours()).toThrow('getHours used');
      expect(localDeadline('2026-05-04T17:00:00.000Z').vi).toBe('24:00 ngày 04/05/2026');
    } finally {
      for (const [name, original] of saved) (Date.prototype as unknown as Record<string, unknown>)[name] = original;
    }
  });

  it('refuses what is not an instant', () => {
    expect(() => localDeadline('tomorrow')).toThrow(RangeError);
  });
});
