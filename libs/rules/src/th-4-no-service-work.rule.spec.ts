import { th4NoServiceWork } from './th-4-no-service-work.rule.js';
import { extraordinary, specify, thematic, type Expected } from './rule-spec.fixtures.js';

const rule = specify(th4NoServiceWork);
const REFUSED: Expected = ['TH-4', 'Không đề nghị Chủ tịch UBND tỉnh khen thưởng thành tích phục vụ hội nghị, hội thảo, diễn đàn'];

describe('TH-4 no chairman’s award for service work', () => {
  const cases = [
    { name: 'thematic service work', proposal: thematic({ achievement: { serviceWork: true } }), then: [REFUSED] },
    { name: 'service work labelled extraordinary', proposal: extraordinary({ achievement: { serviceWork: true } }), then: [REFUSED] },
    { name: 'work that is not service work', proposal: thematic({ achievement: { serviceWork: false } }), then: [] },
    { name: 'work with no service flag', proposal: thematic(), then: [] },
  ];
  it.each(cases)('$name', ({ proposal, then }) => {
    rule.given().when({ proposal }).then({ violations: then });
  });

  it('tells the unit it may still award it within its authority', () => {
    rule.given().when({ proposal: thematic({ achievement: { serviceWork: true } }) }).then({ violations: [['TH-4', 'đơn vị có thể khen thưởng theo thẩm quyền']] });
  });
});
