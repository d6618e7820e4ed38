/**
 * The rulebook (docs/rules.md) as pure functions: plain data in, findings naming their rule ID out.
 * No framework, no clock, no I/O; deadlines (TH-5, DX-4) are libs/calendar's.
 */
export { RULE_IDS, PASS, type Finding, type RuleId, type RuleOutcome } from './rule-finding.js';
export {
  CHECKPOINTS,
  type CampaignInput,
  type CampaignRound,
  type Checkpoint,
  type GuidanceInput,
  type OtherProposalInput,
  type PersonFacts,
  type ProposalFacts,
  RESTRICTION_KINDS,
  type RestrictionDocumentInput,
  type RestrictionInput,
  type RestrictionKind,
  type QuotaUsage,
  type RuleInput,
} from './rule-input.js';
export { RULE_TEXTS, type RuleText } from './rule-texts.js';
export { AWARD_FORM_NAMES, awardFormVi, dayVi, STATE_NAMES } from './rule-wording.js';
export { evaluateRules, factsNeededAt, rulesAt, type CheckpointNeeds, type Rule, type RuleEvaluation } from './rulebook.js';
export { th1CampaignPrerequisites } from './th-1-campaign-prerequisites.rule.js';
export { th1AwardQuota } from './th-1-award-quota.rule.js';
export { th2AnniversaryRound } from './th-2-anniversary-round.rule.js';
export { th3ProgrammeSummary } from './th-3-programme-summary.rule.js';
export { th4NoServiceWork } from './th-4-no-service-work.rule.js';
export { dx1ExtraordinaryBasis } from './dx-1-extraordinary-basis.rule.js';
export { dx2CollectiveShare } from './dx-2-collective-share.rule.js';
export { nd1UnderDiscipline, RESTRICTION_PHRASES, restrictionDocumentVi, restrictionOpenOn } from './nd-1-under-discipline.rule.js';
export { nd3OneAwardPerAchievement } from './nd-3-one-award-per-achievement.rule.js';
export {
  documentRequirements,
  missingDocuments,
  type DocumentRequirement,
  type MissingDocument,
} from './hs-required-documents.rule.js';
