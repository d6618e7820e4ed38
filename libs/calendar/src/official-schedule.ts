import { DomainError, hasVisibleText } from '#kernel';
import { parseIsoDate, weekdayOf, type IsoDate } from './iso-date.js';

/**
 * A year's official schedule of days off for civil servants, as announced (Prime Minister's decision,
 * Government Office or Ministry notices). It is data: it lives in `schedules/*.schedule.json`, or arrives through
 * `PUT /api/calendar/:year`, and every entry says where it comes from.
 */

/** Kinds of day off. */
export const DAY_OFF_KINDS = ['holiday', 'compensatory', 'swapped'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];
export const ENTRY_KINDS = [...DAY_OFF_KINDS, 'working_saturday'] as const;
/**
 * - `holiday`: a public holiday of Labour Code 2019 Art. 112 (or one added by law later), on its day even when that
 *   day is a weekend day;
 * - `compensatory`: a weekday off because a holiday fell on a weekly rest day;
 * - `swapped`: a weekday off in exchange for a Saturday worked (`swappedWith`);
 * - `working_saturday`: a Saturday that is a working day (the other side of a swap).
 */
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface ScheduleEntry {
  date: IsoDate;
  kind: EntryKind;
  /** Vietnamese name, as announced. */
  name: string;
  nameEn?: string;
  /** Where this entry comes from; defaults to the schedule's `source`. */
  source?: string;
  /** For a `swapped` day: the working Saturday it was exchanged for. */
  swappedWith?: IsoDate;
}

export interface OfficialSchedule {
  year: number;
  /** The documents the whole schedule rests on. */
  source: string;
  entries: ScheduleEntry[];
}

/** A schedule after validation: entries sorted by date, each with its own `source`. */
export interface ValidatedSchedule extends OfficialSchedule {
  entries: (ScheduleEntry & { source: string })[];
}

export interface ScheduleProblem {
  /** Where in the input, e.g. `entries[3].date`. */
  path: string;
  message: string;
}

export const SCHEDULE_YEAR_RANGE = { from: 1900, to: 2199 } as const;

const SCHEDULE_KEYS = new Set(['year', 'source', 'entries']);
const ENTRY_KEYS = new Set(['date', 'kind', 'name', 'nameEn', 'source', 'swappedWith']);
const SATURDAY = 6;
const SUNDAY = 0;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => hasVisibleText(v);

/**
 * Checks a schedule and reports every problem at once, so that whoever types one in fixes them in one go.
 * Returns the normalised schedule when there is none.
 */
export function checkOfficialSchedule(
  input: unknown,
): { ok: true; schedule: ValidatedSchedule } | { ok: false; problems: ScheduleProblem[] } {
  const problems: ScheduleProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  if (!isRecord(input)) return { ok: false, problems: [{ path: '', message: 'a schedule must be an object {year, source, entries}' }] };
  for (const key of Object.keys(input)) if (!SCHEDULE_KEYS.has(key)) problem(key, `unknown field "${key}"`);

  const { year, source, entries } = input;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= SCHEDULE_YEAR_RANGE.from && year <= SCHEDULE_YEAR_RANGE.to;
  if (!yearOk) problem('year', `year must be an integer from ${SCHEDULE_YEAR_RANGE.from} to ${SCHEDULE_YEAR_RANGE.to}`);
  if (!isText(source)) problem('source', 'source must name the documents the schedule comes from');
  if (!Array.isArray(entries)) {
    problem('entries', 'entries must be an array');
    return { ok: false, problems };
  }
  if (entries.length === 0) problem('entries', 'an official schedule lists at least one day');

  const valid: (ScheduleEntry & { source: string })[] = [];
  const firstIndexOfDate = new Map<string, number>();
  entries.forEach((raw, i) => {
    const at = `entries[${i}]`;
    if (!isRecord(raw)) return problem(at, 'an entry must be an object {date, kind, name, source?}');
    const before = problems.length;
    for (const key of Object.keys(raw)) if (!ENTRY_KEYS.has(key)) problem(`${at}.${key}`, `unknown field "${key}"`);
    const { date, kind, name, nameEn, source: entrySource, swappedWith } = raw;

    const day = parseIsoDate(date);
    if (day === undefined) {
      problem(`${at}.date`, `${JSON.stringify(date)} is not a date YYYY-MM-DD`);
    } else {
      if (yearOk && (date as string).slice(0, 4) !== String(year)) problem(`${at}.date`, `${date} is outside the year ${year}`);
      const seen = firstIndexOfDate.get(date as string);
      if (seen !== undefined) problem(`${at}.date`, `${date} is listed twice (also entries[${seen}])`);
      else firstIndexOfDate.set(date as string, i);
    }
    if (!(ENTRY_KINDS as readonly unknown[]).includes(kind)) {
      problem(`${at}.kind`, `kind must be one of ${ENTRY_KINDS.join(', ')}, not ${JSON.stringify(kind)}`);
    } else if (day !== undefined) {
      const weekday = weekdayOf(day);
      if (kind === 'working_saturday' && weekday !== SATURDAY) problem(`${at}.date`, `${date} is not a Saturday, so it cannot be a working Saturday`);
      if ((kind === 'compensatory' || kind === 'swapped') && (weekday === SATURDAY || weekday === SUNDAY)) {
        problem(`${at}.date`, `${date} is a weekend day: a ${kind} day off must be a weekday`);
      }
    }
    if (!isText(name)) problem(`${at}.name`, 'name is required');
    if (nameEn !== undefined && !isText(nameEn)) problem(`${at}.nameEn`, 'nameEn, when given, must be a non-empty string');
    if (entrySource !== undefined && !isText(entrySource)) problem(`${at}.source`, 'source, when given, must be a non-empty string');
    if (swappedWith !== undefined) {
      const partner = parseIsoDate(swappedWith);
      if (kind !== 'swapped') problem(`${at}.swappedWith`, 'only a swapped day names the Saturday it was swapped with');
      else if (partner === undefined) problem(`${at}.swappedWith`, `${JSON.stringify(swappedWith)} is not a date YYYY-MM-DD`);
      else if (weekdayOf(partner) !== SATURDAY) problem(`${at}.swappedWith`, `${swappedWith} is not a Saturday`);
    }
    if (problems.length === before) {
      valid.push({
        date: date as IsoDate,
        kind: kind as EntryKind,
        name: (name as string).trim(),
        ...(nameEn !== undefined && { nameEn: (nameEn as string).trim() }),
        source: isText(entrySource) ? entrySource.trim() : isText(source) ? source.trim() : '',
        ...(swappedWith !== undefined && { swappedWith: swappedWith as IsoDate }),
      });
    }
  });

  // A swap inside the year must point at a working Saturday of this schedule, and each Saturday pays for one day.
  const workingSaturdays = new Set(valid.filter((e) => e.kind === 'working_saturday').map((e) => e.date));
  const claimed = new Map<string, IsoDate>();
  for (const entry of valid) {
    if (entry.kind !== 'swapped' || entry.swappedWith === undefined) continue;
    const at = `entries[${firstIndexOfDate.get(entry.date)}].swappedWith`;
    if (yearOk && entry.swappedWith.slice(0, 4) === String(year) && !workingSaturdays.has(entry.swappedWith)) {
      problem(at, `${entry.swappedWith} is not listed as a working_saturday in this schedule`);
    }
    const other = claimed.get(entry.swappedWith);
    if (other) problem(at, `${entry.swappedWith} is already the swap for ${other}`);
    else claimed.set(entry.swappedWith, entry.date);
  }

  if (problems.length > 0) return { ok: false, problems };
  valid.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ok: true, schedule: { year: year as number, source: (source as string).trim(), entries: valid } };
}

/**
 * Validates a schedule (from a data file, or a `PUT /api/calendar/:year` body) and returns it normalised; throws a
 * `VALIDATION_FAILED` DomainError whose `details.problems` lists every problem found.
 */
export function parseOfficialSchedule(input: unknown): ValidatedSchedule {
  const result = checkOfficialSchedule(input);
  if (result.ok) return result.schedule;
  const lines = result.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  throw new DomainError('VALIDATION_FAILED', `official schedule rejected (${lines.length} problem${lines.length > 1 ? 's' : ''}): ${lines.join('; ')}`, {
    problems: result.problems,
    // The same problems in the shape every refusal of bad input has, so a client reads one shape.
    errors: result.problems.map((p) => ({ field: p.path || 'body', message: p.message })),
  });
}
