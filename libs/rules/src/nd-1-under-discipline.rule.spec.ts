import { nd1UnderDiscipline } from './nd-1-under-discipline.rule.js';
import { extraordinary, specify, thematic } from './rule-spec.fixtures.js';

const rule = specify(nd1UnderDiscipline);

describe('ND-1 no award under a cloud', () => {
  it.each([
    { kind: 'thematic', proposal: thematic({ nominee: { name: 'Phạm Văn D', underDiscipline: true } }) },
    { kind: 'extraordinary', proposal: extraordinary({ nominee: { name: 'Phạm Văn D', underDiscipline: true } }) },
  ])('refuses a $kind nominee under discipline, naming the nominee and the decree', ({ proposal }) => {
    rule
      .given()
      .when({ proposal })
      .then({ violations: [['ND-1', '"Phạm Văn D" đang trong thời gian xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc có đơn thư khiếu nại, tố cáo đang được xác minh: chưa xem xét khen thưởng (Điều 4 Nghị định 152/2025/NĐ-CP)']] });
  });

  it.each([{ flag: false }, { flag: undefined }])('passes a nominee not flagged ($flag)', ({ flag }) => {
    rule.given().when({ proposal: thematic({ nominee: { underDiscipline: flag } }) }).then({});
  });
});
