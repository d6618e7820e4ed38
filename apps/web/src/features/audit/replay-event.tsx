import type { HistoryEvent } from '../../api/api-types.js';
import { ROLE_NAMES } from '../../i18n/common.messages.js';
import { formatDay, formatDateTime, useLang, useT, type Lang } from '../../i18n/i18n.js';
import { eventName, stateName } from './audit-names.js';
import { asDecision, asMigration, asVote } from './payload-shapes.js';
import { REPLAY_MESSAGES } from './replay.messages.js';

/** The log line at the chosen step, as written: its type, who sent it, when, and what it carried. */
export function ReplayEvent({ event }: { event: HistoryEvent | undefined }) {
  const t = useT(REPLAY_MESSAGES);
  const { lang } = useLang();
  if (!event) {
    return (
      <p className="check check--bad" data-testid="replay-event-missing">
        {t.eventMissing}
      </p>
    );
  }
  const payload = event.payload ?? {};
  const vote = asVote(payload.vote);
  const decision = asDecision(payload.decision);
  const migration = asMigration(payload);
  return (
    <dl className="facts" data-testid="replay-event" data-type={event.type}>
      <div>
        <dt>{t.eventType}</dt>
        <dd>
          <strong>{eventName(lang, event.type)}</strong>
        </dd>
      </div>
      <div>
        <dt>{t.who}</dt>
        <dd>{who(event, lang, t.system)}</dd>
      </div>
      <div>
        <dt>{t.when}</dt>
        <dd>
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
        </dd>
      </div>
      <div>
        <dt>{t.machineVersion}</dt>
        <dd>{event.machineVersion}</dd>
      </div>
      {typeof payload.reason === 'string' && (
        <div>
          <dt>{t.reason}</dt>
          <dd className="quoted">{payload.reason}</dd>
        </div>
      )}
      {typeof payload.note === 'string' && (
        <div>
          <dt>{t.note}</dt>
          <dd className="quoted">{payload.note}</dd>
        </div>
      )}
      {vote && (
        <div>
          <dt>{t.vote}</dt>
          <dd>{t.voteText(vote.members, vote.for, vote.against)}</dd>
        </div>
      )}
      {decision && (
        <div>
          <dt>{t.decision}</dt>
          <dd>{t.decisionText(decision.number, formatDay(decision.date, lang), decision.signedBy)}</dd>
        </div>
      )}
      {migration && (
        <div>
          <dt>{t.migration}</dt>
          <dd>{t.migrated(migration.fromVersion, migration.toVersion)}</dd>
        </div>
      )}
      <div>
        <dt>{t.sealedState}</dt>
        <dd>
          {stateName(lang, event.state)}
        </dd>
      </div>
      <div>
        <dt>{t.hash}</dt>
        <dd>
          <code className="hash">{event.hash}</code>
        </dd>
      </div>
      <div>
        <dt>{t.prevHash}</dt>
        <dd>
          <code className="hash">{event.prevHash}</code>
        </dd>
      </div>
    </dl>
  );
}

function who(event: HistoryEvent, lang: Lang, systemName: string): string {
  const roles = event.actor?.roles ?? [];
  if (roles.includes('system')) return systemName;
  const names = roles.map((role) => (ROLE_NAMES[lang] as Record<string, string>)[role] ?? role).join(', ');
  const person = event.actor?.name ?? event.actor?.id ?? '—';
  return names ? `${person} (${names})` : person;
}
