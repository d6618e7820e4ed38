import { dx2CollectiveShare } from './dx-2-collective-share.rule.js';
import { extraordinary, specify, thematic, type Expected } from './rule-spec.fixtures.js';

const rule = specify(dx2CollectiveShare);
const collective = (ownParticipants?: number, totalParticipants?: number) =>
  extraordinary({ nominee: { type: 'collective', name: 'Đội PCCC huyện', ownParticipants, totalParticipants } });
const INDIVIDUALS_FIRST: Expected = ['DX-2', 'chú trọng cá nhân trực tiếp tham gia lập thành tích là chính'];

describe('DX-2 extraordinary awards to collectives', () => {
  const cases: { own?: number; total?: number; then: Expected[] }[] = [
    { own: 20, total: 30, then: [] },
    { own: 19, total: 30, then: [['DX-2', 'Tập thể chỉ được đề nghị khi lực lượng của đơn vị chiếm ít nhất 2/3 tổng lực lượng tham gia (19/30)']] },
    { own: 2, total: 3, then: [] },
    { own: 1, total: 3, then: [['DX-2', '(1/3)']] },
    { own: 30, total: 30, then: [] },
    { own: 1, total: 1, then: [] },
    { own: 0, total: 1, then: [['DX-2', '(0/1)']] },
    { own: 0, total: 0, then: [['DX-2', 'Số liệu lực lượng tham gia không hợp lệ (0/0)']] },
    { own: 31, total: 30, then: [['DX-2', 'không hợp lệ (31/30)']] },
    { own: -1, total: 30, then: [['DX-2', 'không hợp lệ (-1/30)']] },
    { own: 20.5, total: 30, then: [['DX-2', 'không hợp lệ (20.5/30)']] },
    { own: undefined, total: 30, then: [['DX-2', 'phải nêu số cán bộ của đơn vị tham gia và tổng số lực lượng tham gia']] },
    { own: 20, total: undefined, then: [['DX-2', 'phải nêu số cán bộ']] },
  ];
  it.each(cases)('$own of $total', ({ own, total, then }) => {
    rule.given().when({ proposal: collective(own, total) }).then({ violations: then, warnings: [INDIVIDUALS_FIRST] });
  });

  it('agrees with "own ≥ ⌈2·total/3⌉" on every count up to 60', () => {
    const disagreements: string[] = [];
    for (let total = 1; total <= 60; total++) {
      for (let own = 0; own <= total; own++) {
        const qualifies = dx2CollectiveShare({ checkpoint: 'submit', proposal: collective(own, total), campaign: null }).violations.length === 0;
        if (qualifies !== own >= Math.ceil((2 * total) / 3)) disagreements.push(`${own}/${total}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('warns "individuals first" on every collective, even one that qualifies', () => {
    rule.given().when({ proposal: collective(30, 30) }).then({ warnings: [INDIVIDUALS_FIRST] });
  });

  it('does not apply to individuals or to thematic awards', () => {
    rule.given().when({ proposal: extraordinary() }).then({});
    rule.given().when({ proposal: thematic({ nominee: { type: 'collective', ownParticipants: 1, totalParticipants: 30 } }) }).then({});
  });
});
