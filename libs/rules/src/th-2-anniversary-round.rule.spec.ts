import type { GuidanceInput } from './rule-input.js';
import { th2AnniversaryRound } from './th-2-anniversary-round.rule.js';
import { UNIT, campaign, extraordinary, guidance, specify, thematic, usage, type Expected } from './rule-spec.fixtures.js';

const rule = specify(th2AnniversaryRound);
const anniversary = (unitQuota: GuidanceInput['unitQuota'] = guidance().unitQuota) => campaign({ round: 'anniversary', guidance: guidance({ unitQuota }) });
const outstanding = { outstanding: true };

describe('TH-2 anniversary rounds (unit-a agreed 3 chairman’s certificates with Sở Nội vụ)', () => {
  const counts: { unitOthers: number; then: Expected[] }[] = [
    { unitOthers: 0, then: [] },
    { unitOthers: 2, then: [] }, // the third of 3: exactly the agreed number is allowed
    { unitOthers: 3, then: [['TH-2', 'hồ sơ này là hồ sơ thứ 4 của đơn vị, số lượng đã thống nhất là 3 (4/3)']] },
  ];
  it.each(counts)('with $unitOthers other proposals of the unit past the unit stage', ({ unitOthers, then }) => {
    rule
      .given({ campaign: anniversary(), usage: usage({ byUnitAndAwardForm: { chairman_certificate: unitOthers } }) })
      .when({ proposal: thematic({ achievement: outstanding }) })
      .then({ violations: then });
  });

  it('counts the unit’s proposals, not the whole campaign’s', () => {
    rule
      .given({ campaign: anniversary(), usage: usage({ byAwardForm: { chairman_certificate: 9 }, byUnitAndAwardForm: { chairman_certificate: 1 } }) })
      .when({ proposal: thematic({ achievement: outstanding }) })
      .then({});
  });

  it.each([{ flag: undefined }, { flag: false }])('refuses a nominee not marked outstanding ($flag)', ({ flag }) => {
    rule
      .given({ campaign: anniversary(), usage: usage() })
      .when({ proposal: thematic({ achievement: { outstanding: flag } }) })
      .then({ violations: [['TH-2', 'chỉ đề nghị Chủ tịch UBND tỉnh khen thưởng tập thể, cá nhân có thành tích thực sự tiêu biểu, nổi bật']] });
  });

  const unagreed: { why: string; unitQuota: GuidanceInput['unitQuota'] }[] = [
    { why: 'the guidance has no unit quotas', unitQuota: null },
    { why: 'only other units agreed numbers', unitQuota: { 'unit-b': { chairman_certificate: 5 } } },
    { why: 'the unit agreed numbers for another form only', unitQuota: { [UNIT]: { unit_certificate: 5 } } },
  ];
  it.each(unagreed)('refuses, asking to agree with Sở Nội vụ first, when $why', ({ unitQuota }) => {
    rule
      .given({ campaign: anniversary(unitQuota), usage: usage() })
      .when({ proposal: thematic({ achievement: outstanding }) })
      .then({ violations: [['TH-2', 'cần thống nhất với Sở Nội vụ trước khi trình khen thưởng cấp tỉnh']] });
  });

  it('reports both when the nominee is not outstanding and nothing was agreed', () => {
    rule
      .given({ campaign: anniversary({}), usage: usage() })
      .when({ proposal: thematic() })
      .then({ violations: [['TH-2', 'tiêu biểu, nổi bật'], ['TH-2', 'Sở Nội vụ']] });
  });

  it('refuses the first proposal when the agreed number is zero', () => {
    rule
      .given({ campaign: anniversary({ [UNIT]: { chairman_certificate: 0 } }), usage: usage() })
      .when({ proposal: thematic({ achievement: outstanding }) })
      .then({ violations: [['TH-2', '(1/0)']] });
  });

  it('still checks the agreement but counts nothing without usage', () => {
    rule
      .given({ campaign: anniversary({ [UNIT]: { chairman_certificate: 0 } }) })
      .when({ proposal: thematic({ achievement: outstanding }), checkpoint: 'create' })
      .then({});
    rule.given({ campaign: anniversary({}) }).when({ proposal: thematic({ achievement: outstanding }), checkpoint: 'create' }).then({ violations: ['TH-2'] });
  });

  it.each([{ round: 'campaign' as const }, { round: 'programme_summary' as const }])('does not apply to a $round round', ({ round }) => {
    rule.given({ campaign: campaign({ round, guidance: guidance({ unitQuota: undefined }) }), usage: usage() }).when({ proposal: thematic() }).then({});
  });

  it('does not apply to extraordinary awards or to a campaign it cannot see', () => {
    rule.given({ campaign: anniversary({}), usage: usage() }).when({ proposal: extraordinary() }).then({});
    rule.given({ campaign: null, usage: usage() }).when({ proposal: thematic() }).then({});
  });
});
