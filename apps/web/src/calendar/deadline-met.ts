import type { ProposalView } from '../api/api-types.js';

const CLOSED_STATES: readonly string[] = ['awarded', 'awardedByUnit', 'rejected', 'withdrawn'];

type Judged = Pick<ProposalView, 'state' | 'awardForm' | 'deadline' | 'submittedAt' | 'forwardedAt'>;

/** Whether the deadline is met at SUBMIT (a unit's own DX-4 award) rather than at FORWARD, as the machine judges it. */
const metAtSubmit = (proposal: Judged) => proposal.awardForm === 'unit_certificate' && proposal.deadline?.rule === 'DX-4';

/**
 * When the proposal met its deadline, or null while it still has to. A proposal sent back to drafting has to
 * meet it again (the server arms its timers again), so the time it was last sent on counts only once it has
 * left the stages the deadline guards.
 */
export function deadlineMetAt(proposal: Judged): string | null {
  if (!proposal.deadline) return null;
  if (metAtSubmit(proposal)) return proposal.state === 'drafting' ? null : proposal.submittedAt;
  return proposal.state === 'drafting' || proposal.state === 'unitDecision' ? null : proposal.forwardedAt;
}

/** Closed without meeting it (rejected or withdrawn early): a countdown would mean nothing any more. */
export const deadlineClosed = (proposal: Pick<ProposalView, 'state'>) => CLOSED_STATES.includes(proposal.state);
