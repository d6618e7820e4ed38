import type { Deadline } from '#calendar';
import { withQuery } from '../../api/api-client.js';
import type { ProposalDeadline } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { DeadlineCountdown } from '../../calendar/deadline-countdown.js';
import { useCalendarYears } from '../../calendar/use-calendar-years.js';
import { indexYears, localToday, workingDaysLeft, yearsBetween } from '../../calendar/working-days.js';
import { useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { MESSAGES } from './deadline-preview.messages.js';
import { useDebouncedValue } from './use-debounced-value.js';

export type DeadlineQuery = { rule: 'DX-4'; from: string; recognizedAt?: string } | { rule: 'TH-5'; ceremony: string };

/** The server's answer for a query: `query` null while the date is missing or not a real day. */
export interface DeadlinePreviewState {
  query: DeadlineQuery | null;
  deadline: Deadline | null;
  error: unknown;
}

/**
 * The deadline a date would give, as the server computes it (GET /api/calendar/deadline): the working-day
 * calendar, holidays and official schedules are the server's, so the console never counts a deadline itself.
 */
export function useDeadlinePreview(query: DeadlineQuery | null): DeadlinePreviewState {
  const api = useApi();
  const path = useDebouncedValue(query ? withQuery('/api/calendar/deadline', query) : '', 250);
  const { data, error } = useResource<Deadline | null>(
    (signal) => (path ? api.get<Deadline>(path, undefined, signal) : Promise.resolve(null)),
    path,
  );
  // A debounced answer for an older date is not shown as the current one.
  const current = !!query && path === withQuery('/api/calendar/deadline', query);
  return { query, deadline: current ? (data ?? null) : null, error: current ? error : null };
}

/**
 * Whether a proposal saved today would already be late: its deadline has passed, so whatever meets it
 * (SUBMIT or FORWARD, docs/rules.md DX-4 and TH-5) will be marked late. `workingDays` is how many working
 * days overdue it is today, on the server's calendar (null while the calendar loads, or 0 when today is a
 * day off just after the last day).
 */
export interface Lateness {
  late: boolean;
  workingDays: number | null;
}

export function useLateness(deadline: Pick<ProposalDeadline, 'dueDate'> | null | undefined, today: string = localToday()): Lateness {
  const late = !!deadline && today > deadline.dueDate;
  const years = useCalendarYears(late && deadline ? yearsBetween(today, deadline.dueDate) : []);
  if (!late || !deadline) return { late: false, workingDays: null };
  const left = years ? workingDaysLeft(today, deadline.dueDate, indexYears(years)) : null;
  return { late: true, workingDays: left === null ? null : -left };
}

/** The preview as the form shows it, from a {@link useDeadlinePreview} state the form also reads. */
export function DeadlinePreviewView({ id, label, state }: { id: string; label: string; state: DeadlinePreviewState }) {
  const t = useT(MESSAGES);
  const { query, deadline: data, error } = state;
  let body;
  if (!query) body = <span className="muted">{t.waiting}</span>;
  else if (error) body = <span className="muted">{t.failed}</span>;
  else if (data) {
    body = <DeadlineCountdown deadline={{ rule: data.rule, dueDate: data.dueDate, dueAt: data.dueAt, provisional: data.provisional }} />;
  } else body = <span className="muted">{t.computing}</span>;
  return (
    <section className="deadline-preview" aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>{label}</h3>
      <p aria-live="polite">{body}</p>
    </section>
  );
}

/** The preview on its own (the campaign form's TH-5), asking the server as the date is typed. */
export function DeadlinePreview({ id, label, query }: { id: string; label: string; query: DeadlineQuery | null }) {
  const state = useDeadlinePreview(query);
  return <DeadlinePreviewView id={id} label={label} state={state} />;
}
