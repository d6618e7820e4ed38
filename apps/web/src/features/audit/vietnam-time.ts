const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Vietnam has kept UTC+7 all year since 1975: no daylight saving to look up. */
const VIETNAM_OFFSET_HOURS = 7;

/**
 * A `datetime-local` value read as Vietnam's wall clock, as the instant the API compares (ISO, UTC). The
 * browser's own zone is ignored on purpose: an auditor abroad still means the province's hours.
 * Null for a value that is not a complete date and time.
 */
export function vietnamLocalToIso(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', ms = '0'] = match;
  const time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - VIETNAM_OFFSET_HOURS, Number(mi), Number(s), Number(ms.padEnd(3, '0')));
  const date = new Date(time);
  // Date.UTC rolls 31/02 over to March; a day that does not exist is refused rather than moved.
  const back = new Date(time + VIETNAM_OFFSET_HOURS * 3_600_000);
  if (back.getUTCFullYear() !== Number(y) || back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d)) return null;
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
