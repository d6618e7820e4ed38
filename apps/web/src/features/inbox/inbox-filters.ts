import type { PersonRole } from '#kernel';
import type { ProposalState } from '#workflows/proposal';
import { STATE_NAMES } from '../../i18n/common.messages.js';
import { holdsAny, type SessionUser } from '../../session/session-token.js';

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
  /** A part of the nominee's name, with or without diacritics (the server folds both sides). */
  q: string | null;
  /** Everything the caller may see rather than what waits on them; null: the default for the caller's roles. */
  all: boolean | null;
}

export const NO_FILTERS: InboxFilters = { state: null, unitId: null, campaignId: null, late: false, q: null, all: null };

/** What the server accepts (GET /api/proposals `q`): longer text is cut, not sent to be refused. */
export const MAX_SEARCH_LENGTH = 100;

const flag = (value: string | null): boolean | null => (value === 'true' ? true : value === 'false' ? false : null);

export function readFilters(query: URLSearchParams): InboxFilters {
  const state = query.get('state');
  return {
    state: state && (FILTER_STATES as string[]).includes(state) ? (state as ProposalState) : null,
    unitId: query.get('unitId') || null,
    campaignId: query.get('campaignId') || null,
    late: query.get('late') === 'true',
    q: query.get('q')?.trim().slice(0, MAX_SEARCH_LENGTH) || null,
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
  if (filters.q) params.set('q', filters.q);
  if (filters.all !== null) params.set('all', String(filters.all));
  const text = params.toString();
  return text ? `/?${text}` : '/';
}

export const hasFilters = (filters: InboxFilters) => !!(filters.state || filters.unitId || filters.campaignId || filters.late || filters.q);

/** Roles some stage of the workflow waits on; auditors and administrators only watch. */
export const INBOX_ROLES: PersonRole[] = ['drafter', 'unit_head', 'council', 'home_affairs', 'chairman', 'vice_chairman'];

/**
 * Whether the list is what waits on the caller or all they may see: someone with an inbox sees it unless they
 * ask for all (auditors and administrators may); someone without one sees all. The inbox, its Excel file and
 * its print view read it the same way, so the three lists are the same list.
 */
export function listScope(user: SessionUser | null, filters: InboxFilters): { hasInbox: boolean; showAll: boolean; all: boolean } {
  const hasInbox = holdsAny(user, ...INBOX_ROLES);
  const showAll = holdsAny(user, 'auditor', 'admin') || !hasInbox;
  return { hasInbox, showAll, all: showAll ? (filters.all ?? !hasInbox) : false };
}

/** The query of GET /api/proposals for one page; blank values are left out by the client. */
export function proposalsQuery(
  filters: InboxFilters,
  options: { inbox: boolean; actionable?: boolean; cursor: string | undefined; limit: number },
) {
  return {
    inbox: options.inbox ? true : undefined,
    actionable: options.actionable,
    q: filters.q ?? undefined,
    state: filters.state ?? undefined,
    unitId: filters.unitId ?? undefined,
    campaignId: filters.campaignId ?? undefined,
    late: filters.late ? true : undefined,
    cursor: options.cursor,
    limit: options.limit,
  };
}

/** The query of the list as an Excel file (GET /api/proposals?format=xlsx): the same filters, every page. */
export function exportQuery(filters: InboxFilters, options: { inbox: boolean }) {
  const { cursor: _cursor, limit: _limit, actionable: _actionable, ...query } = proposalsQuery(filters, { ...options, cursor: undefined, limit: 0 });
  return { ...query, format: 'xlsx' as const };
}

/**
 * The print view of the list with these filters: `/print/proposals?…`, the inbox's own query with the scope
 * spelled out (`all`), so that it prints the list on screen whatever the default.
 */
export function printUrl(filters: InboxFilters, all: boolean): string {
  return `/print/proposals${inboxUrl({ ...filters, all }).slice(1)}`;
}
