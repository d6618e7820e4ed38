// Test support for tz-independence.spec.ts: a digest of many calendar answers (2,000 deadlines over 1990–2090,
// a century of lunar new years and calendar years). The same digest under every TZ means nothing in the
// calendar reads the process time zone.
// Usage: TZ=… node tz-fingerprint.mjs <path of the calendar's index.js>
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export function fingerprint(lib) {
  const calendar = lib.createWorkingCalendar();
  const hash = createHash('sha256');
  let seed = 20260422;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const from = lib.daysFromCivil(1990, 1, 1);
  const to = lib.daysFromCivil(2090, 1, 1);
  for (let i = 0; i < 2000; i++) {
    const date = lib.fromDayNumber(from + Math.floor(random() * (to - from)));
    const d = i % 2 === 0 ? lib.dx4Deadline({ achievementDate: date }, calendar) : lib.th5Deadline(date, calendar);
    hash.update(`${d.rule} ${date} ${d.dueDate} ${d.dueAt} ${d.provisional} ${d.computation.explanation.join('|')}\n`);
  }
  for (let year = 1990; year <= 2090; year++) {
    hash.update(`${lib.lunarNewYear(year)} ${JSON.stringify(lib.solarToLunar(`${year}-06-15`))} ${JSON.stringify(calendar.yearOf(year))}\n`);
  }
  hash.update(lib.localDateOf(new Date('2026-01-01T17:30:00Z')));
  return {
    digest: hash.digest('hex'),
    sample: lib.dx4Deadline({ achievementDate: '2026-04-22' }, calendar).dueAt,
    localDate: lib.localDateOf(new Date('2026-01-01T17:30:00Z')),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lib = await import(pathToFileURL(process.argv[2]).href);
  // The offset shows that the TZ really took effect in this process.
  console.log(JSON.stringify({ tz: process.env.TZ, offsetMinutes: new Date(2026, 0, 1).getTimezoneOffset(), ...fingerprint(lib) }));
}
