import { today } from '#calendar';
import { Clock, DomainError, foldVietnamese, type Actor } from '#kernel';
import { factsNeededAt, type Finding } from '#rules';
import { ProposalRepository, type Page, type ProposalFilter } from '../ports/proposal.repository.js';
import { assertCanSeeUnit, listFilterFor } from '../proposal-access.policy.js';
import { turnScopes } from '../proposal-turn.policy.js';
import type { LoggedEvent, ProposalRecord } from '../proposal.records.js';
import { toProposalView, type ProposalView } from '../proposal.view.js';
import { toDossierView, type DossierView } from '../dossier.view.js';
import type { DossierRules } from './apply-proposal-event.use-case.js';
import type { PersonRepository } from '../ports/person.repository.js';
import { AWARDED_STATES, ENDED_WITHOUT_AWARD, personFacts } from '../person-registry.policy.js';
import { judgeProposal } from '../proposal-rules.js';

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
    /** Today in Vietnam, for the matters of ND-1 open now. */
    private readonly clock: Clock,
    /** The registry of nominees: ND-1's recorded matters. */
    private readonly people: PersonRepository,
  ) {}

  /**
   * One proposal, with its dossier as the caller sees it (what they may add, what the next steps wait for) and
   * what ND-1 would refuse at its next step today, so the official knows before pressing the button.
   */
  async get(id: string, viewer: Actor): Promise<ProposalView & { dossier: DossierView; blockers: Finding[] }> {
    const record = await this.visible(id, viewer);
    const view = toProposalView(record, viewer);
    const [documents, blockers] = await Promise.all([this.proposals.documents(id), this.blockers(record)]);
    return {
      ...view,
      dossier: toDossierView(record, viewer, view.allowedEvents, documents, this.dossier.documentsRequired),
      blockers,
    };
  }

  /**
   * What Decree 152/2025/NĐ-CP Art. 4 (ND-1) would refuse at the proposal's next step, asked now with the registry's
   * matters and today's date (docs/rules.md, ND-1). ND-1 is the one rule asked again at every step from SUBMIT
   * to APPROVE, so the checkpoint that runs it alone ('approve') answers for any of them. A proposal that has
   * ended (awarded, rejected, withdrawn) has no next step: nothing blocks it. Only here, not on lists: it reads
   * the registry per proposal.
   */
  private async blockers(record: ProposalRecord): Promise<Finding[]> {
    if (AWARDED_STATES.includes(record.state) || ENDED_WITHOUT_AWARD.includes(record.state)) return [];
    const { context } = record.snapshot;
    // ND-1 reads the recorded matters only; were ND-3 ever asked at 'approve', personFacts would say so at once.
    const { otherProposals } = factsNeededAt('approve', context.awardForm);
    const reader = { restrictions: (personId: string) => this.people.restrictions(personId) };
    const person = await personFacts(reader, context.nominee, record.id, { otherProposals });
    // The rulebook's own findings, rule IDs and all (as the view hands out the stored warnings).
    return judgeProposal('approve', context, null, undefined, { person, today: today(this.clock) }).violations as Finding[];
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
