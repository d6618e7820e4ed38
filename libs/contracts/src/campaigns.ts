import type { CampaignRound } from '#rules';
import type { AwardForm } from '#workflows/proposal';
import type { ProposalDeadlineBody } from './proposals.js';

/** The kind of round a campaign is (the rulebook's: TH-2 and TH-3 depend on it). */
export type { CampaignRound };

/** A number of awards per award form (TH-1's quota). */
export type AwardCounts = Partial<Record<AwardForm, number>>;

/** The guidance of a campaign (TH-1): what it rewards, over which period, and how many of each award form. */
export interface CampaignGuidanceBody {
  ref: string;
  issuedAt: string;
  scope: string;
  subjects: string;
  criteria: string;
  achievementPeriod: { from: string; to: string };
  awardForms: AwardForm[];
  quota: AwardCounts;
  /** An anniversary round's numbers agreed per unit, by unit id. */
  unitQuota?: Record<string, AwardCounts>;
  steeringMemberCap?: number;
}

/** A campaign as clients see it, with the day its dossiers must reach the department (TH-5). */
export interface CampaignViewBody {
  id: string;
  title: string;
  round: CampaignRound;
  plan: { ref: string; issuedAt: string } | null;
  launchedAt: string | null;
  finalReviewAt: string | null;
  guidance: CampaignGuidanceBody | null;
  ceremonyDate: string | null;
  dossierDeadline: ProposalDeadlineBody | null;
  createdAt: string;
  updatedAt: string;
}

/** PATCH /api/campaigns/:id: the campaign, and how many open proposals had their TH-5 deadline moved. */
export type RescheduledCampaignBody = CampaignViewBody & { proposalsMoved: number };

/** GET /api/campaigns/:id/quota: how much of each award form's number the province has used. */
export interface CampaignQuotaBody {
  campaignId: string;
  byAwardForm: { awardForm: AwardForm; limit: number | null; used: number }[];
}

/**
 * POST /api/campaigns, as CreateCampaignDto (apps/api) validates it. The server requires the guidance and names
 * each of its fields still empty; a client may leave it out to hear that.
 */
export interface CreateCampaignBody {
  title: string;
  round: CampaignRound;
  plan?: { ref: string; issuedAt: string };
  launchedAt?: string;
  finalReviewAt?: string;
  ceremonyDate?: string;
  guidance?: CampaignGuidanceBody;
}

/** PATCH /api/campaigns/:id; `confirm` moves the ceremony even when open dossiers would then be late. */
export interface RescheduleCampaignBody {
  ceremonyDate: string;
  confirm?: boolean;
}
