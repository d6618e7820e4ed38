import { foldVietnamese } from '#kernel';
import { PASS, finding, warned, type Finding, type RuleOutcome } from './rule-finding.js';
import type { OtherProposalInput, ProposalFacts, RuleInput } from './rule-input.js';
import { dayVi } from './rule-wording.js';

const LAW = 'Điều 5 Luật Thi đua, khen thưởng 2022';
const LAW_EN = 'Law on Emulation and Commendation 2022, Art. 5';

type Overlap = 'achievement' | 'round';

/**
 * Why the other proposal looks like the same award: the same achievement (same day and the same summary, read
 * without case, tone marks or extra spaces; or, for two extraordinary proposals, the same day alone, since an
 * extraordinary act is one act on one day) or the same round (two thematic proposals of one campaign).
 */
function overlap(proposal: ProposalFacts, other: OtherProposalInput): Overlap | null {
  const sameDay = other.achievement.date === proposal.achievement.date;
  if (sameDay && foldVietnamese(other.achievement.summary) === foldVietnamese(proposal.achievement.summary)) return 'achievement';
  if (sameDay && proposal.kind === 'extraordinary' && other.kind === 'extraordinary') return 'achievement';
  if (proposal.kind === 'thematic' && other.kind === 'thematic' && proposal.campaignId !== null && other.campaignId === proposal.campaignId) {
    return 'round';
  }
  return null;
}

/**
 * ND-3 (Law on Emulation and Commendation 2022, Art. 5: "không tặng thưởng nhiều hình thức cho một thành tích"):
 * one achievement earns one award.
 *
 * Reading (docs/rules.md): the same registered person named by another proposal that is still open or already
 * awarded, for the same achievement or in the same campaign round, is a warning on this one, never a refusal:
 * the reviewers decide whether the two really are one achievement. Rejected and withdrawn proposals do not count
 * (the caller leaves them out). Nothing is said of a nominee who is not a registered person.
 */
export function nd3OneAwardPerAchievement({ proposal, person }: RuleInput): RuleOutcome {
  const others = person?.otherProposals ?? [];
  if (others.length === 0) return PASS;
  const found: Finding[] = [];
  const name = proposal.nominee.name;
  for (const other of others) {
    const why = overlap(proposal, other);
    if (why === null) continue;
    const status = other.status === 'awarded' ? 'đã được khen thưởng' : 'đang được xét';
    const statusEn = other.status === 'awarded' ? 'already awarded' : 'still under consideration';
    found.push(
      why === 'achievement'
        ? finding(
            'ND-3',
            `"${name}" đã có một hồ sơ đề nghị khen thưởng khác cho cùng thành tích ngày ${dayVi(other.achievement.date)} (${status}): không tặng thưởng nhiều hình thức cho một thành tích (${LAW}).`,
            `"${name}" is already named by another proposal for the same achievement of ${other.achievement.date} (${statusEn}): one achievement earns one award (${LAW_EN}).`,
          )
        : finding(
            'ND-3',
            `"${name}" đã có một hồ sơ đề nghị khen thưởng khác trong cùng đợt thi đua (${status}): không tặng thưởng nhiều hình thức cho một thành tích (${LAW}).`,
            `"${name}" is already named by another proposal in the same campaign round (${statusEn}): one achievement earns one award (${LAW_EN}).`,
          ),
    );
  }
  return found.length === 0 ? PASS : warned(...found);
}
