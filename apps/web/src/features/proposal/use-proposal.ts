import type { ProposalDetail, ProposalView } from '../../api/api-types.js';
import { useResource, type Resource } from '../../api/use-resource.js';
import { useApi } from '../../session/session.js';

/** The single-proposal GET adds `blockers` (ND-1 at the next step today); a server without it sends none. */
export type ProposalWithBlockers = ProposalView & Partial<Pick<ProposalDetail, 'blockers'>>;

export interface LoadedProposal {
  proposal: ProposalWithBlockers;
  /** From the ETag when the server sends one (what If-Match must repeat), else the body's own. */
  version: number;
}

/**
 * One proposal with the version an action or an edit repeats in If-Match: the proposal page and the edit page
 * read it the same way, so a conflict is told the same way on both.
 */
export function useProposal(id: string): Resource<LoadedProposal> {
  const api = useApi();
  const path = `/api/proposals/${encodeURIComponent(id)}`;
  return useResource<LoadedProposal>(async (signal) => {
    const response = await api.request<ProposalWithBlockers>(path, { signal });
    return { proposal: response.data, version: response.version ?? response.data.version };
  }, path);
}
