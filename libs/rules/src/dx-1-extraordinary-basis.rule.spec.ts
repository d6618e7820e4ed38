import type { AchievementBasis } from '#workflows/proposal';
import { dx1ExtraordinaryBasis } from './dx-1-extraordinary-basis.rule.js';
import { extraordinary, specify, thematic } from './rule-spec.fixtures.js';

const rule = specify(dx1ExtraordinaryBasis);

describe('DX-1 what counts as extraordinary', () => {
  it.each(['outside_duty', 'rescue', 'combat'] as const)('accepts the basis %s', (basis) => {
    rule.given().when({ proposal: extraordinary({ achievement: { basis } }) }).then({});
  });

  it.each([{ basis: undefined }, { basis: null }, { basis: '' }])('refuses a proposal that names no basis ($basis)', ({ basis }) => {
    rule
      .given()
      .when({ proposal: extraordinary({ achievement: { basis: basis as unknown as AchievementBasis } }) })
      .then({ violations: [['DX-1', 'Hồ sơ chưa nêu căn cứ.']] });
  });

  it.each(['bravery', 'toString', '__proto__', 'RESCUE'])('refuses an unknown basis "%s", naming it', (basis) => {
    rule
      .given()
      .when({ proposal: extraordinary({ achievement: { basis: basis as AchievementBasis } }) })
      .then({ violations: [['DX-1', `Căn cứ "${basis}" không hợp lệ.`]] });
  });

  it('lists the three grounds of the directive in the refusal', () => {
    rule
      .given()
      .when({ proposal: extraordinary({ achievement: { basis: undefined } }) })
      .then({ violations: [['DX-1', 'ngoài chương trình, kế hoạch, nhiệm vụ phải đảm nhiệm; hành động dũng cảm cứu người, cứu tài sản của Nhân dân, của Nhà nước; hoặc trong chiến đấu, phục vụ chiến đấu']] });
  });

  it('names the grounds in words in English too, without the codes of the API', () => {
    const { violations } = rule
      .given()
      .when({ proposal: extraordinary({ achievement: { basis: undefined } }) })
      .then({ violations: [['DX-1', 'Hồ sơ chưa nêu căn cứ.']] });
    const english = violations.map((violation) => violation.messageEn).join(' ');
    expect(english).toContain("outside the nominee's programme, plan or duties; a brave act saving people or the property of the People or the State; or combat or its support.");
    expect(english).not.toMatch(/outside_duty|\(rescue\)|\(combat\)/);
  });

  it('does not apply to thematic awards', () => {
    rule.given().when({ proposal: thematic({ achievement: { basis: undefined } }) }).then({});
  });
});
