import { DomainError, foldVietnamese, type Actor } from '#kernel';
import { ProposalRepository, type Page, type ProposalFilter } from '../ports/proposal.repository.js';
import { assertCanSeeUnit, listFilterFor } from '../proposal-access.policy.js';
import { turnScopes } from '../proposal-turn.policy.js';
import type { LoggedEvent, ProposalRecord } from '../proposal.records.js';
import { toProposalView, type ProposalView } from '../proposal.view.js';
import { toDossierView, type DossierView } from '../dossier.view.js';
import type { DossierRules } from './apply-proposal-event.use-case.js';

export type ProposalListQuery = Omit<ProposalFilter, 'scopes' | 'exclude' | 'nameContains' | 'order'> & {
  inbox?: boolean;
  /** true: only the caller's turn ("Đến lượt tôi"), nearest deadline first; false: the rest of the list. */
  actionable?: boolean;
  /** A part of the nominee's name, typed with or without diacritics. */
  q?: string;
  cursor?: string;
  limit?: number;
};

/**
 * The repository filter of a list query. The caller's turn is a part of their inbox (turnScopes); asked for,
 * it replaces the scopes and is ordered by deadline; "the rest" keeps the scopes and leaves the turn out.
 */
export function proposalFilterFor(viewer: Actor, query: Omit<ProposalListQuery, 'cursor' | 'limit'>): ProposalFilter {
  const { actionable, q, ...rest } = query;
  const filter = listFilterFor(viewer, rest);
  const folded = q === undefined ? '' : foldVietnamese(q);
  if (folded) filter.nameContains = folded;
  if (actionable === true) return { ...filter, scopes: turnScopes(viewer), order: 'deadline' };
  if (actionable === false) return { ...filter, exclude: turnScopes(viewer) };
  return filter;
}

export const MAX_PAGE_SIZE = 200;

export class ProposalQueries {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly dossier: DossierRules,
  ) {}

  /** One proposal, with its dossier as the caller sees it (what they may add, what the next steps wait for). */
  async get(id: string, viewer: Actor): Promise<ProposalView & { dossier: DossierView }> {
    const record = await this.visible(id, viewer);
    const view = toProposalView(record, viewer);
    const documents = await this.proposals.documents(id);
    return { ...view, dossier: toDossierView(record, viewer, view.allowedEvents, documents, this.dossier.documentsRequired) };
  }

  async list(viewer: Actor, query: ProposalListQuery): Promise<Page<ProposalView>> {
    const { cursor, limit, ...filter } = query;
    const page = await this.proposals.list(proposalFilterFor(viewer, filter), cursor ?? null, Math.min(limit ?? 50, MAX_PAGE_SIZE));
    return { items: page.items.map((record) => toProposalView(record, viewer)), nextCursor: page.nextCursor };
  }

  /** Every proposal of a list the viewer may see, a page at a time, in the list's own order (an export). */
  async *listAll(viewer: Actor, query: Omit<ProposalListQuery, 'cursor' | 'limit'>): AsyncIterable<ProposalRecord[]> {
    const filter = proposalFilterFor(viewer, query);
    let cursor: string | null = null;
    do {
      const page = await this.proposals.list(filter, cursor, MAX_PAGE_SIZE);
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  async history(id: string, viewer: Actor): Promise<LoggedEvent[]> {
    await this.visible(id, viewer);
    return this.proposals.history(id);
  }

  private async visible(id: string, viewer: Actor): Promise<ProposalRecord> {
    const record = await this.proposals.findById(id);
    if (!record) throw new DomainError('NOT_FOUND', `Proposal ${id} does not exist`, { id });
    assertCanSeeUnit(viewer, record.unitId);
    return record;
  }
}
