import { PASS, finding, refused, type RuleOutcome } from './rule-finding.js';
import type { RuleInput } from './rule-input.js';
import { awardFormEn, awardFormVi, countOf, isCount } from './rule-wording.js';

/**
 * TH-1, the number of awards: the guidance states how many awards of each form the campaign gives, and the
 * directive complains of units sending "too many" to the province.
 *
 * Reading (docs/rules.md): the number of proposals per award form may not exceed the guidance's quota. Counted
 * where a proposal reaches the province (FORWARD), against the campaign's other proposals already past the
 * unit stage (`usage.byAwardForm`) plus this one: exactly full is allowed, one over is refused.
 * A guidance that states no number for the form is TH-1's prerequisite finding, not a count, so it is left
 * to `th1CampaignPrerequisites`; without `usage` (early advice while drafting) nothing is counted.
 */
export function th1AwardQuota({ proposal, campaign, usage }: RuleInput): RuleOutcome {
  if (proposal.kind !== 'thematic' || usage === undefined) return PASS;
  const quota = campaign?.guidance?.quota?.[proposal.awardForm];
  if (!isCount(quota)) return PASS;

  const ordinal = countOf(usage.byAwardForm[proposal.awardForm]) + 1;
  if (ordinal <= quota) return PASS;
  return refused(
    finding(
      'TH-1',
      `Vượt số lượng khen thưởng theo hướng dẫn cho hình thức "${awardFormVi(proposal.awardForm)}": hồ sơ này là hồ sơ thứ ${ordinal}, hướng dẫn chỉ cho phép ${quota} (${ordinal}/${quota}).`,
      `Over the guidance's number of awards for the form "${awardFormEn(proposal.awardForm)}": this would be proposal ${ordinal}, the guidance allows ${quota} (${ordinal}/${quota}).`,
    ),
  );
}
