import { dx4Deadline, th5Deadline, type WorkingCalendar } from '#calendar';
import { deadlineMetBy, isDeadlineOpen, type AwardForm, type ProposalInput, type ProposalState } from '#workflows/proposal';
import type { CampaignRecord, ProposalDeadline } from './proposal.records.js';

// Which stages a deadline guards, and which event meets it, is the workflow's to say (its stage policy).
export { DEADLINE_OPEN_STATES, isDeadlineOpen } from '#workflows/proposal';

/**
 * Which deadline a proposal runs against (docs/rules.md): a thematic dossier must reach the department 15 working
 * days before its campaign's ceremony (TH-5); an extraordinary proposal has 10 days from the achievement, or
 * from its recognition (DX-4). A thematic campaign without a ceremony date has no deadline yet.
 */
export function proposalDeadline(
  proposal: Pick<ProposalInput, 'kind' | 'achievement'>,
  campaign: Pick<CampaignRecord, 'ceremonyDate'> | null,
  calendar: WorkingCalendar,
): ProposalDeadline | null {
  if (proposal.kind === 'thematic') {
    return campaign?.ceremonyDate ? plain(th5Deadline(campaign.ceremonyDate, calendar)) : null;
  }
  return plain(
    dx4Deadline({ achievementDate: proposal.achievement.date, recognizedAt: proposal.achievement.recognizedAt }, calendar),
  );
}

const plain = (deadline: ProposalDeadline): ProposalDeadline => ({
  rule: deadline.rule,
  dueDate: deadline.dueDate,
  dueAt: deadline.dueAt,
  provisional: deadline.provisional,
});

export const sameDeadline = (a: ProposalDeadline | null, b: ProposalDeadline | null) =>
  a?.rule === b?.rule && a?.dueAt === b?.dueAt && a?.provisional === b?.provisional;

/**
 * When the proposal met its deadline, or null while it still has to: as the machine judges it, a unit's own
 * DX-4 award meets it at SUBMIT and everything bound for the province at FORWARD. A proposal sent back to
 * drafting has to meet it again (its timers are armed again), whenever it was sent before.
 */
export function deadlineMetAt(proposal: {
  state: ProposalState;
  awardForm: AwardForm;
  deadline: Pick<ProposalDeadline, 'rule'> | null;
  submittedAt: string | null;
  forwardedAt: string | null;
}): string | null {
  if (!proposal.deadline || isDeadlineOpen(proposal)) return null;
  return deadlineMetBy(proposal.awardForm, proposal.deadline.rule) === 'SUBMIT' ? proposal.submittedAt : proposal.forwardedAt;
}
