import type { AchievementBasis } from '#workflows/proposal';
import { PASS, finding, refused, type RuleOutcome } from './rule-finding.js';
import type { RuleInput } from './rule-input.js';

/** The three grounds of the directive, section 2, first point; kept here so the rulebook imports no machine code. */
const BASES: Readonly<Record<AchievementBasis, true>> = { outside_duty: true, rescue: true, combat: true };

/**
 * DX-1 (directive, section 2, first point): an extraordinary award only for an achievement outside the
 * programme, plan or duties the nominee is responsible for; a brave act saving people or the property of the
 * People or the State; or in combat or its support.
 *
 * Reading (docs/rules.md): every extraordinary proposal names its basis, `outside_duty`, `rescue` or `combat`;
 * none (or anything else) is refused. That the act really fits is the reviewers' judgement, not the system's.
 * Both texts name the grounds in words only: officials read them as they are (docs/rules.md), never the codes.
 */
export function dx1ExtraordinaryBasis({ proposal }: RuleInput): RuleOutcome {
  if (proposal.kind !== 'extraordinary') return PASS;
  const basis: unknown = proposal.achievement.basis;
  if (typeof basis === 'string' && Object.hasOwn(BASES, basis)) return PASS;

  const given = basis === undefined || basis === null || basis === '';
  return refused(
    finding(
      'DX-1',
      `Khen thưởng đột xuất phải nêu rõ căn cứ: thành tích ngoài chương trình, kế hoạch, nhiệm vụ phải đảm nhiệm; hành động dũng cảm cứu người, cứu tài sản của Nhân dân, của Nhà nước; hoặc trong chiến đấu, phục vụ chiến đấu. ${given ? 'Hồ sơ chưa nêu căn cứ.' : `Căn cứ "${String(basis)}" không hợp lệ.`}`,
      `An extraordinary award needs its basis: an achievement outside the nominee's programme, plan or duties; a brave act saving people or the property of the People or the State; or combat or its support. ${given ? 'The proposal names none.' : `"${String(basis)}" is not one of them.`}`,
    ),
  );
}
