import type { Finding } from '#rules';
import { pick, useLang, useT } from '../../i18n/i18n.js';
import { plainText } from '../../ui/plain-codes.js';
import { RuleLink } from '../../ui/rule-link.js';
import { BLOCKER_MESSAGES } from './blockers.messages.js';

/**
 * What ND-1 would refuse at the proposal's next step today (GET /api/proposals/:id `blockers`), in the colours of
 * a refusal, above the action buttons: the council, Sở Nội vụ and the chairman learn of an open matter before
 * they press a button, not from its refusal. The buttons stay: the server judges the step again when it is sent.
 */
export function BlockerList({ blockers }: { blockers: readonly Finding[] | undefined }) {
  const t = useT(BLOCKER_MESSAGES);
  const { lang } = useLang();
  if (!blockers || blockers.length === 0) return null;
  return (
    <div className="findings findings--violation findings--bare proposal-blockers" role="note" aria-label={t.label} data-testid="blockers">
      <ul>
        {blockers.map((blocker, i) => (
          <li key={`${blocker.rule}-${i}`} className="blocker-note" data-testid="blocker" data-rule={blocker.rule}>
            <strong>{t.lead}</strong> {plainText(pick(lang, blocker.message, blocker.messageEn), lang)}{' '}
            <small className="finding-rule">
              ({t.seeRule} <RuleLink rule={blocker.rule} />)
            </small>
          </li>
        ))}
      </ul>
      <p className="muted blocker-hint">{t.hint}</p>
    </div>
  );
}
