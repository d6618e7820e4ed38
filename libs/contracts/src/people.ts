/**
 * The registry of nominees (docs/architecture.md, "People and their awards"): every person or collective a
 * proposal names, their award history read from the proposals, and the matters of Decree 152/2025/NĐ-CP Art. 4
 * recorded against them (which ND-1 reads at every step up to the chairman's decision).
 */
import type { AwardForm, ProposalKind, ProposalState } from '#workflows/proposal';

export const PERSON_TYPES = ['individual', 'collective'] as const;
export type PersonType = (typeof PERSON_TYPES)[number];
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export interface PersonBody {
  id: string;
  type: PersonType;
  name: string;
  /** Individuals only. */
  birthYear: number | null;
  /** Individuals only. */
  gender: Gender | null;
  /** Chức vụ. */
  title: string | null;
  /** Đơn vị công tác / nơi làm việc. */
  workplace: string | null;
  /** The unit the person belongs to (the unit whose proposal registered them, unless said otherwise). */
  unitId: string | null;
  createdAt: string;
}

/** POST /api/people. */
export interface CreatePersonBody {
  type: PersonType;
  name: string;
  birthYear?: number;
  gender?: Gender;
  title?: string;
  workplace?: string;
  unitId?: string;
}

/** What became of a proposal, for the award history. */
export const AWARD_OUTCOMES = ['awarded', 'awarded_by_unit', 'rejected', 'withdrawn', 'open'] as const;
export type AwardOutcome = (typeof AWARD_OUTCOMES)[number];

/** One proposal that named the person, with its outcome (the award history is read from the proposals). */
export interface PersonProposalBody {
  proposalId: string;
  kind: ProposalKind;
  unitId: string;
  campaignId: string | null;
  campaignTitle: string | null;
  awardForm: AwardForm;
  state: ProposalState;
  outcome: AwardOutcome;
  achievement: { date: string; summary: string };
  /** The decision that awarded it (APPROVE's, or the unit's when it gave one). */
  decision: { number: string; date: string; signedBy: string } | null;
  createdAt: string;
}

/** The matters of Decree 152/2025/NĐ-CP Art. 4. */
export const RESTRICTION_KINDS = ['discipline_considered', 'discipline_served', 'investigation', 'complaint', 'press'] as const;
export type RestrictionKindBody = (typeof RESTRICTION_KINDS)[number];

/** The document a matter stands on, or is closed by. */
export interface RestrictionDocumentBody {
  /** "Công văn", "Quyết định", "Kết luận", …; null: "văn bản". */
  type: string | null;
  /** Số, ký hiệu. */
  number: string;
  date: string;
  /** Cơ quan ban hành. */
  issuer: string;
}

export interface RestrictionBody {
  id: string;
  personId: string;
  kind: RestrictionKindBody;
  /** The day the matter began. */
  from: string;
  /** `discipline_served`: the last day of the discipline. */
  endsOn: string | null;
  document: RestrictionDocumentBody;
  note: string | null;
  recordedBy: { id: string; name: string | null; roles: string[] };
  recordedAt: string;
  /** Open on the day it is read (not closed, begun). */
  open: boolean;
  closedOn: string | null;
  closingDocument: RestrictionDocumentBody | null;
  closedBy: { id: string; name: string | null; roles: string[] } | null;
  closedAt: string | null;
}

/** GET /api/people/:id. `awards` are the proposals that ended in an award; `proposals` every one the caller may see. */
export interface PersonDetailBody extends PersonBody {
  awards: PersonProposalBody[];
  proposals: PersonProposalBody[];
  restrictions: RestrictionBody[];
  /** Whether the caller may record and close matters for this person. */
  canRecordRestrictions: boolean;
}

/** POST /api/people/:id/restrictions. */
export interface CreateRestrictionBody {
  kind: RestrictionKindBody;
  from: string;
  endsOn?: string;
  document: { type?: string; number: string; date: string; issuer: string };
  note?: string;
}

/** POST /api/people/:id/restrictions/:rid/close. */
export interface CloseRestrictionBody {
  closedOn: string;
  document: { type?: string; number: string; date: string; issuer: string };
}
