/**
 * Every refusal, warning and deadline names the rule that caused it (docs/rules.md), so a reviewer can open the
 * rule and check it. The IDs are part of the HTTP contract: never rename one.
 */
export const RULE_IDS = [
  'TH-1',
  'TH-2',
  'TH-3',
  'TH-4',
  'TH-5',
  'DX-1',
  'DX-2',
  'DX-3',
  'DX-4',
  'ND-1',
  'ND-2',
  'ND-3',
  'HS-1',
  'HS-2',
  'HS-3',
  'HS-4',
] as const;

/** In rulebook order (thematic, extraordinary, law in force, the dossier): findings are reported in this order. */
export type RuleId = (typeof RULE_IDS)[number];

/** One thing a rule found. `message` is what Vietnamese users read; `messageEn` is for logs and English readers. */
export interface Finding {
  rule: RuleId;
  message: string;
  messageEn: string;
}

/** What one rule says about one proposal: violations block the step, warnings travel with the proposal. */
export interface RuleOutcome {
  violations: readonly Finding[];
  warnings: readonly Finding[];
}

const NOTHING: readonly Finding[] = Object.freeze([]);

/**
 * The answer of a rule with nothing to say. Shared and frozen: most proposals pass most rules, and
 * `evaluateRules` runs on every SUBMIT and FORWARD, so the happy path allocates nothing.
 */
export const PASS: RuleOutcome = Object.freeze({ violations: NOTHING, warnings: NOTHING });

export const finding = (rule: RuleId, message: string, messageEn: string): Finding => ({ rule, message, messageEn });

export const refused = (...violations: Finding[]): RuleOutcome => ({ violations, warnings: NOTHING });

export const refusedAll = (violations: readonly Finding[]): RuleOutcome => ({ violations, warnings: NOTHING });

export const warned = (...warnings: Finding[]): RuleOutcome => ({ violations: NOTHING, warnings });
