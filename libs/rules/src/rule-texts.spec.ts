import { RULE_IDS } from './rule-finding.js';
import { RULE_TEXTS } from './rule-texts.js';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

describe('RULE_TEXTS', () => {
  it('has a text for every rule ID and nothing else', () => {
    expect(Object.keys(RULE_TEXTS).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULE_IDS)('%s: Vietnamese title and summary, English title and summary, and a source', (id) => {
    const text = RULE_TEXTS[id];
    expect(text.title).toMatch(VIETNAMESE);
    expect(text.summary).toMatch(VIETNAMESE);
    expect(text.titleEn).toMatch(/^[\x20-\x7E’]+$/);
    expect(text.summaryEn.length).toBeGreaterThan(60);
    expect(text.source.length).toBeGreaterThan(20);
    expect(text.sourceEn.length).toBeGreaterThan(20);
  });

  const sources: [string, string][] = [
    ['TH-1', 'mục 1, ý thứ nhất'],
    ['TH-2', 'mục 1, ý thứ hai'],
    ['TH-3', 'mục 1, ý thứ ba'],
    ['TH-4', 'mục 1, ý thứ tư'],
    ['TH-5', 'Bộ luật Lao động 2019, Điều 112'],
    ['DX-1', 'mục 2, ý thứ nhất'],
    ['DX-2', 'mục 2, ý thứ hai'],
    ['DX-3', 'mục 2, ý thứ ba'],
    ['DX-4', 'Bộ luật Dân sự 2015, Điều 147, 148'],
    ['ND-1', 'Nghị định 152/2025/NĐ-CP'],
    ['ND-2', 'Nghị định 152/2025/NĐ-CP'],
    ['ND-3', 'Luật Thi đua, khen thưởng 2022, Điều 5'],
    ['HS-1', 'Luật Thi đua, khen thưởng 2022'],
    ['HS-2', 'Luật Thi đua, khen thưởng 2022'],
    ['HS-3', 'mục 1, ý thứ nhất'],
    ['HS-4', 'mục 2, ý thứ tư'],
  ];
  it.each(sources)('%s cites %s', (id, cited) => {
    expect(RULE_TEXTS[id as keyof typeof RULE_TEXTS].source).toContain(cited);
  });

  it('states the DX-2 boundary the system enforces', () => {
    expect(RULE_TEXTS['DX-2'].summary).toContain('20/30 đạt, 19/30 không đạt');
  });
});
