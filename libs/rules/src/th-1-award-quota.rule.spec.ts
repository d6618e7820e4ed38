import { th1AwardQuota } from './th-1-award-quota.rule.js';
import { campaign, extraordinary, guidance, specify, thematic, usage, type Expected } from './rule-spec.fixtures.js';

const rule = specify(th1AwardQuota);

describe('TH-1 award quota (guidance allows 10 chairman’s certificates)', () => {
  const cases: { others: number | undefined; then: Expected[] }[] = [
    { others: undefined, then: [] },
    { others: 0, then: [] },
    { others: 9, then: [] }, // this one makes 10 of 10: exactly full is allowed
    { others: 10, then: [['TH-1', 'hồ sơ này là hồ sơ thứ 11, hướng dẫn chỉ cho phép 10 (11/10)']] },
    { others: 25, then: [['TH-1', '(26/10)']] },
  ];
  it.each(cases)('with $others other proposals past the unit stage', ({ others, then }) => {
    rule
      .given({ usage: usage({ byAwardForm: others === undefined ? {} : { chairman_certificate: others } }) })
      .when({ proposal: thematic() })
      .then({ violations: then });
  });

  it('names the award form in both languages', () => {
    const outcome = rule
      .given({ usage: usage({ byAwardForm: { chairman_certificate: 10 } }) })
      .when({ proposal: thematic() })
      .then({ violations: [['TH-1', 'Vượt số lượng khen thưởng theo hướng dẫn cho hình thức "Bằng khen của Chủ tịch UBND tỉnh"']] });
    expect(outcome.violations[0]!.messageEn).toContain('"chairman\'s certificate"');
  });

  it('counts only proposals of the same award form', () => {
    rule
      .given({ usage: usage({ byAwardForm: { unit_certificate: 500, chairman_certificate: 9 } }) })
      .when({ proposal: thematic() })
      .then({});
  });

  it('counts the campaign, not the unit: other units’ proposals fill the quota too', () => {
    rule
      .given({ usage: usage({ byAwardForm: { chairman_certificate: 10 }, byUnitAndAwardForm: {} }) })
      .when({ proposal: thematic() })
      .then({ violations: ['TH-1'] });
  });

  it('refuses the first proposal when the guidance allows none of that form', () => {
    rule
      .given({ campaign: campaign({ guidance: guidance({ quota: { chairman_certificate: 0 } }) }), usage: usage() })
      .when({ proposal: thematic() })
      .then({ violations: [['TH-1', '(1/0)']] });
  });

  it('counts nothing without usage (early advice while drafting)', () => {
    rule
      .given({ campaign: campaign({ guidance: guidance({ quota: { chairman_certificate: 0 } }) }) })
      .when({ proposal: thematic(), checkpoint: 'create' })
      .then({});
  });

  it('leaves a missing number or a missing guidance to the prerequisites rule', () => {
    rule
      .given({ campaign: campaign({ guidance: guidance({ quota: {} }) }), usage: usage({ byAwardForm: { chairman_certificate: 99 } }) })
      .when({ proposal: thematic() })
      .then({});
    rule
      .given({ campaign: campaign({ guidance: null }), usage: usage({ byAwardForm: { chairman_certificate: 99 } }) })
      .when({ proposal: thematic() })
      .then({});
  });

  it('does not apply to extraordinary awards', () => {
    rule
      .given({ usage: usage({ byAwardForm: { chairman_certificate: 99 } }) })
      .when({ proposal: extraordinary({ campaignId: 'campaign-1' }) })
      .then({});
  });
});
