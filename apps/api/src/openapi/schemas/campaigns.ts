import { ApiProperty } from '@nestjs/swagger';
import type {
  CampaignQuotaBody,
  CampaignRound,
  CampaignViewBody,
  ItemsBody,
  RescheduledCampaignBody,
} from '#contracts';
import { AWARD_FORMS, type AwardForm } from '#workflows/proposal';
import { DocumentRefDto, GuidanceDto } from '../../dto/unit-and-campaign.dto.js';
import type { Holds, SameFields } from '../contract-check.js';
import { CAMPAIGN_ROUNDS } from '../enums.js';
import { ProposalDeadlineResponse } from './proposals.js';

/** A campaign, with the day its dossiers must reach the department (TH-5). */
export class CampaignViewResponse implements CampaignViewBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: CAMPAIGN_ROUNDS })
  round!: CampaignRound;

  @ApiProperty({ type: DocumentRefDto, nullable: true })
  plan!: DocumentRefDto | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  launchedAt!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  finalReviewAt!: string | null;

  @ApiProperty({ type: GuidanceDto, nullable: true, description: 'The guidance (TH-1)' })
  guidance!: GuidanceDto | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  ceremonyDate!: string | null;

  @ApiProperty({ type: ProposalDeadlineResponse, nullable: true, description: 'TH-5, from the ceremony' })
  dossierDeadline!: ProposalDeadlineResponse | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CampaignListResponse implements ItemsBody<CampaignViewBody> {
  @ApiProperty({ type: [CampaignViewResponse] })
  items!: CampaignViewResponse[];
}

/** PATCH /api/campaigns/:id: the campaign, and how many open proposals had their TH-5 deadline moved. */
export class RescheduledCampaignResponse extends CampaignViewResponse implements RescheduledCampaignBody {
  @ApiProperty({ type: 'integer' })
  proposalsMoved!: number;
}

type QuotaLine = CampaignQuotaBody['byAwardForm'][number];

export class QuotaLineResponse implements QuotaLine {
  @ApiProperty({ enum: AWARD_FORMS })
  awardForm!: AwardForm;

  @ApiProperty({ type: 'integer', nullable: true, description: "The guidance's number; null when it sets none" })
  limit!: number | null;

  @ApiProperty({ type: 'integer', description: 'Proposals past the unit stage that use it' })
  used!: number;
}

export class CampaignQuotaResponse implements CampaignQuotaBody {
  @ApiProperty({ format: 'uuid' })
  campaignId!: string;

  @ApiProperty({ type: [QuotaLineResponse] })
  byAwardForm!: QuotaLineResponse[];
}

export type CampaignsMirror = [
  Holds<SameFields<CampaignViewResponse, CampaignViewBody>>,
  Holds<SameFields<CampaignListResponse, ItemsBody<CampaignViewBody>>>,
  Holds<SameFields<RescheduledCampaignResponse, RescheduledCampaignBody>>,
  Holds<SameFields<QuotaLineResponse, QuotaLine>>,
  Holds<SameFields<CampaignQuotaResponse, CampaignQuotaBody>>,
];
