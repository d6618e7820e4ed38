import { formatDateTime, useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { AUDIT_MESSAGES, BREAK_REASONS } from './audit.messages.js';
import type { CheckpointVerification, LogBreak, LogVerification, StoredCheckpoint } from './audit-types.js';
import type { VerifyTarget } from './use-verification.js';

/**
 * What a verification found, the same way whether it ran over the whole log or against a checkpoint: the
 * totals, then each broken proposal with where to look (the proposal, and its replay at the broken step).
 */
export function VerificationResult({
  result,
  target,
  checkpoint,
}: {
  result: LogVerification;
  target: VerifyTarget;
  checkpoint?: StoredCheckpoint;
}) {
  const t = useT(AUDIT_MESSAGES);
  const { lang } = useLang();
  const heading =
    target.kind === 'checkpoint' ? t.resultCheckpoint(checkpoint ? formatDateTime(checkpoint.createdAt) : target.checkpointId) : t.resultWhole;
  return (
    <section
      className={`card verify-result ${result.ok ? 'verify-result--ok' : 'verify-result--bad'}`}
      data-testid="verify-result"
      data-ok={String(result.ok)}
      aria-labelledby="verify-result-heading"
    >
      <h3 id="verify-result-heading">{heading}</h3>
      <p className={result.ok ? 'check check--ok' : 'check check--bad'}>
        <span aria-hidden="true">{result.ok ? '✔ ' : '✘ '}</span>
        {result.ok ? t.resultOk : t.resultBroken(result.broken.length)}
      </p>
      <dl className="totals">
        <div>
          <dt>{t.totalProposals}</dt>
          <dd data-testid="verify-proposals">{result.proposals.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
        </div>
        <div>
          <dt>{t.totalEvents}</dt>
          <dd data-testid="verify-events">{result.events.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
        </div>
        {target.kind === 'log' && (
          <div>
            <dt>{t.method}</dt>
            <dd>{target.replay ? t.replayed : t.notReplayed}</dd>
          </div>
        )}
      </dl>
      {result.checkpoint && <CheckpointSummary verification={result.checkpoint} checkpoint={checkpoint} />}
      {result.broken.length > 0 && <BreakList broken={result.broken} />}
      {result.truncated && <p className="check check--bad">{t.resultBrokenTruncated}</p>}
    </section>
  );
}

function CheckpointSummary({ verification, checkpoint }: { verification: CheckpointVerification; checkpoint?: StoredCheckpoint }) {
  const t = useT(AUDIT_MESSAGES);
  // The default verify holds the log against the newest checkpoint, which the answer itself describes.
  const signed = checkpoint ?? verification.recorded;
  return (
    <div className="checkpoint-summary">
      <h4>{t.checkpointSummary}</h4>
      <ul className="checks">
        <Check ok={verification.signatureValid} text={verification.signatureValid ? t.signatureValid : t.signatureInvalid} />
        <Check ok={verification.merkleRootMatches} text={verification.merkleRootMatches ? t.rootMatches : t.rootDiffers} />
      </ul>
      <p className="muted">
        {t.countsNow(verification.proposals, verification.events)}
        {signed && (
          <>
            <br />
            {t.countsSigned(signed.proposals, signed.events)}
          </>
        )}
      </p>
    </div>
  );
}

function Check({ ok, text }: { ok: boolean; text: string }) {
  return (
    <li className={ok ? 'check check--ok' : 'check check--bad'} data-ok={String(ok)}>
      <span aria-hidden="true">{ok ? '✔ ' : '✘ '}</span>
      {text}
    </li>
  );
}

function BreakList({ broken }: { broken: LogBreak[] }) {
  const t = useT(AUDIT_MESSAGES);
  const { lang } = useLang();
  return (
    <table className="responsive breaks">
      <thead>
        <tr>
          <th scope="col">{t.colProposal}</th>
          <th scope="col">{t.colSeq}</th>
          <th scope="col">{t.colReason}</th>
        </tr>
      </thead>
      <tbody>
        {broken.map((problem, index) => (
          <tr key={`${problem.proposalId ?? 'log'}:${problem.seq ?? ''}:${index}`} data-testid="verify-break" data-reason={problem.reason}>
            <td data-label={t.colProposal}>
              {problem.proposalId ? (
                <>
                  <code className="hash">{problem.proposalId}</code>
                  <br />
                  <Link to={`/proposals/${encodeURIComponent(problem.proposalId)}`}>{t.openProposal}</Link>
                  {' · '}
                  <Link
                    to={`/proposals/${encodeURIComponent(problem.proposalId)}/replay${problem.seq ? `?seq=${problem.seq}` : ''}`}
                  >
                    {t.openReplay}
                  </Link>
                </>
              ) : (
                t.wholeLog
              )}
            </td>
            <td data-label={t.colSeq}>{problem.seq ?? '—'}</td>
            <td data-label={t.colReason}>
              <strong>{BREAK_REASONS[lang][problem.reason] ?? problem.reason}</strong> <code>{problem.reason}</code>
              {problem.detail && (
                <p className="muted break-detail">
                  {t.serverDetail}: <span lang="en">{problem.detail}</span>
                </p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
