import { th3ProgrammeSummary } from './th-3-programme-summary.rule.js';
import { campaign, extraordinary, guidance, specify, thematic, usage, type Expected } from './rule-spec.fixtures.js';

const rule = specify(th3ProgrammeSummary);
const summary = (steeringMemberCap: number | null = 2) => campaign({ round: 'programme_summary', guidance: guidance({ steeringMemberCap }) });
const member = { name: 'Lê Văn C', steeringCommitteeMember: true };

describe('TH-3 programme summaries', () => {
  it('refuses the steering committee (or an equivalent collective) as nominee', () => {
    rule
      .given({ campaign: summary(), usage: usage() })
      .when({ proposal: thematic({ nominee: { type: 'collective', name: 'Ban Chỉ đạo Chương trình 135', steeringCommittee: true } }) })
      .then({ violations: [['TH-3', 'Không đề nghị UBND tỉnh khen thưởng Ban Chỉ đạo (hoặc tập thể tương đương) khi tổng kết chương trình, dự án, đề án: "Ban Chỉ đạo Chương trình 135"']] });
  });

  describe('a steering-committee member (the guidance caps members at 2)', () => {
    const cases: { others: number; violations: Expected[]; warnings: Expected[] }[] = [
      { others: 0, violations: [], warnings: [['TH-3', '"Lê Văn C" là thành viên Ban Chỉ đạo: hạn chế khen thưởng thành viên Ban Chỉ đạo, tập trung khen thưởng tập thể, cá nhân trực tiếp thực hiện nhiệm vụ tại cơ sở (thành viên thứ 1, giới hạn theo hướng dẫn là 2)']] },
      { others: 1, violations: [], warnings: [['TH-3', '(thành viên thứ 2, giới hạn theo hướng dẫn là 2)']] },
      { others: 2, violations: [['TH-3', 'hồ sơ này là thành viên thứ 3, hướng dẫn chỉ cho phép 2 (3/2)']], warnings: [['TH-3', 'thành viên thứ 3']] },
    ];
    it.each(cases)('with $others other members already proposed', ({ others, violations, warnings }) => {
      rule
        .given({ campaign: summary(), usage: usage({ steeringMembers: others }) })
        .when({ proposal: thematic({ nominee: member }) })
        .then({ violations, warnings });
    });

    it('carries the warning without a count where the guidance sets no cap', () => {
      const outcome = rule
        .given({ campaign: summary(null), usage: usage({ steeringMembers: 40 }) })
        .when({ proposal: thematic({ nominee: member }) })
        .then({ warnings: [['TH-3', 'hạn chế khen thưởng thành viên Ban Chỉ đạo']] });
      expect(outcome.warnings[0]!.message).not.toContain('giới hạn theo hướng dẫn');
    });

    it('carries the warning without a count when usage is unknown (early advice)', () => {
      rule
        .given({ campaign: summary(0) })
        .when({ proposal: thematic({ nominee: member }), checkpoint: 'create' })
        .then({ warnings: ['TH-3'] });
    });

    it('refuses the first member when the cap is zero', () => {
      rule
        .given({ campaign: summary(0), usage: usage() })
        .when({ proposal: thematic({ nominee: member }) })
        .then({ violations: [['TH-3', '(1/0)']], warnings: ['TH-3'] });
    });
  });

  it('reports a nominee flagged both as the committee and as a member on both counts', () => {
    rule
      .given({ campaign: summary(), usage: usage({ steeringMembers: 2 }) })
      .when({ proposal: thematic({ nominee: { ...member, steeringCommittee: true } }) })
      .then({ violations: [['TH-3', 'Ban Chỉ đạo (hoặc tập thể tương đương)'], ['TH-3', '(3/2)']], warnings: ['TH-3'] });
  });

  it('passes a nominee who did the work at the grassroots', () => {
    rule.given({ campaign: summary(), usage: usage({ steeringMembers: 99 }) }).when({ proposal: thematic() }).then({});
  });

  it.each([{ round: 'campaign' as const }, { round: 'anniversary' as const }])('does not apply to a $round round', ({ round }) => {
    rule
      .given({ campaign: campaign({ round }), usage: usage({ steeringMembers: 99 }) })
      .when({ proposal: thematic({ nominee: { ...member, steeringCommittee: true } }) })
      .then({});
  });

  it('does not apply to extraordinary awards', () => {
    rule.given({ campaign: summary(), usage: usage() }).when({ proposal: extraordinary({ nominee: { steeringCommittee: true } }) }).then({});
  });
});
