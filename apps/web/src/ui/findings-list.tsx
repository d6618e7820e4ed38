import type { Finding } from '#rules';
import { pick, useLang } from '../i18n/i18n.js';
import { RuleLink } from './rule-link.js';

/** Rule findings (violations or warnings), each with its rule ID linking to the rule's text. */
export function FindingsList({ findings, tone, label }: { findings: readonly Finding[]; tone: 'violation' | 'warning'; label: string }) {
  const { lang } = useLang();
  if (findings.length === 0) return null;
  return (
    <section className={`findings findings--${tone}`} aria-label={label} role={tone === 'violation' ? 'alert' : undefined}>
      <h3>{label}</h3>
      <ul>
        {findings.map((finding, i) => (
          <li key={`${finding.rule}-${i}`} data-testid={`finding-${finding.rule}`}>
            <RuleLink rule={finding.rule} /> {pick(lang, finding.message, finding.messageEn)}
          </li>
        ))}
      </ul>
    </section>
  );
}
