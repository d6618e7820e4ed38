import { nd3OneAwardPerAchievement } from './nd-3-one-award-per-achievement.rule.js';
import type { OtherProposalInput } from './rule-input.js';
import { CAMPAIGN_ID, extraordinary, specify, thematic } from './rule-spec.fixtures.js';

const rule = specify(nd3OneAwardPerAchievement);

const other = (overrides: Partial<OtherProposalInput> = {}): OtherProposalInput => ({
  id: 'p-other',
  kind: 'thematic',
  campaignId: 'campaign-2',
  awardForm: 'unit_certificate',
  achievement: { date: '2026-03-15', summary: 'Dẫn đầu phong trào' },
  status: 'open',
  ...overrides,
});

describe('ND-3 one achievement, one award (Law on Emulation and Commendation 2022, Art. 5)', () => {
  it('Given another open proposal for the same day and summary (typed without tone marks), When judged, Then a warning, not a refusal', () => {
    rule
      .given({ person: { restrictions: [], otherProposals: [other({ achievement: { date: '2026-03-15', summary: 'dan dau  PHONG TRAO' } })] } })
      .when({ proposal: thematic({ campaignId: 'campaign-3' }) })
      .then({ warnings: [['ND-3', 'cùng thành tích ngày 15/03/2026 (đang được xét): không tặng thưởng nhiều hình thức cho một thành tích']] });
  });

  it('Given an awarded extraordinary proposal of the same day with other words, When another extraordinary one is judged, Then it warns it was awarded', () => {
    rule
      .given({ person: { restrictions: [], otherProposals: [other({ kind: 'extraordinary', campaignId: null, status: 'awarded', achievement: { date: '2026-04-22', summary: 'Cứu 2 cháu nhỏ' } })] } })
      .when({ checkpoint: 'submit', proposal: extraordinary() })
      .then({ warnings: [['ND-3', '(đã được khen thưởng)']] });
  });

  it('Given another thematic proposal in the same campaign, When judged, Then it warns of the same round', () => {
    rule
      .given({ person: { restrictions: [], otherProposals: [other({ campaignId: CAMPAIGN_ID, achievement: { date: '2026-02-01', summary: 'Khác' } })] } })
      .when({ proposal: thematic() })
      .then({ warnings: [['ND-3', 'trong cùng đợt thi đua']] });
  });

  it('Given another proposal of a different day, summary and campaign, When judged, Then nothing', () => {
    rule
      .given({ person: { restrictions: [], otherProposals: [other({ achievement: { date: '2026-01-02', summary: 'Khác' } })] } })
      .when({ proposal: thematic() })
      .then({});
  });

  it('Given an extraordinary and a thematic proposal on the same day with different summaries, When judged, Then nothing', () => {
    rule
      .given({ person: { restrictions: [], otherProposals: [other({ achievement: { date: '2026-04-22', summary: 'Khác' } })] } })
      .when({ proposal: extraordinary() })
      .then({});
  });

  it('Given no registered person, When judged, Then nothing', () => {
    rule.given().when({ proposal: thematic() }).then({});
  });
});
