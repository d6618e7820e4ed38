import type { ProposalState } from '#workflows/proposal';
import type { HistoryEvent } from '../../api/api-types.js';
import { EVENT_NAMES, ROLE_NAMES, STATE_NAMES } from '../../i18n/common.messages.js';
import { formatDay, formatDateTime, useLang, useT } from '../../i18n/i18n.js';
import { RuleLink } from '../../ui/rule-link.js';
import { EventFacts } from './event-facts.js';
import { HISTORY_MESSAGES } from './history-timeline.messages.js';
import { isDeadline, isMigrated, lastDayOf } from './history-payload.js';

const SHORT_HASH = 12;

/**
 * The proposal's log, oldest first, as an inspector reads it: who did what and when (Vietnam's time, whatever
 * the browser's zone), what they said, where it left the proposal, and each event's hash beside the previous
 * one so the chain can be compared with an export.
 */
export function HistoryTimeline({ events }: { events: readonly HistoryEvent[] }) {
  const t = useT(HISTORY_MESSAGES);
  if (events.length === 0) return <p className="muted">{t.empty}</p>;
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <ol className="history" aria-label={t.title}>
      {ordered.map((event) => (
        <HistoryItem key={event.seq} event={event} />
      ))}
    </ol>
  );
}

function HistoryItem({ event }: { event: HistoryEvent }) {
  const t = useT(HISTORY_MESSAGES);
  const { lang } = useLang();
  const payload = event.payload ?? {};
  const name = (EVENT_NAMES[lang] as Record<string, string>)[event.type] ?? event.type;
  const state = (STATE_NAMES[lang] as Record<string, string>)[event.state] ?? event.state;
  const roles = event.actor.roles.map((role) => (role === 'system' ? t.system : (ROLE_NAMES[lang][role] ?? role))).join(', ');
  const who = event.actor.name ?? event.actor.id;
  const migrated = event.type === 'MIGRATED' && isMigrated(payload) ? payload : null;
  const deadline = isDeadline(payload.deadline) ? payload.deadline : null;

  return (
    <li className="history-event" data-seq={event.seq} data-event={event.type}>
      <p className="history-head">
        <span className="history-seq" title={t.seq}>
          #{event.seq}
        </span>{' '}
        <strong>{name}</strong> <span className="badge badge--state" data-state={event.state as ProposalState}>{state}</span>
      </p>
      <dl className="history-facts">
        <dt>{t.who}</dt>
        <dd>
          {who}
          {roles && <span className="muted"> · {roles}</span>}
        </dd>
        <dt>{t.when}</dt>
        <dd>
          <time dateTime={event.at}>{formatDateTime(event.at)}</time> <span className="muted">· {t.machineVersion(event.machineVersion)}</span>
        </dd>
        <EventFacts event={event}>
          {migrated && (
            <>
              <dt>{t.migrated}</dt>
              <dd>{t.migratedText(migrated.fromVersion, migrated.toVersion)}</dd>
            </>
          )}
          {deadline && (
            <>
              <dt>{t.deadline}</dt>
              <dd>
                <RuleLink rule={deadline.rule} /> {formatDay(lastDayOf(deadline.dueAt), lang)}
              </dd>
            </>
          )}
        </EventFacts>
        <dt>{t.stateAfter}</dt>
        <dd>{state}</dd>
        <dt>{t.hash}</dt>
        <dd>
          <code className="hash" title={event.hash} data-hash={event.hash}>
            {short(event.hash)}
          </code>
        </dd>
        <dt>{t.prevHash}</dt>
        <dd>
          <code className="hash" title={event.prevHash} data-hash={event.prevHash}>
            {short(event.prevHash)}
          </code>
        </dd>
      </dl>
    </li>
  );
}

const short = (hash: string) => (hash && hash.length > SHORT_HASH ? `${hash.slice(0, SHORT_HASH)}…` : hash || '—');
