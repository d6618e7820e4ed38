import { PASS, finding, refusedAll, type Finding, type RuleOutcome } from './rule-finding.js';
import type { RuleInput } from './rule-input.js';
import { awardFormEn, awardFormVi, countOf, isCount } from './rule-wording.js';

/**
 * TH-2 (directive, section 1, second point): for anniversaries and term congresses the units award within
 * their own authority; only truly exemplary, outstanding nominees go to the chairman, and before proposing at
 * provincial level the unit agrees criteria and numbers with the home-affairs department (Sở Nội vụ).
 *
 * Reading (docs/rules.md): a provincial proposal in an anniversary round must be marked `outstanding`, and counts
 * against the quota agreed for its unit (`guidance.unitQuota[unitId][awardForm]`). No agreed number means
 * the agreement has not happened yet, which the directive puts before the proposal: refused, not "unlimited".
 * Criteria agreed with the department are not data the system holds, so only the numbers are checked.
 */
export function th2AnniversaryRound({ proposal, campaign, usage }: RuleInput): RuleOutcome {
  if (proposal.kind !== 'thematic' || campaign === null || campaign.round !== 'anniversary') return PASS;

  let found: Finding[] | null = null;
  if (proposal.achievement.outstanding !== true) {
    found = [
      finding(
        'TH-2',
        'Đợt khen thưởng nhân dịp kỷ niệm, đại hội nhiệm kỳ: đơn vị khen thưởng theo thẩm quyền, chỉ đề nghị Chủ tịch UBND tỉnh khen thưởng tập thể, cá nhân có thành tích thực sự tiêu biểu, nổi bật; hồ sơ chưa được xác định là tiêu biểu, nổi bật.',
        'Anniversary or term-congress round: units award within their own authority and propose to the chairman only truly exemplary, outstanding nominees; the proposal is not marked outstanding.',
      ),
    ];
  }

  const agreed = campaign.guidance?.unitQuota?.[proposal.unitId]?.[proposal.awardForm];
  const form = awardFormVi(proposal.awardForm);
  if (!isCount(agreed)) {
    (found ??= []).push(
      finding(
        'TH-2',
        `Đơn vị chưa thống nhất với Sở Nội vụ về tiêu chuẩn, số lượng đề nghị "${form}" trong đợt kỷ niệm này; cần thống nhất với Sở Nội vụ trước khi trình khen thưởng cấp tỉnh.`,
        `The unit has not agreed criteria and numbers for the "${awardFormEn(proposal.awardForm)}" with the home-affairs department for this anniversary round; it must agree them with Sở Nội vụ before proposing at provincial level.`,
      ),
    );
  } else if (usage !== undefined) {
    const ordinal = countOf(usage.byUnitAndAwardForm[proposal.awardForm]) + 1;
    if (ordinal > agreed) {
      (found ??= []).push(
        finding(
          'TH-2',
          `Vượt số lượng đề nghị "${form}" đơn vị đã thống nhất với Sở Nội vụ: hồ sơ này là hồ sơ thứ ${ordinal} của đơn vị, số lượng đã thống nhất là ${agreed} (${ordinal}/${agreed}).`,
          `Over the number of "${awardFormEn(proposal.awardForm)}" proposals the unit agreed with the home-affairs department: this would be the unit's proposal ${ordinal}, the agreed number is ${agreed} (${ordinal}/${agreed}).`,
        ),
      );
    }
  }
  return found === null ? PASS : refusedAll(found);
}
