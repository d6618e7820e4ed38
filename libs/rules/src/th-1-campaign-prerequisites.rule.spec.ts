import type { CampaignInput, GuidanceInput } from './rule-input.js';
import { campaign, extraordinary, guidance, specify, thematic, type Expected } from './rule-spec.fixtures.js';
import { th1CampaignPrerequisites } from './th-1-campaign-prerequisites.rule.js';

const rule = specify(th1CampaignPrerequisites);

describe('TH-1 campaign prerequisites', () => {
  it('passes a thematic proposal whose campaign is complete and whose achievement and form match the guidance', () => {
    rule.given().when({ proposal: thematic(), checkpoint: 'submit' }).then({});
  });

  it('ignores extraordinary proposals, which need no campaign', () => {
    rule.given({ campaign: null }).when({ proposal: extraordinary() }).then({});
  });

  it('refuses a thematic proposal that names no campaign', () => {
    rule
      .given({ campaign: null })
      .when({ proposal: thematic({ campaignId: null }) })
      .then({ violations: [['TH-1', 'hồ sơ chưa chọn phong trào thi đua']] });
  });

  it('refuses a thematic proposal whose campaign was not found, naming the campaign', () => {
    rule
      .given({ campaign: null })
      .when({ proposal: thematic({ campaignId: 'c-404' }) })
      .then({ violations: [['TH-1', 'Không tìm thấy phong trào thi đua "c-404"']] });
  });

  // Every piece the directive asks of a campaign and its guidance, taken away one at a time.
  const missing: { piece: string; campaign: CampaignInput; says: string }[] = [
    { piece: 'the plan', campaign: campaign({ plan: null }), says: 'chưa có kế hoạch thi đua' },
    { piece: 'a plan without a reference', campaign: campaign({ plan: { ref: '', issuedAt: '2025-12-01' } }), says: 'chưa có kế hoạch thi đua' },
    { piece: 'the launch', campaign: campaign({ launchedAt: null }), says: 'chưa được phát động' },
    { piece: 'the final review', campaign: campaign({ finalReviewAt: null }), says: 'chưa tổ chức tổng kết' },
    { piece: 'the guidance', campaign: campaign({ guidance: null }), says: 'Chưa ban hành hướng dẫn khen thưởng' },
    ...guidancePieces(),
  ];

  it.each(missing)('names a missing piece: $piece', ({ campaign: given, says }) => {
    rule.given({ campaign: given }).when({ proposal: thematic() }).then({ violations: [['TH-1', says]] });
  });

  it('names every missing piece of the campaign at once, in the order of the directive', () => {
    rule
      .given({ campaign: campaign({ plan: null, launchedAt: null, finalReviewAt: null, guidance: null }) })
      .when({ proposal: thematic() })
      .then({
        violations: [
          ['TH-1', 'kế hoạch'],
          ['TH-1', 'phát động'],
          ['TH-1', 'tổng kết'],
          ['TH-1', 'hướng dẫn khen thưởng'],
        ],
      });
  });

  it('names every missing piece of an empty guidance at once', () => {
    const empty: GuidanceInput = {};
    rule
      .given({ campaign: campaign({ guidance: empty }) })
      .when({ proposal: thematic() })
      .then({
        violations: [
          ['TH-1', 'số hiệu'],
          ['TH-1', 'ngày ban hành'],
          ['TH-1', 'phạm vi'],
          ['TH-1', 'đối tượng'],
          ['TH-1', 'tiêu chuẩn'],
          ['TH-1', 'thời gian lập thành tích'],
          ['TH-1', 'hình thức khen thưởng'],
          ['TH-1', 'số lượng khen thưởng'],
        ],
      });
  });

  describe('the achievement lies inside the guidance period, both ends included (2026-01-01 to 2026-06-30)', () => {
    const cases: { date: string; then: Expected[] }[] = [
      { date: '2026-01-01', then: [] },
      { date: '2026-06-30', then: [] },
      { date: '2025-12-31', then: [['TH-1', 'Thành tích ngày 31/12/2025 nằm ngoài thời gian lập thành tích theo hướng dẫn khen thưởng (01/01/2026–30/06/2026)']] },
      { date: '2026-07-01', then: [['TH-1', 'Thành tích ngày 01/07/2026 nằm ngoài']] },
      { date: '2026-3-15', then: [['TH-1', 'Ngày lập thành tích "2026-3-15" không hợp lệ']] },
      { date: '2026-03-15T10:00:00Z', then: [['TH-1', 'không hợp lệ']] },
    ];
    it.each(cases)('achievement on $date', ({ date, then }) => {
      rule.given().when({ proposal: thematic({ achievement: { date } }) }).then({ violations: then });
    });

    it('gives the English message the ISO dates', () => {
      const outcome = rule.given().when({ proposal: thematic({ achievement: { date: '2025-12-31' } }) }).then({ violations: ['TH-1'] });
      expect(outcome.violations[0]!.messageEn).toBe(
        "The achievement of 2025-12-31 lies outside the guidance's achievement period (2026-01-01 to 2026-06-30).",
      );
    });

    it('refuses a period that ends before it starts, and does not also call the achievement outside it', () => {
      rule
        .given({ campaign: campaign({ guidance: guidance({ achievementPeriod: { from: '2026-07-01', to: '2026-01-01' } }) }) })
        .when({ proposal: thematic() })
        .then({ violations: [['TH-1', 'Thời gian lập thành tích trong hướng dẫn khen thưởng không hợp lệ (01/07/2026–01/01/2026)']] });
    });

    it('accepts a one-day period', () => {
      rule
        .given({ campaign: campaign({ guidance: guidance({ achievementPeriod: { from: '2026-03-15', to: '2026-03-15' } }) }) })
        .when({ proposal: thematic() })
        .then({});
    });
  });

  describe('the award form is one the guidance offers', () => {
    it('refuses a form the guidance does not offer, listing the ones it does, without also asking for its number', () => {
      rule
        .given({ campaign: campaign({ guidance: guidance({ awardForms: ['unit_certificate'], quota: { unit_certificate: 5 } }) }) })
        .when({ proposal: thematic({ awardForm: 'chairman_certificate' }) })
        .then({
          violations: [['TH-1', 'Hình thức "Bằng khen của Chủ tịch UBND tỉnh" không thuộc các hình thức khen thưởng của hướng dẫn (Giấy khen)']],
        });
    });

    it('refuses an offered form for which the guidance states no number', () => {
      rule
        .given({ campaign: campaign({ guidance: guidance({ quota: { unit_certificate: 5 } }) }) })
        .when({ proposal: thematic({ awardForm: 'chairman_certificate' }) })
        .then({ violations: [['TH-1', 'chưa quy định số lượng cho hình thức "Bằng khen của Chủ tịch UBND tỉnh"']] });
    });

    it('takes a stated number of zero as stated (the count is the quota rule’s business)', () => {
      rule
        .given({ campaign: campaign({ guidance: guidance({ quota: { chairman_certificate: 0 } }) }) })
        .when({ proposal: thematic() })
        .then({});
    });

    it('does not take a negative or fractional number as a stated quota', () => {
      rule
        .given({ campaign: campaign({ guidance: guidance({ quota: { chairman_certificate: -1, unit_certificate: 2.5 } }) }) })
        .when({ proposal: thematic() })
        .then({ violations: [['TH-1', 'chưa xác định số lượng khen thưởng']] });
    });
  });
});

function guidancePieces(): { piece: string; campaign: CampaignInput; says: string }[] {
  const without = (piece: string, overrides: Partial<GuidanceInput>, says: string) => ({
    piece,
    campaign: campaign({ guidance: guidance(overrides) }),
    says,
  });
  return [
    without('the guidance reference', { ref: '' }, 'chưa ghi số hiệu văn bản'),
    without('the guidance issue date', { issuedAt: null }, 'chưa ghi ngày ban hành'),
    without('the scope', { scope: undefined }, 'chưa xác định phạm vi khen thưởng'),
    without('a blank scope', { scope: '   ' }, 'chưa xác định phạm vi khen thưởng'),
    without('the subjects', { subjects: '' }, 'chưa xác định đối tượng khen thưởng'),
    without('the criteria', { criteria: null }, 'chưa xác định tiêu chuẩn khen thưởng'),
    without('the achievement period', { achievementPeriod: null }, 'chưa xác định thời gian lập thành tích'),
    without('the end of the period', { achievementPeriod: { from: '2026-01-01', to: '' } }, 'chưa xác định thời gian lập thành tích'),
    without('the award forms', { awardForms: [] }, 'chưa xác định hình thức khen thưởng'),
    without('the numbers', { quota: {} }, 'chưa xác định số lượng khen thưởng'),
    without('the numbers (null)', { quota: null }, 'chưa xác định số lượng khen thưởng'),
  ];
}
