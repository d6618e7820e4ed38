import type { PersonProposalBody } from '#contracts';
import type { Actor } from '#kernel';
import type { RestrictionKind } from '#rules';
import type { NomineeGender, NomineeType, StoredSnapshot } from '#workflows/proposal';

/** A registered nominee (docs/architecture.md, "People and their awards"). `nameKey` is foldVietnamese(name). */
export interface PersonRecord {
  id: string;
  type: NomineeType;
  name: string;
  nameKey: string;
  birthYear: number | null;
  gender: NomineeGender | null;
  title: string | null;
  workplace: string | null;
  unitId: string | null;
  createdBy: Actor;
  createdAt: string;
}

export interface RestrictionDocument {
  type: string | null;
  number: string;
  date: string;
  issuer: string;
}

/** A matter of Decree 152/2025/NĐ-CP Art. 4 recorded against a person, open until closed by a document. */
export interface RestrictionRecord {
  id: string;
  personId: string;
  kind: RestrictionKind;
  from: string;
  endsOn: string | null;
  document: RestrictionDocument;
  note: string | null;
  recordedBy: Actor;
  recordedAt: string;
  closedOn: string | null;
  closingDocument: RestrictionDocument | null;
  closedBy: Actor | null;
  closedAt: string | null;
}

/**
 * A proposal that names a person, as the registry reads it back: the fields of the history line the API sends
 * (PersonProposalBody) that are stored as they are, and the proposal's own snapshot, from which the use case
 * reads the outcome, the achievement and the decision.
 */
export interface PersonProposalRecord
  extends Pick<PersonProposalBody, 'proposalId' | 'kind' | 'unitId' | 'campaignId' | 'campaignTitle' | 'awardForm' | 'state' | 'createdAt'> {
  snapshot: StoredSnapshot;
}
