import { PASS, finding, refused, type RuleOutcome } from './rule-finding.js';
import type { RuleInput } from './rule-input.js';

/**
 * TH-4 (directive, section 1, fourth point): no chairman's award for serving conferences, seminars, forums or
 * coordination programmes inside a sector, agency or unit.
 *
 * Reading (docs/rules.md): refused at provincial level; the unit may still award it within its authority, which is
 * why the rulebook runs this rule at FORWARD and not at AWARD_AT_UNIT. It is checked for both kinds: the
 * prohibition is about the chairman's award, and labelling service work "extraordinary" must not get around it.
 */
export function th4NoServiceWork({ proposal }: RuleInput): RuleOutcome {
  if (proposal.achievement.serviceWork !== true) return PASS;
  return refused(
    finding(
      'TH-4',
      'Không đề nghị Chủ tịch UBND tỉnh khen thưởng thành tích phục vụ hội nghị, hội thảo, diễn đàn hoặc chương trình phối hợp trong phạm vi ngành, cơ quan, đơn vị; đơn vị có thể khen thưởng theo thẩm quyền.',
      "No chairman's award for serving conferences, seminars, forums or coordination programmes inside a sector, agency or unit; the unit may award it within its own authority.",
    ),
  );
}
