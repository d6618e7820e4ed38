import { useState } from 'react';
import type { Deadline } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { COMMON } from '../../i18n/common.messages.js';
import { formatDay, pick, useLang, useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { RuleLink } from '../../ui/rule-link.js';
import { DEADLINE_EXPLANATION_MESSAGES } from './deadline-explanation.messages.js';

export type DeadlineQuery = { rule: 'DX-4'; from: string; recognizedAt?: string } | { rule: 'TH-5'; ceremony: string };

/**
 * The question to ask GET /api/calendar/deadline for this proposal: DX-4 from the achievement (or its
 * recognition), TH-5 back from the campaign's ceremony. Null when a TH-5 proposal has no ceremony to count from.
 */
export function deadlineQuery(
  proposal: { kind: string; deadline: { rule: 'DX-4' | 'TH-5' } | null; achievement: { date: string; recognizedAt?: string } },
  ceremonyDate: string | null | undefined,
): DeadlineQuery | null {
  const rule = proposal.deadline?.rule ?? (proposal.kind === 'extraordinary' ? 'DX-4' : 'TH-5');
  if (rule === 'DX-4') {
    return proposal.achievement.recognizedAt
      ? { rule, from: proposal.achievement.date, recognizedAt: proposal.achievement.recognizedAt }
      : { rule, from: proposal.achievement.date };
  }
  return ceremonyDate ? { rule, ceremony: ceremonyDate } : null;
}

/**
 * "How it was computed", folded away until asked for: the server counts the deadline again and says which
 * day it started from, which days it counted, which it passed over and why, and which years' calendars it
 * read (a year without an official schedule is provisional).
 */
export function DeadlineExplanation({ query }: { query: DeadlineQuery | null }) {
  const t = useT(DEADLINE_EXPLANATION_MESSAGES);
  const [open, setOpen] = useState(false);
  return (
    <details className="deadline-explanation" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t.summary}</summary>
      {open && (query ? <DeadlineComputationView query={query} /> : <p className="muted">{t.cannot}</p>)}
    </details>
  );
}

function DeadlineComputationView({ query }: { query: DeadlineQuery }) {
  const api = useApi();
  const t = useT(DEADLINE_EXPLANATION_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const result = useResource((signal) => api.get<Deadline>('/api/calendar/deadline', { ...query }, signal), JSON.stringify(query));
  if (result.error) return <ErrorView error={result.error} onRetry={result.reload} />;
  if (!result.data) return <p aria-busy="true">{common.loading}</p>;
  const deadline = result.data;
  const { computation } = deadline;
  const day = (iso: string) => formatDay(iso, lang);
  return (
    <div className="deadline-computation" data-rule={deadline.rule}>
      <dl className="facts">
        <dt>{t.start}</dt>
        <dd data-testid="deadline-start">
          {day(computation.start.date)} — {t.basis(computation.start.basis)}
        </dd>
        <dt>{t.due}</dt>
        <dd>
          <RuleLink rule={deadline.rule} /> {day(deadline.dueDate)} <span className="muted">{t.endOfDay}</span>
          {deadline.provisional && (
            <>
              {' '}
              <span className="badge badge--provisional">{common.provisional}</span>
            </>
          )}
        </dd>
      </dl>

      <h3>{t.counted(computation.countedDays.length)}</h3>
      <ol className="day-list">
        {computation.countedDays.map((date) => (
          <li key={date}>
            <time dateTime={date}>{day(date)}</time>
          </li>
        ))}
      </ol>

      <h3>{t.skipped(computation.skippedDays.length)}</h3>
      {computation.skippedDays.length === 0 ? (
        <p className="muted">{t.noneSkipped}</p>
      ) : (
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{t.date}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.name}</th>
            </tr>
          </thead>
          <tbody>
            {computation.skippedDays.map((skipped) => (
              <tr key={skipped.date} data-date={skipped.date}>
                <td data-label={t.date}>
                  <time dateTime={skipped.date}>
                    {t.weekday(skipped.weekday)} {day(skipped.date)}
                  </time>
                </td>
                <td data-label={t.kind}>{t.status(skipped.status)}</td>
                <td data-label={t.name}>{pick(lang, skipped.name, skipped.nameEn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t.years}</h3>
      <ul className="inline-list">
        {computation.years.map((year) => (
          <li key={year.year} data-year={year.year} data-provisional={year.provisional}>
            {year.year}{' '}
            {year.provisional ? <span className="badge badge--provisional">{common.provisional}</span> : <span className="muted">({t.official})</span>}
          </li>
        ))}
      </ul>

      {/* The server's own sentences are English (kept as logged): shown to English readers only; the lists above
          say the same in Vietnamese. */}
      {lang === 'en' && (
        <>
          <h3>{t.explanation}</h3>
          <ul className="deadline-sentences" lang="en">
            {computation.explanation.map((sentence, i) => (
              <li key={i}>{sentence}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
