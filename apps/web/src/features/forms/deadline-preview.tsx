import type { Deadline } from '#calendar';
import { withQuery } from '../../api/api-client.js';
import { useResource } from '../../api/use-resource.js';
import { DeadlineCountdown } from '../../calendar/deadline-countdown.js';
import { useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { MESSAGES } from './deadline-preview.messages.js';
import { useDebouncedValue } from './use-debounced-value.js';

export type DeadlineQuery = { rule: 'DX-4'; from: string; recognizedAt?: string } | { rule: 'TH-5'; ceremony: string };

/**
 * The deadline a date would give, as the server computes it (GET /api/calendar/deadline): the working-day
 * calendar, holidays and official schedules are the server's, so the console never counts a deadline itself.
 * `query` is null while the date is missing or not a real day.
 */
export function DeadlinePreview({ id, label, query }: { id: string; label: string; query: DeadlineQuery | null }) {
  const t = useT(MESSAGES);
  const api = useApi();
  const path = useDebouncedValue(query ? withQuery('/api/calendar/deadline', query) : '', 250);
  const { data, error } = useResource<Deadline | null>(
    (signal) => (path ? api.get<Deadline>(path, undefined, signal) : Promise.resolve(null)),
    path,
  );
  let body;
  if (!query) body = <span className="muted">{t.waiting}</span>;
  else if (error) body = <span className="muted">{t.failed(error instanceof Error ? error.message : String(error))}</span>;
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
