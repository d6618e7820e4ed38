import { PASS, finding, refused, type RuleOutcome } from './rule-finding.js';
import type { RuleInput } from './rule-input.js';

/**
 * ND-1 (Decree 152/2025/NĐ-CP, Art. 4, in force from 1 July 2025, replacing Decree 98/2023/NĐ-CP): no award
 * is considered while the nominee is under discipline, investigation or inspection, or while a complaint or
 * denunciation about it is being verified.
 *
 * Reading (docs/rules.md): a nominee flagged `underDiscipline` cannot leave drafting, nor be awarded by the unit or
 * forwarded; UPDATE clears the flag once the matter is closed. Applies to both kinds.
 */
export function nd1UnderDiscipline({ proposal }: RuleInput): RuleOutcome {
  if (proposal.nominee.underDiscipline !== true) return PASS;
  return refused(
    finding(
      'ND-1',
      `"${proposal.nominee.name}" đang trong thời gian xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc có đơn thư khiếu nại, tố cáo đang được xác minh: chưa xem xét khen thưởng (Điều 4 Nghị định 152/2025/NĐ-CP); cập nhật hồ sơ khi đã có kết luận.`,
      `"${proposal.nominee.name}" is under discipline, investigation or inspection, or a complaint or denunciation is being verified: no award is considered (Decree 152/2025/NĐ-CP, Art. 4); update the proposal once the matter is closed.`,
    ),
  );
}
