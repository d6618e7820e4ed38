import type { MouseEvent } from 'react';
import type { ProposalEventType } from '#workflows/proposal';
import type { DocumentKind, DossierRequirement } from '../../api/document-types.js';
import { DOCUMENT_KIND_NAMES, EVENT_NAMES } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { DOSSIER_ANCHOR } from '../../ui/dossier-jump.js';
import { RuleLink } from '../../ui/rule-link.js';
import { DOCUMENTS_MESSAGES } from './documents.messages.js';

/**
 * What is still missing before each of the caller's next steps ("Để Trình cấp tỉnh cần đính kèm: Báo cáo
 * thành tích (HS-1)"), from the server's `dossier.required`; nothing when the dossier has all it needs. Each
 * document leads to the Hồ sơ section, ready to attach that kind; the rule ID to the rule's text (the server's
 * sentence says the same as the line, so it is not repeated).
 */
export function DossierRequirements({ required, onAttach }: { required: readonly DossierRequirement[]; onAttach?(kind: DocumentKind): void }) {
  const t = useT(DOCUMENTS_MESSAGES);
  const { lang } = useLang();
  const missing = required.filter((requirement) => !requirement.present);
  if (missing.length === 0) return null;
  const byEvent = new Map<ProposalEventType, DossierRequirement[]>();
  for (const requirement of missing) byEvent.set(requirement.event, [...(byEvent.get(requirement.event) ?? []), requirement]);

  const attach = (kind: DocumentKind) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onAttach) return;
    event.preventDefault();
    onAttach(kind);
  };

  return (
    <section className="dossier-missing" aria-label={t.missingTitle} data-testid="dossier-missing">
      {[...byEvent].map(([event, needs]) => (
        <div key={event} className="dossier-missing__event" data-event={event}>
          <p className="dossier-missing__lead">{t.missingFor(EVENT_NAMES[lang][event] ?? event)}</p>
          <ul>
            {needs.map((need) => (
              <li key={`${need.rule}:${need.documentKind}`} data-document-kind={need.documentKind} data-rule={need.rule}>
                <a href={`#${DOSSIER_ANCHOR}`} onClick={attach(need.documentKind)} aria-label={t.goAttach(DOCUMENT_KIND_NAMES[lang][need.documentKind])}>
                  {DOCUMENT_KIND_NAMES[lang][need.documentKind] ?? need.documentKind}
                </a>{' '}
                (<RuleLink rule={need.rule} />)
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
