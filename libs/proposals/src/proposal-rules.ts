import { evaluateRules, type Checkpoint, type PersonFacts, type QuotaUsage } from '#rules';
import { DomainError } from '#kernel';
import type { ProposalInput } from '#workflows/proposal';
import type { CampaignRecord, RuleFinding } from './proposal.records.js';

const plain = ({ rule, message, messageEn }: RuleFinding): RuleFinding => ({ rule, message, messageEn });

/** Asks the rulebook; nothing else in the service decides eligibility. */
export function judgeProposal(
  checkpoint: Checkpoint,
  proposal: ProposalInput,
  campaign: CampaignRecord | null,
  usage?: QuotaUsage,
  /** The registered nominee's matters and other proposals (ND-1, ND-3), and today in Vietnam. */
  registry?: { person?: PersonFacts; today?: string },
): { violations: RuleFinding[]; warnings: RuleFinding[] } {
  const { violations, warnings } = evaluateRules({
    checkpoint,
    proposal,
    campaign,
    usage,
    ...(registry?.person ? { person: registry.person } : {}),
    ...(registry?.today ? { today: registry.today } : {}),
  });
  return { violations: violations.map(plain), warnings: warnings.map(plain) };
}

/** A refusal listing every violated rule at once (422 at the edge). */
export function ruleViolation(violations: RuleFinding[]): DomainError {
  return new DomainError('RULE_VIOLATION', `Refused by ${[...new Set(violations.map((v) => v.rule))].join(', ')}`, {
    violations,
  });
}
