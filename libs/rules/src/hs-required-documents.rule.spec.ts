import { documentRequirements, missingDocuments } from './hs-required-documents.rule.js';
import type { ProposalFacts } from './rule-input.js';

const thematic: ProposalFacts = {
  kind: 'thematic',
  unitId: 'u-1',
  campaignId: 'c-1',
  awardForm: 'chairman_certificate',
  nominee: { type: 'individual', name: 'Nguyễn Văn An' },
  achievement: { summary: 'Hoàn thành xuất sắc nhiệm vụ', date: '2026-03-01' },
};
const recognised: ProposalFacts = {
  ...thematic,
  kind: 'extraordinary',
  campaignId: null,
  achievement: { summary: 'Cứu người', date: '2026-04-22', recognizedAt: '2026-04-24', basis: 'rescue' },
};

describe('the dossier rules (HS-1 … HS-4)', () => {
  it.each([
    ['SUBMIT', thematic, ['HS-1:bao_cao_thanh_tich']],
    ['SUBMIT', recognised, ['HS-1:bao_cao_thanh_tich', 'HS-4:van_ban_cong_nhan']],
    ['FORWARD', thematic, ['HS-2:to_trinh']],
    ['RECOMMEND', thematic, ['HS-3:bien_ban_hoi_dong']],
    ['AGREE', thematic, []],
    ['APPROVE', thematic, []],
    ['AWARD_AT_UNIT', thematic, []],
    ['UPDATE', thematic, []],
  ] as const)('%s of a %s proposal asks for %j', (event, proposal, expected) => {
    expect(documentRequirements(event, proposal).map((r) => `${r.rule}:${r.documentKind}`)).toEqual(expected);
  });

  it('an extraordinary achievement without a recognition date needs only the report', () => {
    const dated = { ...recognised, achievement: { ...recognised.achievement, recognizedAt: undefined } };
    expect(documentRequirements('SUBMIT', dated).map((r) => r.rule)).toEqual(['HS-1']);
  });

  it('names only what is missing, each with the event and the kind to attach', () => {
    expect(missingDocuments('SUBMIT', recognised, ['bao_cao_thanh_tich', 'khac'])).toEqual([
      expect.objectContaining({ event: 'SUBMIT', rule: 'HS-4', documentKind: 'van_ban_cong_nhan' }),
    ]);
    expect(missingDocuments('SUBMIT', recognised, ['van_ban_cong_nhan', 'bao_cao_thanh_tich'])).toEqual([]);
    expect(missingDocuments('FORWARD', thematic, [])).toEqual([expect.objectContaining({ rule: 'HS-2', documentKind: 'to_trinh' })]);
  });

  it('speaks Vietnamese to the official and English to the log', () => {
    for (const requirement of [...documentRequirements('SUBMIT', recognised), ...documentRequirements('FORWARD', thematic)]) {
      expect(requirement.message).toMatch(/đính kèm/);
      expect(requirement.messageEn).toMatch(/attach/i);
    }
  });
});
