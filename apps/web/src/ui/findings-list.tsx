import type { Finding } from '#rules';
import { isDocumentKind, type DocumentFinding } from '../api/document-types.js';
import { pick, useLang } from '../i18n/i18n.js';
import { DocumentNeed } from './dossier-jump.js';
import { RuleLink } from './rule-link.js';

/**
 * Rule findings (violations or warnings), each with its rule ID linking to the rule's text; one that names a
 * missing document (HS-1 … HS-4) also says which, with the way to the Hồ sơ section.
 */
export function FindingsList({ findings, tone, label }: { findings: readonly Finding[]; tone: 'violation' | 'warning'; label: string }) {
  const { lang } = useLang();
  if (findings.length === 0) return null;
  return (
    <section className={`findings findings--${tone}`} aria-label={label} role={tone === 'violation' ? 'alert' : undefined}>
      <h3>{label}</h3>
      <ul>
        {findings.map((finding, i) => {
          const kind = (finding as DocumentFinding).documentKind;
          return (
            <li key={`${finding.rule}-${i}`} data-testid={`finding-${finding.rule}`}>
              <RuleLink rule={finding.rule} /> {pick(lang, finding.message, finding.messageEn)}
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
    </section>
  );
}
