import type { HistoryEvent } from '../../api/api-types.js';
import { EVENT_NAMES, ROLE_NAMES } from '../../i18n/common.messages.js';
import { formatDay, formatDateTime, useLang, useT, type Lang } from '../../i18n/i18n.js';
import { RuleLink } from '../../ui/rule-link.js';
import { historyPhrase, stageName } from './action-names.messages.js';
import { EventFacts } from './event-facts.js';
import { isDeadline, lastDayOf } from './history-payload.js';
import { PROCESS_HISTORY_MESSAGES } from './process-history.messages.js';

/**
 * "Quá trình xử lý": the proposal's log told as officials tell it, oldest first: when, who in which capacity,
 * what they did in the words of the law, what they wrote, and where the proposal went next. The hashes, the
 * sequence numbers and the workflow versions are the inspector's and stay in the audit tab.
 */
export function ProcessHistory({ events }: { events: readonly HistoryEvent[] }) {
  const t = useT(PROCESS_HISTORY_MESSAGES);
  const { lang } = useLang();
  if (events.length === 0) return <p className="muted">{t.empty}</p>;
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <ol className="history process-history" aria-label={t.title}>
      {ordered.map((event, i) => (
        <ProcessStep key={event.seq} event={event} from={i > 0 ? ordered[i - 1]!.state : null} lang={lang} />
      ))}
    </ol>
  );
}

/** Who acted: their name, and the capacity they acted in; the system is named as such, never by an ID. */
export function actorLine(event: Pick<HistoryEvent, 'actor'>, lang: Lang): string {
  const t = PROCESS_HISTORY_MESSAGES[lang];
  const roles = event.actor.roles.filter((role) => role !== 'system');
  if (roles.length < event.actor.roles.length) return t.system;
  const capacity = roles.map((role) => (ROLE_NAMES[lang] as Record<string, string>)[role]).filter(Boolean).join(', ');
  // A token without a name carries only an ID, which means nothing to a reader: the capacity alone then.
  const name = event.actor.name && event.actor.name !== event.actor.id ? event.actor.name : null;
  return [name, capacity].filter(Boolean).join(' · ');
}

function ProcessStep({ event, from, lang }: { event: HistoryEvent; from: string | null; lang: Lang }) {
  const t = useT(PROCESS_HISTORY_MESSAGES);
  const payload = event.payload ?? {};
  const what = historyPhrase(lang, event.type, from, event.actor.roles) ?? (EVENT_NAMES[lang] as Record<string, string>)[event.type] ?? event.type;
  const deadline = isDeadline(payload.deadline) ? payload.deadline : null;
  // Where it went, said only when the stage changed: an attachment or a reminder leaves it where it was.
  const next = event.state !== from ? stageName(lang, event.state) : null;

  return (
    <li className="history-event process-step" data-seq={event.seq} data-event={event.type} data-state={event.state}>
      <p className="history-head">
        <time dateTime={event.at}>{formatDateTime(event.at)}</time> <strong>{what}</strong>
      </p>
      <p className="muted process-step__who">{actorLine(event, lang)}</p>
      <dl className="history-facts">
        <EventFacts event={event}>
          {deadline && (
            <>
              <dt>{t.deadline}</dt>
              <dd>
                {t.deadlineText(formatDay(lastDayOf(deadline.dueAt), lang))} <RuleLink rule={deadline.rule} />
              </dd>
            </>
          )}
        </EventFacts>
        {next && (
          <>
            <dt>{t.next}</dt>
            <dd>{next}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
