import { COMMON } from '../../i18n/common.messages.js';
import { useT } from '../../i18n/i18n.js';
import { ErrorView } from '../../ui/error-view.js';
import { AUDIT_MESSAGES } from './audit.messages.js';
import type { StoredCheckpoint } from './audit-types.js';
import { VerificationResult } from './verification-result.js';
import type { VerificationState } from './use-verification.js';

/** A verification as it stands: counting seconds (cancellable), stopped, refused, or its result. */
export function VerificationView({
  state,
  onCancel,
  onRetry,
  checkpoint,
}: {
  state: VerificationState;
  onCancel(): void;
  onRetry(): void;
  checkpoint?: StoredCheckpoint;
}) {
  const t = useT(AUDIT_MESSAGES);
  const common = useT(COMMON);
  switch (state.status) {
    case 'idle':
      return null;
    case 'running':
      return (
        <div className="card verify-busy" data-testid="verify-busy" aria-busy="true">
          {/* A timer is not read aloud on every tick; the status line says once that the check has begun. */}
          <p role="timer" className="verify-elapsed">
            <span className="spinner" aria-hidden="true" />{' '}
            {state.target.kind === 'checkpoint' ? t.runningCheckpoint(state.seconds) : t.running(state.seconds)}
          </p>
          <p className="muted">
            {t.slowNote} {t.slowNoteAfter}
          </p>
          <button type="button" onClick={onCancel} data-testid="verify-cancel">
            {t.cancelRun}
          </button>
        </div>
      );
    case 'cancelled':
      return (
        <p className="card muted" data-testid="verify-cancelled">
          {t.cancelled}
        </p>
      );
    case 'failed':
      return <ErrorView error={state.error} onRetry={onRetry} />;
    case 'done':
      return <VerificationResult result={state.result} target={state.target} checkpoint={checkpoint} />;
    default:
      return <p>{common.unexpected}</p>;
  }
}
