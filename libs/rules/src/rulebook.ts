import type { AwardForm } from '#workflows/proposal';
import { dx1ExtraordinaryBasis } from './dx-1-extraordinary-basis.rule.js';
import { dx2CollectiveShare } from './dx-2-collective-share.rule.js';
import { nd1UnderDiscipline } from './nd-1-under-discipline.rule.js';
import { nd3OneAwardPerAchievement } from './nd-3-one-award-per-achievement.rule.js';
import type { Finding, RuleId, RuleOutcome } from './rule-finding.js';
import type { Checkpoint, RuleInput } from './rule-input.js';
import { th1AwardQuota } from './th-1-award-quota.rule.js';
import { th1CampaignPrerequisites } from './th-1-campaign-prerequisites.rule.js';
import { th2AnniversaryRound } from './th-2-anniversary-round.rule.js';
import { th3ProgrammeSummary } from './th-3-programme-summary.rule.js';
import { th4NoServiceWork } from './th-4-no-service-work.rule.js';

/** A rule: plain data in, findings out. No clock, no I/O, so the same input always gets the same answer. */
export type Rule = (input: RuleInput) => RuleOutcome;

/** Everything found at one checkpoint, in rule-ID order (RULE_IDS: TH-1 … TH-5, DX-1 … DX-4, ND-1 … ND-3). */
export interface RuleEvaluation {
  violations: Finding[];
  warnings: Finding[];
}

interface Check {
  id: RuleId;
  check: Rule;
}

const TH1_PREREQUISITES: Check = { id: 'TH-1', check: th1CampaignPrerequisites };
const TH1_QUOTA: Check = { id: 'TH-1', check: th1AwardQuota };
const TH2: Check = { id: 'TH-2', check: th2AnniversaryRound };
const TH3: Check = { id: 'TH-3', check: th3ProgrammeSummary };
const TH4: Check = { id: 'TH-4', check: th4NoServiceWork };
const DX1: Check = { id: 'DX-1', check: dx1ExtraordinaryBasis };
const DX2: Check = { id: 'DX-2', check: dx2CollectiveShare };
const ND1: Check = { id: 'ND-1', check: nd1UnderDiscipline };
const ND3: Check = { id: 'ND-3', check: nd3OneAwardPerAchievement };

// Each list is written in rule-ID order, so findings come out sorted without sorting them on every call.
// TH-5 and DX-4 are deadlines (libs/calendar); DX-3 and ND-2 are informational: none of them is checked here.

/** Leaving drafting: the campaign is complete, the proposal matches it, and the nominee may be awarded at all. */
const LEAVING_DRAFTING: readonly Check[] = [TH1_PREREQUISITES, DX1, DX2, ND1, ND3];
/** Reaching the province: everything of SUBMIT again (the campaign may have changed since), plus the provincial rules. */
const REACHING_PROVINCE: readonly Check[] = [TH1_PREREQUISITES, TH1_QUOTA, TH2, TH3, TH4, DX1, DX2, ND1, ND3];
/** Within the unit's own authority: TH-1…TH-4 govern what goes to the chairman, not what a unit may award. */
const AWARD_AT_UNIT: readonly Check[] = [DX1, DX2, ND1, ND3];
/**
 * After the unit, up to the chairman's decision: a matter of Decree 152 Art. 4 recorded since FORWARD still stops
 * the award (ND-1); nothing else is judged again at these steps.
 */
const PROVINCIAL_DECISION: readonly Check[] = [ND1];

function checksAt(checkpoint: Checkpoint, awardForm: AwardForm): readonly Check[] {
  switch (checkpoint) {
    case 'submit':
      return LEAVING_DRAFTING;
    case 'forward':
      return REACHING_PROVINCE;
    case 'award_at_unit':
      return AWARD_AT_UNIT;
    case 'recommend':
    case 'agree':
    case 'approve':
      return PROVINCIAL_DECISION;
    case 'create':
    case 'update':
      // Early advice on where the proposal is heading: one aimed at the chairman hears the provincial rules now
      // rather than at FORWARD, after the unit has already decided.
      return awardForm === 'chairman_certificate' ? REACHING_PROVINCE : LEAVING_DRAFTING;
    default:
      throw new TypeError(`Unknown rule checkpoint: ${String(checkpoint)}`);
  }
}

/** What the caller must read for a checkpoint, beyond the proposal itself (derived from the checks it runs). */
export interface CheckpointNeeds {
  /** A TH rule is asked: the proposal's campaign is read. */
  campaign: boolean;
  /** ND-3 is asked: the nominee's other proposals are read. */
  otherProposals: boolean;
  /**
   * The checkpoint's findings are the proposal's warnings from now on. Not so at the provincial decision steps,
   * where ND-1 alone is asked again and the advice found before them stands.
   */
  renewsWarnings: boolean;
}

export function factsNeededAt(checkpoint: Checkpoint, awardForm: AwardForm): CheckpointNeeds {
  const checks = checksAt(checkpoint, awardForm);
  return {
    campaign: checks.some(({ id }) => id.startsWith('TH-')),
    otherProposals: checks.some(({ id }) => id === 'ND-3'),
    renewsWarnings: checks !== PROVINCIAL_DECISION,
  };
}

/** The rule IDs checked at a checkpoint, for a proposal of that award form (in order, each once). */
export function rulesAt(checkpoint: Checkpoint, awardForm: AwardForm): RuleId[] {
  const ids: RuleId[] = [];
  for (const { id } of checksAt(checkpoint, awardForm)) if (ids[ids.length - 1] !== id) ids.push(id);
  return ids;
}

/**
 * Runs every rule that applies at `input.checkpoint` and returns all that they found at once, so a drafter
 * fixes everything in one round. At `create` and `update` nothing blocks: violations come back as warnings.
 *
 * Throws (a programming error, not a finding) for an unknown checkpoint, and at `forward` for a thematic
 * proposal without `usage`: a quota silently counted from zero would let the province be over-filled.
 */
export function evaluateRules(input: RuleInput): RuleEvaluation {
  const { checkpoint, proposal } = input;
  const checks = checksAt(checkpoint, proposal.awardForm);
  if (checkpoint === 'forward' && proposal.kind === 'thematic' && input.usage === undefined) {
    throw new TypeError('evaluateRules: `usage` is required at forward for a thematic proposal (TH-1, TH-2, TH-3 count it)');
  }
  const advisory = checkpoint === 'create' || checkpoint === 'update';
  const violations: Finding[] = [];
  const warnings: Finding[] = [];
  for (let i = 0; i < checks.length; i++) {
    const outcome = checks[i]!.check(input);
    // A rule's violations precede its warnings, and rules run in ID order: both lists stay sorted.
    const blocking = advisory ? warnings : violations;
    for (let j = 0; j < outcome.violations.length; j++) blocking.push(outcome.violations[j]!);
    for (let j = 0; j < outcome.warnings.length; j++) warnings.push(outcome.warnings[j]!);
  }
  return { violations, warnings };
}
