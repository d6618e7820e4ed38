import { RULE_IDS, RULE_TEXTS, type RuleId } from '#rules';
import { pick, useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { RULE_MESSAGES } from './rule.messages.js';

const isRuleId = (id: string): id is RuleId => (RULE_IDS as readonly string[]).includes(id);

/**
 * The text behind a rule ID, where every finding, deadline and refusal links. The Vietnamese text is the one
 * officials cite; an English reader is shown it too, folded, so a translation is never the only thing quoted.
 */
export default function RulePage({ params }: { params: Record<string, string> }) {
  const t = useT(RULE_MESSAGES);
  const { lang } = useLang();
  const asked = (params.id ?? '').trim();
  const id = asked.toUpperCase();
  const text = isRuleId(id) ? RULE_TEXTS[id] : null;

  return (
    <div className="rule-page">
      {text ? (
        <article className="card rule-text" aria-labelledby="rule-heading" data-testid="rule-text" data-rule={id}>
          <h1 id="rule-heading">
            <span className="rule-id rule-id--big">{id}</span> {pick(lang, text.title, text.titleEn)}
          </h1>
          <h2>{t.summary}</h2>
          <p className="rule-summary">{pick(lang, text.summary, text.summaryEn)}</p>
          <h2>{t.source}</h2>
          <p className="rule-source">{pick(lang, text.source, text.sourceEn)}</p>
          {lang === 'en' && (
            <details lang="vi" className="rule-original">
              <summary lang="en">{t.vietnameseOriginal}</summary>
              <p>
                <strong>{text.title}</strong>
              </p>
              <p>{text.summary}</p>
              <p className="muted">{text.source}</p>
            </details>
          )}
        </article>
      ) : (
        <div className="card">
          <h1>
            <span className="rule-id rule-id--big">{asked || '—'}</span> {t.unknownTitle}
          </h1>
          <p role="alert" data-testid="rule-not-found">
            {t.notFound(asked)}
          </p>
        </div>
      )}

      <nav className="card rule-index" aria-labelledby="rule-index-heading">
        <h2 id="rule-index-heading">{t.allRules}</h2>
        <ul>
          {RULE_IDS.map((rule) => (
            <li key={rule}>
              <Link to={`/rules/${rule}`} aria-current={rule === id ? 'page' : undefined} data-rule={rule}>
                <span className="rule-id">{rule}</span> {pick(lang, RULE_TEXTS[rule].title, RULE_TEXTS[rule].titleEn)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
