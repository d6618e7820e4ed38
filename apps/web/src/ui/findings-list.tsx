import type { ReactNode } from 'react';
import type { Finding } from '#rules';
import { isDocumentKind, type DocumentFinding } from '../api/document-types.js';
import { pick, useLang } from '../i18n/i18n.js';
import { DocumentNeed } from './dossier-jump.js';
import { RuleLink } from './rule-link.js';

/** The one way a finding points at its rule, in every list of findings (this one, the proposal's blockers). */
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
 * the Hồ sơ section. The rulebook writes its messages in words for officials (libs/rules), so they are shown as
 * they are.
 */
export function FindingsList({ findings, tone, label, bare = false, lead, empty }: FindingsListProps) {
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
      {findings.map((finding, i) => (
        <FindingItem key={`${finding.rule}-${i}`} finding={finding} data-testid={`finding-${finding.rule}`} />
      ))}
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

export interface FindingItemProps {
  finding: Finding;
  /** Said in bold before the finding's words ("Chưa thể khen thưởng:"). */
  lead?: string;
  className?: string;
  'data-testid'?: string;
}

/**
 * One finding in the rule's own words, in the console's language, then the small link to the rule's text and,
 * for a missing document (HS-1 … HS-4), the way to the Hồ sơ section.
 */
export function FindingItem({ finding, lead, className, 'data-testid': testId }: FindingItemProps) {
  const { lang } = useLang();
  const t = MESSAGES[lang];
  const kind = (finding as DocumentFinding).documentKind;
  return (
    <li className={className} data-testid={testId} data-rule={finding.rule}>
      {lead && (
        <>
          <strong>{lead}</strong>{' '}
        </>
      )}
      {pick(lang, finding.message, finding.messageEn)}{' '}
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
}
