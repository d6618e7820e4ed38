import type { NomineeType } from '#workflows/proposal';
import type { PersonProposalRecord, PersonRecord, RestrictionDocument, RestrictionRecord } from '../person.records.js';
import type { Page, ProposalWriteTx } from './proposal.repository.js';

export interface PersonFilter {
  /** Folded with foldVietnamese by the caller: the name key contains it. */
  nameKey?: string;
  type?: NomineeType;
  unitId?: string;
  /**
   * A unit role sees the people of its unit and those named in its unit's proposals; null: every person
   * (provincial roles).
   */
  visibleToUnit: string | null;
}

/** What a proposal command does with the registry, inside the proposal's own transaction. */
export interface PersonWriteTx {
  find(id: string): Promise<PersonRecord | null>;
  /** Whether a proposal of this unit names the person (who may name them: maySeePerson). */
  namedByUnit(personId: string, unitId: string): Promise<boolean>;
  insert(person: PersonRecord): Promise<void>;
  /** Records that the proposal names the person (one nominee per proposal: a later link replaces it). */
  link(proposalId: string, personId: string, at: string): Promise<void>;
  restrictions(personId: string): Promise<RestrictionRecord[]>;
  /** The person's proposals other than `exceptProposalId`. */
  proposals(personId: string, exceptProposalId: string | null): Promise<PersonProposalRecord[]>;
}

export abstract class PersonRepository {
  /** The registry inside a proposal command's transaction: a new nominee and its link commit with the event. */
  abstract within(tx: ProposalWriteTx): PersonWriteTx;
  abstract create(person: PersonRecord): Promise<void>;
  abstract findById(id: string): Promise<PersonRecord | null>;
  abstract list(filter: PersonFilter, cursor: string | null, limit: number): Promise<Page<PersonRecord>>;
  /** Every proposal naming the person, oldest first. */
  abstract proposals(personId: string): Promise<PersonProposalRecord[]>;
  /** Whether a proposal of this unit names the person. */
  abstract namedByUnit(personId: string, unitId: string): Promise<boolean>;
  abstract restrictions(personId: string): Promise<RestrictionRecord[]>;
  abstract insertRestriction(restriction: RestrictionRecord): Promise<void>;
  /** Stamps the closing; false when it was already closed (or is not the person's). */
  abstract closeRestriction(
    personId: string,
    restrictionId: string,
    closing: { closedOn: string; document: RestrictionDocument; closedBy: RestrictionRecord['closedBy']; closedAt: string },
  ): Promise<boolean>;
}
