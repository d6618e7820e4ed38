import type { HistoryEvent } from '../../api/api-types.js';
import { isDocumentKind } from '../../api/document-types.js';
import { DOCUMENT_KIND_NAMES, EVENT_NAMES, ROLE_NAMES } from '../../i18n/common.messages.js';
import { formatDay, formatDateTime, useLang, useT, type Lang } from '../../i18n/i18n.js';
import { RuleLink } from '../../ui/rule-link.js';
import { historyPhrase, stageName } from './action-names.messages.js';
import { isDeadline, isDecision, isVote, lastDayOf, payloadText, ruleWarnings } from './history-payload.js';
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
  const reason = payloadText(payload, 'reason');
  const note = payloadText(payload, 'note');
  const vote = isVote(payload.vote) ? payload.vote : null;
  const decision = isDecision(payload.decision) ? payload.decision : null;
  const deadline = isDeadline(payload.deadline) ? payload.deadline : null;
  const warnings = ruleWarnings(payload.rules);
  const documentFile = event.type.startsWith('DOCUMENT_') ? payloadText(payload, 'fileName') : null;
  const documentKind = isDocumentKind(payload.kind) ? DOCUMENT_KIND_NAMES[lang][payload.kind] : null;
  // Where it went, said only when the stage changed: an attachment or a reminder leaves it where it was.
  const next = event.state !== from ? stageName(lang, event.state) : null;

  return (
    <li className="history-event process-step" data-seq={event.seq} data-event={event.type} data-state={event.state}>
      <p className="history-head">
        <time dateTime={event.at}>{formatDateTime(event.at)}</time> <strong>{what}</strong>
      </p>
      <p className="muted process-step__who">{actorLine(event, lang)}</p>
      <dl className="history-facts">
        {reason && (
          <>
            <dt>{t.reason}</dt>
            <dd className="history-text">{reason}</dd>
          </>
        )}
        {note && (
          <>
            <dt>{t.note}</dt>
            <dd className="history-text">{note}</dd>
          </>
        )}
        {vote && (
          <>
            <dt>{t.vote}</dt>
            <dd>{t.voteText(vote.members, vote.for, vote.against)}</dd>
          </>
        )}
        {decision && (
          <>
            <dt>{t.decision}</dt>
            <dd>{t.decisionText(decision.number, formatDay(decision.date, lang), decision.signedBy)}</dd>
          </>
        )}
        {documentFile && (
          <>
            <dt>{t.document}</dt>
            <dd className="history-text">{documentKind ? `${documentKind}: ${documentFile}` : documentFile}</dd>
          </>
        )}
        {deadline && (
          <>
            <dt>{t.deadline}</dt>
            <dd>
              {t.deadlineText(formatDay(lastDayOf(deadline.dueAt), lang))} <RuleLink rule={deadline.rule} />
            </dd>
          </>
        )}
        {warnings.length > 0 && (
          <>
            <dt>{t.warnings}</dt>
            <dd>
              {warnings.map((rule, i) => (
                <span key={rule}>
                  {i > 0 && ', '}
                  <RuleLink rule={rule} />
                </span>
              ))}
            </dd>
          </>
        )}
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
