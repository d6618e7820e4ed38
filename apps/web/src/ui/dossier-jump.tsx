import { createContext, useContext, type MouseEvent } from 'react';
import type { DocumentKind } from '../api/document-types.js';
import { DOCUMENT_KIND_NAMES } from '../i18n/common.messages.js';
import { useLang, useT } from '../i18n/i18n.js';

/** The id of the proposal page's Hồ sơ section, so that `#ho-so` opens the page there. */
export const DOSSIER_ANCHOR = 'ho-so';

/** What the page that has a Hồ sơ section offers: go there, ready to attach a document of that kind. */
export interface DossierJump {
  attach(kind: DocumentKind): void;
}

export const DossierJumpContext = createContext<DossierJump | null>(null);

const MESSAGES = {
  vi: { needs: (kind: string) => `Cần đính kèm ${kind}`, go: 'Đến mục Hồ sơ để đính kèm' },
  en: { needs: (kind: string) => `Attach the ${kind}`, go: 'Go to the dossier to attach it' },
};

/**
 * "Cần đính kèm Báo cáo thành tích", with a link to the Hồ sơ section: how a refusal citing a missing
 * document (HS-1 … HS-4) tells the person what to do. The link preselects the kind where the page can.
 */
export function DocumentNeed({ kind }: { kind: DocumentKind }) {
  const t = useT(MESSAGES);
  const { lang } = useLang();
  const jump = useContext(DossierJumpContext);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!jump) return;
    event.preventDefault();
    jump.attach(kind);
  };
  return (
    <span className="document-need" data-document-kind={kind}>
      <strong>{t.needs(DOCUMENT_KIND_NAMES[lang][kind])}</strong>{' '}
      <a href={`#${DOSSIER_ANCHOR}`} onClick={onClick} data-testid={`attach-${kind}`}>
        {t.go}
      </a>
    </span>
  );
}
