import type { ProposalState } from '#workflows/proposal';
import { STATE_NAMES } from '../../i18n/common.messages.js';

/**
 * The states a filter offers, in the workflow's order. Read off the shared names rather than PROPOSAL_STATES:
 * importing the workflow package at run time would pull the state machines into the first screen's bundle,
 * and the names table is typed to hold every state.
 */
export const FILTER_STATES = Object.keys(STATE_NAMES.vi) as ProposalState[];

/** What the inbox is filtered by, as it lives in the URL so that a filtered list can be bookmarked. */
export interface InboxFilters {
  state: ProposalState | null;
  unitId: string | null;
  campaignId: string | null;
  late: boolean;
  /** Everything the caller may see rather than what waits on them; null: the default for the caller's roles. */
  all: boolean | null;
}

export const NO_FILTERS: InboxFilters = { state: null, unitId: null, campaignId: null, late: false, all: null };

const flag = (value: string | null): boolean | null => (value === 'true' ? true : value === 'false' ? false : null);

export function readFilters(query: URLSearchParams): InboxFilters {
  const state = query.get('state');
  return {
    state: state && (FILTER_STATES as string[]).includes(state) ? (state as ProposalState) : null,
    unitId: query.get('unitId') || null,
    campaignId: query.get('campaignId') || null,
    late: query.get('late') === 'true',
    all: flag(query.get('all')),
  };
}

/** The URL of the inbox with these filters: `/` alone when none is set. */
export function inboxUrl(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.state) params.set('state', filters.state);
  if (filters.unitId) params.set('unitId', filters.unitId);
  if (filters.campaignId) params.set('campaignId', filters.campaignId);
  if (filters.late) params.set('late', 'true');
  if (filters.all !== null) params.set('all', String(filters.all));
  const text = params.toString();
  return text ? `/?${text}` : '/';
}

export const hasFilters = (filters: InboxFilters) => !!(filters.state || filters.unitId || filters.campaignId || filters.late);

/** The query of GET /api/proposals for one page; blank values are left out by the client. */
export function proposalsQuery(filters: InboxFilters, options: { inbox: boolean; cursor: string | undefined; limit: number }) {
  return {
    inbox: options.inbox ? true : undefined,
    state: filters.state ?? undefined,
    unitId: filters.unitId ?? undefined,
    campaignId: filters.campaignId ?? undefined,
    late: filters.late ? true : undefined,
    cursor: options.cursor,
    limit: options.limit,
  };
}
