import type { ProposalView } from '../api/api-types.js';

const CLOSED_STATES: readonly string[] = ['awarded', 'awardedByUnit', 'rejected', 'withdrawn'];

/** Closed without meeting it (rejected or withdrawn early): a countdown would mean nothing any more. */
export const deadlineClosed = (proposal: Pick<ProposalView, 'state'>) => CLOSED_STATES.includes(proposal.state);
