import type { ReactNode } from 'react';
import type { Finding } from '#rules';
import { isDocumentKind, type DocumentFinding } from '../api/document-types.js';
import { pick, useLang } from '../i18n/i18n.js';
import { DocumentNeed } from './dossier-jump.js';
import { plainText } from './plain-codes.js';
import { RuleLink } from './rule-link.js';

const MESSAGES = { vi: { seeRule: 'xem quy định' }, en: { seeRule: 'see rule' } };

export interface FindingsListProps {
  findings: readonly Finding[];
  tone: 'violation' | 'warning';
  label: string;
  /** Inside a refusal that already speaks (ErrorView): the list only, without its own heading and alert. */
  bare?: boolean;
  /** Items of the page's own to list first (the late warning), in `<li>`s. */
  lead?: ReactNode;
  /** Said when there is nothing to list; without it an empty list shows nothing. */
  empty?: string;
}

/**
 * Rule findings (violations or warnings), each in the rule's own words followed by a small link to the rule's
 * text ("xem quy định ND-1"); one that names a missing document (HS-1 … HS-4) also says which, with the way to
 * the Hồ sơ section. Codes a message may carry (`outside_duty`) are put in words (ui/plain-codes.ts).
 */
export function FindingsList({ findings, tone, label, bare = false, lead, empty }: FindingsListProps) {
  const { lang } = useLang();
  const t = MESSAGES[lang];
  if (findings.length === 0 && !lead) {
    if (!empty) return null;
    if (bare) {
      return (
        <p className="muted findings-none" data-testid="findings-none">
          {empty}
        </p>
      );
    }
    return (
      <section className="findings findings--none" aria-label={label} data-testid="findings-none">
        <h3>{label}</h3>
        <p className="muted">{empty}</p>
      </section>
    );
  }
  const list = (
    <ul>
      {lead}
      {findings.map((finding, i) => {
        const kind = (finding as DocumentFinding).documentKind;
        return (
          <li key={`${finding.rule}-${i}`} data-testid={`finding-${finding.rule}`} data-rule={finding.rule}>
            {plainText(pick(lang, finding.message, finding.messageEn), lang)}{' '}
            <small className="finding-rule">
              ({t.seeRule} <RuleLink rule={finding.rule} />)
            </small>
            {isDocumentKind(kind) && (
              <>
                {' '}
                <DocumentNeed kind={kind} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
  if (bare) return <div className={`findings findings--${tone} findings--bare`}>{list}</div>;
  return (
    <section className={`findings findings--${tone}`} aria-label={label} role={tone === 'violation' ? 'alert' : undefined}>
      <h3>{label}</h3>
      {list}
    </section>
  );
}
