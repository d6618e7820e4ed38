import type { CampaignRound } from '#rules';
import type { AchievementBasis, AwardForm, NomineeType, ProposalKind } from '#workflows/proposal';
import type { Lang } from '../../i18n/i18n.js';

/*
 * The choices the forms offer, in both languages. The value lists are written out here instead of imported
 * from '#workflows/proposal', whose index also carries the state machines: a form screen has no use for them.
 */

export const PROPOSAL_KIND_CHOICES = ['thematic', 'extraordinary'] as const satisfies readonly ProposalKind[];
export const AWARD_FORM_CHOICES = ['unit_certificate', 'chairman_certificate'] as const satisfies readonly AwardForm[];
export const NOMINEE_TYPE_CHOICES = ['individual', 'collective'] as const satisfies readonly NomineeType[];
export const BASIS_CHOICES = ['outside_duty', 'rescue', 'combat'] as const satisfies readonly AchievementBasis[];
export const ROUND_CHOICES = ['campaign', 'anniversary', 'programme_summary'] as const satisfies readonly CampaignRound[];

export const KIND_NAMES: Record<Lang, Record<ProposalKind, string>> = {
  vi: { thematic: 'Khen thưởng theo chuyên đề (theo đợt)', extraordinary: 'Khen thưởng đột xuất' },
  en: { thematic: 'Thematic award (end of a campaign)', extraordinary: 'Extraordinary award' },
};

// Vietnamese as the directive and the rulebook's messages write them (AWARD_FORM_NAMES), so the form and the
// findings under it name the award the same way.
export const AWARD_FORM_LABELS: Record<Lang, Record<AwardForm, string>> = {
  vi: { unit_certificate: 'Giấy khen', chairman_certificate: 'Bằng khen của Chủ tịch UBND tỉnh' },
  en: { unit_certificate: 'Unit certificate (Giấy khen)', chairman_certificate: "Chairman's certificate (Bằng khen)" },
};

export const NOMINEE_TYPE_NAMES: Record<Lang, Record<NomineeType, string>> = {
  vi: { individual: 'Cá nhân', collective: 'Tập thể' },
  en: { individual: 'Individual', collective: 'Collective' },
};

export const BASIS_NAMES: Record<Lang, Record<AchievementBasis, string>> = {
  vi: {
    outside_duty: 'Thành tích ngoài chương trình, kế hoạch, nhiệm vụ phải đảm nhiệm',
    rescue: 'Hành động dũng cảm cứu người, cứu tài sản của Nhân dân, của Nhà nước',
    combat: 'Trong chiến đấu, phục vụ chiến đấu',
  },
  en: {
    outside_duty: "Outside the nominee's programme, plan or duties",
    rescue: 'A brave act saving people or public or private property',
    combat: 'In combat or its support',
  },
};

export const ROUND_NAMES: Record<Lang, Record<CampaignRound, string>> = {
  vi: {
    campaign: 'Phong trào thi đua',
    anniversary: 'Kỷ niệm ngày truyền thống, thành lập, đại hội nhiệm kỳ',
    programme_summary: 'Tổng kết chương trình, dự án, đề án',
  },
  en: {
    campaign: 'Emulation campaign',
    anniversary: 'Anniversary or term congress',
    programme_summary: 'Programme summary',
  },
};
