import { ESCALATION_NAMES } from '../../i18n/common.messages.js';
import { formatDay, useLang, useT } from '../../i18n/i18n.js';
import { RuleLink } from '../../ui/rule-link.js';
import { stateName } from './audit-names.js';
import type { ProposalReplayView } from './audit-types.js';
import { asDecision, asVote } from './payload-shapes.js';
import { REPLAY_MESSAGES } from './replay.messages.js';

/** The proposal as replay rebuilt it at the step: its state and the context fields an auditor asks about. */
export function ReplaySnapshot({ replay }: { replay: ProposalReplayView }) {
  const t = useT(REPLAY_MESSAGES);
  const { lang } = useLang();
  const context = replay.context;
  const vote = asVote(context?.vote);
  const decision = asDecision(context?.decision);
  return (
    <dl className="facts">
      <div>
        <dt>{t.state}</dt>
        <dd>
          <span className="badge badge--state replay-state" data-testid="replay-state" data-state={replay.state ?? ''}>
            {replay.state === null ? t.noState : stateName(lang, replay.state)}
          </span>
        </dd>
      </div>
      {context && (
        <>
          <div>
            <dt>{t.escalation}</dt>
            <dd data-testid="replay-escalation">
              {(ESCALATION_NAMES[lang] as Record<string, string>)[context.escalation] ?? String(context.escalation)}
            </dd>
          </div>
          <div>
            <dt>{t.late}</dt>
            <dd data-testid="replay-late">
              {context.late ? (
                <>
                  <span className="badge badge--late">{t.lateYes}</span> {context.lateRule && <RuleLink rule={context.lateRule} />}
                </>
              ) : (
                t.lateNo
              )}
            </dd>
          </div>
          <div>
            <dt>{t.vote}</dt>
            <dd>{vote ? t.voteText(vote.members, vote.for, vote.against) : t.none}</dd>
          </div>
          <div>
            <dt>{t.decision}</dt>
            <dd>{decision ? t.decisionText(decision.number, formatDay(decision.date, lang), decision.signedBy) : t.none}</dd>
          </div>
          <div>
            <dt>{t.lastReason}</dt>
            <dd className={context.lastReason ? 'quoted' : undefined}>{context.lastReason ?? t.none}</dd>
          </div>
        </>
      )}
    </dl>
  );
}
