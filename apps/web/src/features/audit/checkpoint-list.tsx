import { formatDateTime, useLang, useT } from '../../i18n/i18n.js';
import { ErrorView } from '../../ui/error-view.js';
import { COMMON } from '../../i18n/common.messages.js';
import type { Resource } from '../../api/use-resource.js';
import { AUDIT_MESSAGES } from './audit.messages.js';
import type { CheckpointList as CheckpointListData, StoredCheckpoint } from './audit-types.js';

/** The signed checkpoints, newest first, each one a starting point for a verification against it. */
export function CheckpointList({
  checkpoints,
  busy,
  onVerify,
}: {
  checkpoints: Resource<CheckpointListData>;
  busy: boolean;
  onVerify(checkpoint: StoredCheckpoint): void;
}) {
  const t = useT(AUDIT_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  if (checkpoints.error) return <ErrorView error={checkpoints.error} onRetry={checkpoints.reload} />;
  if (!checkpoints.data) return <p aria-busy="true">{common.loading}</p>;
  const items = checkpoints.data.items;
  if (items.length === 0) return <p className="muted">{t.noCheckpoints}</p>;
  return (
    <table className="responsive checkpoints" data-testid="checkpoint-list">
      <thead>
        <tr>
          <th scope="col">{t.colCreated}</th>
          <th scope="col">{t.colUpTo}</th>
          <th scope="col">{t.colCovered}</th>
          <th scope="col">{t.colRoot}</th>
          <th scope="col">{t.colActions}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((checkpoint) => {
          const made = formatDateTime(checkpoint.createdAt);
          return (
            <tr key={checkpoint.id} data-testid="checkpoint-row" data-checkpoint-id={checkpoint.id}>
              <td data-label={t.colCreated}>
                {made}
                <br />
                <code className="hash muted">{checkpoint.id}</code>
              </td>
              <td data-label={t.colUpTo}>{formatDateTime(checkpoint.upTo)}</td>
              <td data-label={t.colCovered}>{t.covered(checkpoint.proposals, checkpoint.events)}</td>
              <td data-label={t.colRoot}>
                <code className="hash">{checkpoint.merkleRoot}</code>
                <details>
                  <summary>{t.checkpointKey}</summary>
                  <pre className="hash checkpoint-key">{checkpoint.publicKey}</pre>
                  <code className="hash">{checkpoint.signature}</code>
                </details>
              </td>
              <td data-label={t.colActions}>
                <button
                  type="button"
                  onClick={() => onVerify(checkpoint)}
                  disabled={busy}
                  aria-label={t.verifyCheckpointLabel(made)}
                  data-testid={`checkpoint-verify-${checkpoint.id}`}
                >
                  {t.verifyCheckpoint}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
