import { ApiError, NetworkError } from '../api/api-error.js';
import { COMMON } from '../i18n/common.messages.js';
import { useLang, useT } from '../i18n/i18n.js';
import { holdsAny, type SessionUser } from '../session/session-token.js';
import { useSession } from '../session/session.js';
import { ERROR_VIEW_MESSAGES, speaksVietnamese } from './error-view.messages.js';
import { FindingsList } from './findings-list.js';

/**
 * A refusal in plain words: what happened and what to do next, one sentence per stable code (the server's
 * message is for developers and logs). A rule refusal lists each rule's own Vietnamese text with a small link to
 * the rule; a bad form lists the items to correct. The code stays on the element (`data-code`) for tests and
 * support, and auditors and administrators may unfold the technical details.
 */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(ERROR_VIEW_MESSAGES);
  const common = useT(COMMON);
  const user = useSignedInUser();
  const { lang } = useLang();
  if (!error) return null;
  if (error instanceof ApiError) {
    const rules = error.code === 'RULE_VIOLATION' && error.violations.length > 0;
    return (
      <div className="error" role="alert" data-code={error.code}>
        <p>{lang === 'vi' && error.errors.length === 0 && speaksVietnamese(error.code, error.message) ? error.message : t.sentence(error.code, error.status)}</p>
        {rules && <FindingsList findings={error.violations} tone="violation" label={t.violations} bare />}
        {error.errors.length > 0 && (
          <ul className="field-problems">
            {error.errors.map((problem, i) => (
              <li key={`${problem.field}:${i}`} data-field={problem.field}>
                {t.field(problem.field)}: {t.problem(problem.message)}
              </li>
            ))}
          </ul>
        )}
        {onRetry && <button onClick={onRetry}>{common.retry}</button>}
        {holdsAny(user, 'auditor', 'admin') && (
          <details className="technical-details">
            <summary>{t.technical}</summary>
            <p>
              {t.code}: <code>{error.code}</code> (HTTP {error.status})
            </p>
            <p>
              {t.serverSaid}: <span lang="en">{error.message}</span>
            </p>
          </details>
        )}
      </div>
    );
  }
  return (
    <div className="error" role="alert" data-code={error instanceof NetworkError ? 'NETWORK' : 'UNEXPECTED'}>
      <p>{error instanceof NetworkError ? common.network : common.unexpected}</p>
      {onRetry && <button onClick={onRetry}>{common.retry}</button>}
    </div>
  );
}

/** The signed-in person, or null where there is no session around (a screen rendered on its own). */
function useSignedInUser(): SessionUser | null {
  try {
    return useSession().user;
  } catch {
    return null;
  }
}
