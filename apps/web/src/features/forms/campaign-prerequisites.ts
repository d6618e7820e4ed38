import { th1CampaignPrerequisites, type CampaignInput, type Finding } from '#rules';
import type { AwardForm } from '#workflows/proposal';

/**
 * What TH-1 will refuse every proposal of this campaign for, judged by the server's own rule
 * (`th1CampaignPrerequisites`, the part of TH-1 run when a proposal leaves drafting).
 *
 * The rule judges a proposal against its campaign, so it is given stand-in proposals that cannot be at fault
 * themselves: one per award form the guidance offers (so a form without a number is named, and none is
 * called "not offered"), each dated on the first day of the achievement period (so never outside it). What
 * remains is about the campaign alone. The same finding from two stand-ins is listed once.
 */
export function campaignPrerequisiteFindings(campaign: CampaignInput): Finding[] {
  const offered = campaign.guidance?.awardForms;
  const forms: readonly AwardForm[] = offered && offered.length > 0 ? offered : ['unit_certificate'];
  const date = campaign.guidance?.achievementPeriod?.from ?? '';
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const awardForm of forms) {
    const outcome = th1CampaignPrerequisites({
      checkpoint: 'submit',
      proposal: {
        kind: 'thematic',
        unitId: 'any-unit',
        campaignId: campaign.id ?? 'this-campaign',
        awardForm,
        nominee: { type: 'individual', name: '' },
        achievement: { summary: '', date },
      },
      campaign,
    });
    for (const finding of [...outcome.violations, ...outcome.warnings]) {
      if (seen.has(finding.messageEn)) continue;
      seen.add(finding.messageEn);
      findings.push(finding);
    }
  }
  return findings;
}
