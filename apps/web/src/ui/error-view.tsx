import { ApiError, NetworkError } from '../api/api-error.js';
import { COMMON } from '../i18n/common.messages.js';
import { useT } from '../i18n/i18n.js';
import { FindingsList } from './findings-list.js';

const MESSAGES = {
  vi: { violations: 'Quy định không cho phép', code: 'Mã lỗi' },
  en: { violations: 'The rulebook does not allow this', code: 'Error code' },
};

/**
 * What the API said when it refused, in its own words: the message, every rule violation with its rule ID,
 * and the field problems of a bad form. Nothing is paraphrased, so what a user reports is what the log says.
 */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  if (!error) return null;
  if (error instanceof ApiError) {
    return (
      <div className="error" role="alert" data-code={error.code}>
        <p>
          {error.message} <small>({t.code}: {error.code})</small>
        </p>
        <FindingsList findings={error.violations} tone="violation" label={t.violations} />
        {error.errors.length > 0 && (
          <ul>
            {error.errors.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                <code>{problem.field}</code>: {problem.message}
              </li>
            ))}
          </ul>
        )}
        {onRetry && <button onClick={onRetry}>{common.retry}</button>}
      </div>
    );
  }
  return (
    <div className="error" role="alert">
      <p>{error instanceof NetworkError ? common.network : common.unexpected}</p>
      {onRetry && <button onClick={onRetry}>{common.retry}</button>}
    </div>
  );
}
