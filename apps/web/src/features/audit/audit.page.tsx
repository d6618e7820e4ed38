import { useState } from 'react';
import { useResource } from '../../api/use-resource.js';
import { useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { AUDIT_MESSAGES } from './audit.messages.js';
import type { CheckpointList as CheckpointListData, StoredCheckpoint } from './audit-types.js';
import { CheckpointList } from './checkpoint-list.js';
import { ExportForm } from './export-form.js';
import { useVerification, type VerificationState } from './use-verification.js';
import { VerificationView } from './verification-view.js';

/**
 * The auditor's desk: verify the whole log or against a signed checkpoint, and take events away to check
 * elsewhere. Only one verification runs at a time (each walks the whole log on the server); its progress and
 * result show beside the button that started it.
 */
export default function AuditPage(_props: { params: Record<string, string> }) {
  const t = useT(AUDIT_MESSAGES);
  const api = useApi();
  const [alsoReplay, setAlsoReplay] = useState(true);
  const { state, run, cancel } = useVerification();
  const checkpoints = useResource((signal) => api.get<CheckpointListData>('/api/audit/checkpoints', undefined, signal), 'checkpoints');
  const [chosen, setChosen] = useState<StoredCheckpoint | undefined>(undefined);

  const busy = state.status === 'running';
  const target = state.status === 'idle' ? null : state.target;
  const retry = () => target && run(target);
  const verifyCheckpoint = (checkpoint: StoredCheckpoint) => {
    setChosen(checkpoint);
    void run({ kind: 'checkpoint', checkpointId: checkpoint.id });
  };

  return (
    <div className="audit-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <p role="status" className="audit-sr-only">
        {announcement(state, t)}
      </p>

      <section className="card" aria-labelledby="audit-verify">
        <h2 id="audit-verify">{t.verifyHeading}</h2>
        <label className="inline">
          <input type="checkbox" checked={alsoReplay} onChange={(e) => setAlsoReplay(e.target.checked)} data-testid="verify-replay" />{' '}
          {t.alsoReplay}
        </label>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => void run({ kind: 'log', replay: alsoReplay })}
            disabled={busy}
            data-testid="verify-run"
          >
            {t.verifyRun}
          </button>
        </div>
        {target?.kind === 'log' && <VerificationView state={state} onCancel={cancel} onRetry={retry} />}
      </section>

      <section className="card" aria-labelledby="audit-checkpoints">
        <h2 id="audit-checkpoints">{t.checkpointsHeading}</h2>
        <p className="muted">{t.checkpointsIntro}</p>
        <CheckpointList checkpoints={checkpoints} busy={busy} onVerify={verifyCheckpoint} />
        {target?.kind === 'checkpoint' && (
          <VerificationView state={state} onCancel={cancel} onRetry={retry} checkpoint={chosen?.id === target.checkpointId ? chosen : undefined} />
        )}
      </section>

      <section className="card" aria-labelledby="audit-export">
        <h2 id="audit-export">{t.exportHeading}</h2>
        <p className="muted">{t.exportIntro}</p>
        <ExportForm />
      </section>
    </div>
  );
}

/** One short line for screen readers as a verification starts and ends; the timer itself stays quiet. */
function announcement(state: VerificationState, t: (typeof AUDIT_MESSAGES)['vi']): string {
  switch (state.status) {
    case 'running':
      return t.started;
    case 'cancelled':
      return t.cancelled;
    case 'done':
      return state.result.ok ? t.resultOk : t.resultBroken(state.result.broken.length);
    default:
      return '';
  }
}
