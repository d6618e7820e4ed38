import { PASS, finding, type Finding, type RuleOutcome } from './rule-finding.js';
import type { RuleInput } from './rule-input.js';
import { isCount } from './rule-wording.js';

const INDIVIDUALS_FIRST = finding(
  'DX-2',
  'Khen thưởng đột xuất chú trọng cá nhân trực tiếp tham gia lập thành tích là chính; cân nhắc khen thưởng các cá nhân trước khi đề nghị khen thưởng tập thể.',
  'Extraordinary awards go first to the individuals directly involved; consider awarding them before proposing the collective.',
);
Object.freeze(INDIVIDUALS_FIRST);
/** Shared: the same warning on every collective, allocated once. */
const WARNINGS: readonly Finding[] = Object.freeze([INDIVIDUALS_FIRST]);

/**
 * DX-2 (directive, section 2, second point): awards go first to the individuals directly involved; a
 * collective qualifies only when its own staff taking part make up at least 2/3 of all forces taking part.
 *
 * Reading (docs/rules.md): exact integer arithmetic, `3 × own ≥ 2 × total` (20 of 30 qualifies, 19 of 30 does
 * not); no floating-point 0.666… anywhere. Counts must be whole, own ≤ total, and total ≥ 1: 0 of 0 would
 * pass the inequality while saying nothing, so it is refused. "Individuals first" cannot be checked, so every
 * collective extraordinary proposal carries it as a warning.
 */
export function dx2CollectiveShare({ proposal }: RuleInput): RuleOutcome {
  if (proposal.kind !== 'extraordinary' || proposal.nominee.type !== 'collective') return PASS;
  const violation = shareViolation(proposal.nominee.ownParticipants, proposal.nominee.totalParticipants);
  return { violations: violation === null ? PASS.violations : [violation], warnings: WARNINGS };
}

function shareViolation(own: number | undefined, total: number | undefined): Finding | null {
  if (own == null || total == null) {
    return finding(
      'DX-2',
      'Tập thể đề nghị khen thưởng đột xuất phải nêu số cán bộ của đơn vị tham gia và tổng số lực lượng tham gia.',
      'A collective proposed for an extraordinary award must state how many of its own staff took part and the total of all forces taking part.',
    );
  }
  if (!isCount(own) || !isCount(total) || total === 0 || own > total) {
    return finding(
      'DX-2',
      `Số liệu lực lượng tham gia không hợp lệ (${own}/${total}): tổng lực lượng tham gia phải là số nguyên dương và số cán bộ của đơn vị không được vượt quá tổng số.`,
      `The participant counts are not valid (${own}/${total}): the total must be a positive whole number and the unit's own staff cannot exceed it.`,
    );
  }
  // Safe integers only (isCount), so both products are exact for any realistic force.
  if (3 * own >= 2 * total) return null;
  return finding(
    'DX-2',
    `Tập thể chỉ được đề nghị khi lực lượng của đơn vị chiếm ít nhất 2/3 tổng lực lượng tham gia (${own}/${total}).`,
    `A collective qualifies only when its own staff make up at least 2/3 of all forces taking part (${own}/${total}).`,
  );
}
