import type { ReactNode } from 'react';
import type { HistoryEvent } from '../../api/api-types.js';
import { isDocumentKind } from '../../api/document-types.js';
import { DOCUMENT_KIND_NAMES } from '../../i18n/common.messages.js';
import { formatDay, useLang, useT } from '../../i18n/i18n.js';
import { RuleLink } from '../../ui/rule-link.js';
import { EVENT_FACTS_MESSAGES } from './event-facts.messages.js';
import { isDecision, isVote, payloadText, ruleWarnings } from './history-payload.js';

/**
 * What an event carried, as <dt>/<dd> pairs inside the caller's <dl>: the reason and note written, the vote,
 * the decision, the document attached or removed, then `children` (the facts each view words its own way,
 * such as the deadline), then the rule warnings. A fact the event did not carry is left out.
 */
export function EventFacts({ event, children }: { event: HistoryEvent; children?: ReactNode }) {
  const t = useT(EVENT_FACTS_MESSAGES);
  const { lang } = useLang();
  const payload = event.payload ?? {};
  const reason = payloadText(payload, 'reason');
  const note = payloadText(payload, 'note');
  const vote = isVote(payload.vote) ? payload.vote : null;
  const decision = isDecision(payload.decision) ? payload.decision : null;
  const warnings = ruleWarnings(payload.rules);
  // DOCUMENT_ATTACHED / DOCUMENT_REMOVED: which document, in words and by its file name (not its hash).
  const documentFile = event.type.startsWith('DOCUMENT_') ? payloadText(payload, 'fileName') : null;
  const documentKind = isDocumentKind(payload.kind) ? DOCUMENT_KIND_NAMES[lang][payload.kind] : null;

  return (
    <>
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
      {children}
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
    </>
  );
}
