import type { CampaignRound } from '#rules';
import type { AchievementBasis, AwardForm, NomineeType, ProposalKind } from '#workflows/proposal';
import type { Lang } from '../../i18n/i18n.js';

/*
 * The choices the forms offer (their names are the console's shared ones, in i18n/common.messages.ts). The value lists are written out here instead of imported
 * from '#workflows/proposal', whose index also carries the state machines: a form screen has no use for them.
 */

export const PROPOSAL_KIND_CHOICES = ['thematic', 'extraordinary'] as const satisfies readonly ProposalKind[];
export const AWARD_FORM_CHOICES = ['unit_certificate', 'chairman_certificate'] as const satisfies readonly AwardForm[];
export const NOMINEE_TYPE_CHOICES = ['individual', 'collective'] as const satisfies readonly NomineeType[];
export const BASIS_CHOICES = ['outside_duty', 'rescue', 'combat'] as const satisfies readonly AchievementBasis[];
export const ROUND_CHOICES = ['campaign', 'anniversary', 'programme_summary'] as const satisfies readonly CampaignRound[];
