/**
 * Test support only (no `.spec` suffix so Jest does not run it; never exported from the barrel).
 * Given/When/Then in the style of Emmett's DeciderSpecification: given the world the proposal lives in
 * (its campaign and the quota already used), when the proposal reaches a checkpoint, then these findings.
 */
import type { Achievement, Nominee } from '#workflows/proposal';
import type { Finding, RuleId, RuleOutcome } from './rule-finding.js';
import type { CampaignInput, Checkpoint, GuidanceInput, PersonFacts, ProposalFacts, QuotaUsage, RuleInput } from './rule-input.js';

export const UNIT = 'unit-a';
export const CAMPAIGN_ID = 'campaign-1';

/** A guidance that states everything TH-1 asks for; tests take pieces away from it. */
export const guidance = (overrides: Partial<GuidanceInput> = {}): GuidanceInput => ({
  ref: '12/HD-SNV',
  issuedAt: '2026-01-15',
  scope: 'Các cơ quan, đơn vị tham gia cụm, khối thi đua của tỉnh',
  subjects: 'Tập thể, cá nhân có thành tích trong phong trào',
  criteria: 'Hoàn thành xuất sắc nhiệm vụ của phong trào',
  achievementPeriod: { from: '2026-01-01', to: '2026-06-30' },
  awardForms: ['unit_certificate', 'chairman_certificate'],
  quota: { unit_certificate: 50, chairman_certificate: 10 },
  unitQuota: { [UNIT]: { chairman_certificate: 3 } },
  steeringMemberCap: 2,
  ...overrides,
});

export const campaign = (overrides: Partial<CampaignInput> = {}): CampaignInput => ({
  id: CAMPAIGN_ID,
  title: 'Phong trào thi đua "Chuyển đổi số"',
  round: 'campaign',
  plan: { ref: '45/KH-UBND', issuedAt: '2025-12-01' },
  launchedAt: '2026-01-05',
  finalReviewAt: '2026-07-10',
  guidance: guidance(),
  ...overrides,
});

interface ProposalOverrides {
  kind?: ProposalFacts['kind'];
  unitId?: string;
  campaignId?: string | null;
  awardForm?: ProposalFacts['awardForm'];
  nominee?: Partial<Nominee>;
  achievement?: Partial<Achievement>;
}

/** A thematic proposal for the chairman's certificate that breaks no rule in `campaign()`. */
export const thematic = (overrides: ProposalOverrides = {}): ProposalFacts => ({
  kind: 'thematic',
  unitId: overrides.unitId ?? UNIT,
  campaignId: overrides.campaignId === undefined ? CAMPAIGN_ID : overrides.campaignId,
  awardForm: overrides.awardForm ?? 'chairman_certificate',
  nominee: { type: 'individual', name: 'Nguyễn Văn A', ...overrides.nominee },
  achievement: { summary: 'Dẫn đầu phong trào', date: '2026-03-15', ...overrides.achievement },
});

/** An extraordinary rescue by an individual, for the chairman's certificate, that breaks no rule. */
export const extraordinary = (overrides: ProposalOverrides = {}): ProposalFacts => ({
  kind: 'extraordinary',
  unitId: overrides.unitId ?? UNIT,
  campaignId: overrides.campaignId ?? null,
  awardForm: overrides.awardForm ?? 'chairman_certificate',
  nominee: { type: 'individual', name: 'Trần Thị B', ...overrides.nominee },
  achievement: { summary: 'Cứu người đuối nước', date: '2026-04-22', basis: 'rescue', ...overrides.achievement },
});

export const usage = (overrides: Partial<QuotaUsage> = {}): QuotaUsage => ({
  byAwardForm: {},
  byUnitAndAwardForm: {},
  steeringMembers: 0,
  ...overrides,
});

/** A fragment of the Vietnamese message that must appear, or just the rule when the wording is not the point. */
export type Expected = RuleId | readonly [RuleId, string];

/** Vietnamese letters with diacritics: a message without any is not proper Vietnamese. */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

export function expectFindings(actual: readonly Finding[], expected: readonly Expected[]): void {
  expect(actual.map((f) => f.rule)).toEqual(expected.map((e) => (typeof e === 'string' ? e : e[0])));
  expected.forEach((e, i) => {
    const { message, messageEn } = actual[i]!;
    if (typeof e !== 'string') expect(message).toContain(e[1]);
    expect(message).toMatch(VIETNAMESE);
    expect(messageEn).toMatch(/[A-Za-z]{3}/);
  });
}

export interface Then {
  violations?: readonly Expected[];
  warnings?: readonly Expected[];
}

interface World {
  campaign?: CampaignInput | null;
  usage?: QuotaUsage;
  /** What the registry knows of the nominee (ND-1, ND-3). */
  person?: PersonFacts;
  /** Today in Vietnam, injected: the rules read no clock. */
  today?: string;
}

interface When {
  proposal: ProposalFacts;
  checkpoint?: Checkpoint;
}

/**
 * `given(world).when(proposal).then(findings)` against one rule or the whole rulebook. Unless said otherwise
 * the checkpoint is `forward` (where most rules apply) and the campaign is the complete `campaign()`.
 */
export function specify(judge: (input: RuleInput) => RuleOutcome) {
  return {
    given: (world: World = {}) => ({
      when: ({ proposal, checkpoint = 'forward' }: When) => {
        const input: RuleInput = {
          checkpoint,
          proposal,
          campaign: world.campaign === undefined ? campaign() : world.campaign,
          ...(world.usage === undefined ? {} : { usage: world.usage }),
          ...(world.person === undefined ? {} : { person: world.person }),
          ...(world.today === undefined ? {} : { today: world.today }),
        };
        return {
          input,
          then: ({ violations = [], warnings = [] }: Then): RuleOutcome => {
            const outcome = judge(input);
            expectFindings(outcome.violations, violations);
            expectFindings(outcome.warnings, warnings);
            return outcome;
          },
          thenThrows: (pattern: RegExp) => expect(() => judge(input)).toThrow(pattern),
        };
      },
    }),
  };
}
