import { PASS, finding, type Finding, type RuleOutcome } from './rule-finding.js';
import type { RuleInput } from './rule-input.js';
import { isCount } from './rule-wording.js';

/**
 * TH-3 (directive, section 1, third point): when a multi-sector, province-wide programme is summed up, do not
 * propose a provincial award for the steering committee (or an equivalent collective), limit awards to its
 * members, and favour those who did the work at the grassroots.
 *
 * Reading (docs/rules.md): a nominee flagged `steeringCommittee` (the committee, or a collective marked equivalent)
 * is refused. A nominee flagged `steeringCommitteeMember` is allowed but always carries a warning, so every
 * reviewer down the line sees that the directive asks to limit such awards; where the guidance sets
 * `steeringMemberCap`, members beyond it are refused. "Limit" without a cap cannot be counted, hence only
 * the warning then.
 */
export function th3ProgrammeSummary({ proposal, campaign, usage }: RuleInput): RuleOutcome {
  if (proposal.kind !== 'thematic' || campaign === null || campaign.round !== 'programme_summary') return PASS;
  const nominee = proposal.nominee;
  if (nominee.steeringCommittee !== true && nominee.steeringCommitteeMember !== true) return PASS;

  let violations: Finding[] | null = null;
  let warnings: Finding[] | null = null;
  if (nominee.steeringCommittee === true) {
    violations = [
      finding(
        'TH-3',
        `Không đề nghị UBND tỉnh khen thưởng Ban Chỉ đạo (hoặc tập thể tương đương) khi tổng kết chương trình, dự án, đề án: "${nominee.name}".`,
        `No provincial award for a steering committee (or an equivalent collective) at a programme summary: "${nominee.name}".`,
      ),
    ];
  }
  if (nominee.steeringCommitteeMember === true) {
    const cap = campaign.guidance?.steeringMemberCap;
    const capped = isCount(cap) && usage !== undefined;
    const ordinal = capped ? usage.steeringMembers + 1 : 0;
    warnings = [
      finding(
        'TH-3',
        `"${nominee.name}" là thành viên Ban Chỉ đạo: hạn chế khen thưởng thành viên Ban Chỉ đạo, tập trung khen thưởng tập thể, cá nhân trực tiếp thực hiện nhiệm vụ tại cơ sở${capped ? ` (thành viên thứ ${ordinal}, giới hạn theo hướng dẫn là ${cap})` : ''}.`,
        `"${nominee.name}" is a steering-committee member: awards to members are to be limited, in favour of those who did the work at the grassroots${capped ? ` (member ${ordinal}, the guidance's cap is ${cap})` : ''}.`,
      ),
    ];
    if (capped && ordinal > cap) {
      (violations ??= []).push(
        finding(
          'TH-3',
          `Vượt giới hạn khen thưởng thành viên Ban Chỉ đạo theo hướng dẫn: hồ sơ này là thành viên thứ ${ordinal}, hướng dẫn chỉ cho phép ${cap} (${ordinal}/${cap}).`,
          `Over the guidance's cap on steering-committee members: this would be member ${ordinal}, the guidance allows ${cap} (${ordinal}/${cap}).`,
        ),
      );
    }
  }
  return { violations: violations ?? PASS.violations, warnings: warnings ?? PASS.warnings };
}
