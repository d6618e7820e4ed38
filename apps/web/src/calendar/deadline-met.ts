import type { ProposalView } from '../api/api-types.js';

const CLOSED_STATES: readonly string[] = ['awarded', 'awardedByUnit', 'rejected', 'withdrawn'];

/**
 * When the proposal met its deadline, read as the machine judges it: a unit's own DX-4 award is met by SUBMIT,
 * everything bound for the province by FORWARD. Null while it is still to be met.
 */
export function deadlineMetAt(proposal: Pick<ProposalView, 'awardForm' | 'deadline' | 'submittedAt' | 'forwardedAt'>): string | null {
  if (!proposal.deadline) return null;
  return proposal.awardForm === 'unit_certificate' && proposal.deadline.rule === 'DX-4' ? proposal.submittedAt : proposal.forwardedAt;
}

/** Closed without meeting it (rejected or withdrawn early): a countdown would mean nothing any more. */
export const deadlineClosed = (proposal: Pick<ProposalView, 'state'>) => CLOSED_STATES.includes(proposal.state);
