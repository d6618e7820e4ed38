import type { HistoryEvent } from '../../api/api-types.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { stateName } from './audit-names.js';
import type { ProposalReplayView } from './audit-types.js';
import { REPLAY_MESSAGES } from './replay.messages.js';

/**
 * Whether the record can be trusted at this step, green or red: the chain up to it, the replay of the whole
 * log against the stored record (the server's `matchesStored`), and the replayed state against the state the
 * line itself says it reached.
 */
export function ReplayChecks({ replay, event }: { replay: ProposalReplayView; event: HistoryEvent | undefined }) {
  const t = useT(REPLAY_MESSAGES);
  const { lang } = useLang();
  // Only comparable when the replay reached this very line; a failure stops short of it and says so below.
  const stepComparable = event !== undefined && replay.failure === null && replay.seq === event.seq;
  const stepMatches = stepComparable && replay.state === event.state;
  return (
    <ul className="checks">
      <li className={replay.chainValid ? 'check check--ok' : 'check check--bad'} data-testid="replay-chain" data-ok={String(replay.chainValid)}>
        <span aria-hidden="true">{replay.chainValid ? '✔ ' : '✘ '}</span>
        {replay.chainValid ? t.chainValid : t.chainBroken}
        {!replay.chainValid && (
          <>
            {' '}
            <Link to="/audit">{t.toAudit}</Link>
          </>
        )}
      </li>
      <li
        className={replay.matchesStored ? 'check check--ok' : 'check check--bad'}
        data-testid="replay-matches"
        data-ok={String(replay.matchesStored)}
      >
        <span aria-hidden="true">{replay.matchesStored ? '✔ ' : '✘ '}</span>
        {replay.matchesStored ? t.matchesStored : t.differsFromStored}
      </li>
      {stepComparable && (
        <li className={stepMatches ? 'check check--ok' : 'check check--bad'} data-testid="replay-step-match" data-ok={String(stepMatches)}>
          <span aria-hidden="true">{stepMatches ? '✔ ' : '✘ '}</span>
          {stepMatches ? t.stepMatches : t.stepDiffers(stateName(lang, replay.state), stateName(lang, event.state))}
        </li>
      )}
      {replay.failure && (
        <li className="check check--bad" data-testid="replay-failure" role="alert">
          <span aria-hidden="true">✘ </span>
          <strong>{t.failure(replay.failure.seq)}</strong>. {t.failureNote}
          <br />
          {t.serverSays}: <span lang="en">{replay.failure.message}</span>
        </li>
      )}
    </ul>
  );
}
