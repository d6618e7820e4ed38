import type { AwardForm, ProposalInput } from '#workflows/proposal';

/**
 * Where in the pipeline the rules are asked. The same proposal is judged differently at each point:
 * - `create`, `update`: early advice while drafting; everything found comes back as a warning, never a block.
 * - `submit`: the proposal leaves drafting for the unit's decision.
 * - `forward`: the unit sends it to the province (council, then the chairman's certificate).
 * - `award_at_unit`: the unit awards it within its own authority.
 */
export type Checkpoint = 'create' | 'update' | 'submit' | 'forward' | 'award_at_unit';
export const CHECKPOINTS: readonly Checkpoint[] = ['create', 'update', 'submit', 'forward', 'award_at_unit'];

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
}
