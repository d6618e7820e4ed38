import type { Finding } from '#rules';
import { useT } from '../../i18n/i18n.js';
import { FindingItem } from '../../ui/findings-list.js';
import { BLOCKER_MESSAGES } from './blockers.messages.js';

/**
 * What ND-1 would refuse at the proposal's next step today (GET /api/proposals/:id `blockers`), in the colours of
 * a refusal, above the action buttons: the council, Sở Nội vụ and the chairman learn of an open matter before
 * they press a button, not from its refusal. The buttons stay: the server judges the step again when it is sent.
 */
export function BlockerList({ blockers }: { blockers: readonly Finding[] | undefined }) {
  const t = useT(BLOCKER_MESSAGES);
  if (!blockers || blockers.length === 0) return null;
  return (
    <div className="findings findings--violation findings--bare proposal-blockers" role="note" aria-label={t.label} data-testid="blockers">
      <ul>
        {blockers.map((blocker, i) => (
          <FindingItem key={`${blocker.rule}-${i}`} finding={blocker} lead={t.lead} className="blocker-note" data-testid="blocker" />
        ))}
      </ul>
      <p className="muted blocker-hint">{t.hint}</p>
    </div>
  );
}
