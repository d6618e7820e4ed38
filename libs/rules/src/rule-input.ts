import type { AwardForm, ProposalInput } from '#workflows/proposal';

/**
 * Where in the pipeline the rules are asked. The same proposal is judged differently at each point:
 * - `create`, `update`: early advice while drafting; everything found comes back as a warning, never a block.
 * - `submit`: the proposal leaves drafting for the unit's decision.
 * - `forward`: the unit sends it to the province (council, then the chairman's certificate).
 * - `award_at_unit`: the unit awards it within its own authority.
 * - `recommend`, `agree`, `approve`: the council, home affairs and the chairman act on it. Only ND-1 is asked
 *   again (Decree 152/2025/NĐ-CP Art. 4: a matter recorded against the nominee after the unit forwarded it still
 *   stops the award before it is decided).
 */
export type Checkpoint = 'create' | 'update' | 'submit' | 'forward' | 'award_at_unit' | 'recommend' | 'agree' | 'approve';
export const CHECKPOINTS: readonly Checkpoint[] = ['create', 'update', 'submit', 'forward', 'award_at_unit', 'recommend', 'agree', 'approve'];

/**
 * The matters of Decree 152/2025/NĐ-CP Art. 4 that can be recorded against a registered person:
 * - `discipline_considered`: being considered for discipline (đang bị xem xét kỷ luật);
 * - `discipline_served`: serving a discipline (đang thi hành kỷ luật), until `endsOn`; achievements count only
 *   from its end;
 * - `investigation`: under investigation, inspection or audit with signs of violation;
 * - `complaint`: a complaint or denunciation being verified;
 * - `press`: a matter raised by the press being verified.
 */
export type RestrictionKind = 'discipline_considered' | 'discipline_served' | 'investigation' | 'complaint' | 'press';
export const RESTRICTION_KINDS: readonly RestrictionKind[] = ['discipline_considered', 'discipline_served', 'investigation', 'complaint', 'press'];

/** The document a matter was recorded on, or closed by: its number and symbol, its date and who issued it. */
export interface RestrictionDocumentInput {
  /** What kind of document it is, as it names itself ("Công văn", "Quyết định", "Kết luận"); "văn bản" if none. */
  type?: string | null;
  /** Số, ký hiệu. */
  number: string;
  /** YYYY-MM-DD */
  date: string;
  /** Cơ quan ban hành. */
  issuer: string;
}

/** One recorded matter, as ND-1 reads it. A `RestrictionRecord` (libs/proposals) is assignable to this shape. */
export interface RestrictionInput {
  kind: RestrictionKind;
  /** YYYY-MM-DD: the day the matter began. */
  from: string;
  /** `discipline_served` only: the last day of the discipline (YYYY-MM-DD). */
  endsOn?: string | null;
  document: RestrictionDocumentInput;
  /** YYYY-MM-DD: the day the matter was closed (the closing document's day); null while open. */
  closedOn?: string | null;
}

/**
 * Another proposal naming the same registered person (ND-3), as the caller found it: only those still open or
 * awarded (rejected and withdrawn ones are left out by the caller).
 */
export interface OtherProposalInput {
  id: string;
  kind: ProposalFacts['kind'];
  campaignId: string | null;
  awardForm: AwardForm;
  achievement: { date: string; summary: string };
  /** `awarded` for a decided award (by the chairman or the unit), `open` while it is still on its way. */
  status: 'open' | 'awarded';
}

/** What the registry knows of the nominee (docs/rules.md, ND-1 and ND-3). */
export interface PersonFacts {
  restrictions: readonly RestrictionInput[];
  otherProposals?: readonly OtherProposalInput[];
}

/** The proposal fields the rules read; a machine context or a proposal row can be passed as it is. */
export type ProposalFacts = Pick<ProposalInput, 'kind' | 'unitId' | 'campaignId' | 'awardForm' | 'nominee' | 'achievement'>;

export type CampaignRound = 'campaign' | 'anniversary' | 'programme_summary';

/**
 * The award guidance of a campaign (hướng dẫn khen thưởng). Every field the directive requires is optional
 * here on purpose: naming what is missing is TH-1's job, so the rulebook must accept a guidance that lacks it.
 * A `CampaignGuidance` (libs/proposals) is assignable to this shape.
 */
export interface GuidanceInput {
  ref?: string | null;
  issuedAt?: string | null;
  scope?: string | null;
  subjects?: string | null;
  criteria?: string | null;
  /** YYYY-MM-DD, both days inclusive. */
  achievementPeriod?: { from?: string | null; to?: string | null } | null;
  awardForms?: readonly AwardForm[] | null;
  /** How many proposals of each award form the guidance allows in the campaign (TH-1). */
  quota?: Partial<Record<AwardForm, number>> | null;
  /** Anniversary rounds: the numbers each unit agreed with the home-affairs department (TH-2). */
  unitQuota?: Readonly<Record<string, Partial<Record<AwardForm, number>>>> | null;
  /** Programme summaries: how many steering-committee members may be proposed (TH-3); none set, no cap. */
  steeringMemberCap?: number | null;
}

/** The campaign a thematic proposal belongs to. A `CampaignRecord` (libs/proposals) is assignable to this shape. */
export interface CampaignInput {
  id?: string;
  title?: string;
  round: CampaignRound;
  plan: { ref?: string | null; issuedAt?: string | null } | null;
  launchedAt: string | null;
  finalReviewAt: string | null;
  guidance: GuidanceInput | null;
}

/**
 * The caller's count of the campaign's OTHER proposals that are past the unit stage (councilScreening and
 * after, awarded included) and neither rejected nor withdrawn. The proposal being judged is not in it: the
 * rules add it themselves. A missing entry counts as 0.
 */
export interface QuotaUsage {
  byAwardForm: Partial<Record<AwardForm, number>>;
  /** The same count restricted to this proposal's unit (TH-2). */
  byUnitAndAwardForm: Partial<Record<AwardForm, number>>;
  /** Of those, the ones whose nominee is a steering-committee member (TH-3). */
  steeringMembers: number;
}

export interface RuleInput {
  checkpoint: Checkpoint;
  proposal: ProposalFacts;
  /** The proposal's campaign, or null when it has none or it was not found. Ignored for extraordinary awards. */
  campaign: CampaignInput | null;
  /**
   * Needed to count quotas: required at `forward` for thematic proposals. At `create`/`update` it may be left
   * out; the counting parts of TH-1, TH-2 and TH-3 are then skipped (what cannot be known is not guessed).
   */
  usage?: QuotaUsage;
  /**
   * The registered person the nominee is, when it is one: the Art. 4 matters recorded against them and their
   * other proposals. Absent, ND-1 reads only the nominee's own `underDiscipline` flag and ND-3 says nothing.
   */
  person?: PersonFacts;
  /** Today in Vietnam (YYYY-MM-DD), handed in by the caller: a matter not yet begun or already closed is not open. */
  today?: string;
}
