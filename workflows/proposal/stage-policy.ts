import { MACHINE_VERSIONS, machineFor } from './machine-registry.js';
import type { AwardForm, ProposalState } from './proposal.types.js';

/**
 * What the stages mean outside the machine, read from the machines' own state tags so that SQL, timers and
 * views never keep a list of stage names of their own:
 * - `deadlineOpen`: a deadline can still be met or missed here (drafting, the unit's decision);
 * - `countsTowardQuota`: the proposal has reached the province and holds one of the campaign's awards (TH-1).
 * Every registered version counts: a proposal on an older version is judged by the stages it is in.
 */
export type StageTag = 'deadlineOpen' | 'countsTowardQuota';

export function statesTagged(tag: StageTag): readonly ProposalState[] {
  const states = new Set<ProposalState>();
  for (const version of MACHINE_VERSIONS) {
    for (const [name, node] of Object.entries(machineFor(version).root.states)) {
      if (node.tags.includes(tag)) states.add(name as ProposalState);
    }
  }
  return [...states];
}

/** Where a deadline may still be open: the stages before the province receives the dossier. */
export const DEADLINE_OPEN_STATES: readonly ProposalState[] = statesTagged('deadlineOpen');

/** Where a proposal uses one of its campaign's awards (TH-1): past the unit, and neither rejected nor withdrawn. */
export const QUOTA_STATES: readonly ProposalState[] = statesTagged('countsTowardQuota');

export type DeadlineRule = 'DX-4' | 'TH-5';

/**
 * The event that meets a proposal's deadline (docs/rules.md DX-4, TH-5): an award within the unit's own
 * authority (a Giấy khen under DX-4) meets it when the clerk submits it to the unit head; everything bound for
 * the province meets it when the unit forwards it.
 */
export function deadlineMetBy(awardForm: AwardForm, rule: DeadlineRule): 'SUBMIT' | 'FORWARD' {
  return awardForm === 'unit_certificate' && rule === 'DX-4' ? 'SUBMIT' : 'FORWARD';
}

/**
 * Whether the proposal still has to meet its deadline: the one question the timer scheduler (arm or drop),
 * the firing job (speak or stay silent) and the view (met, open, late) all ask. Drafting is before every
 * meeting event; the unit's decision is before FORWARD but already past SUBMIT.
 */
export function isDeadlineOpen(proposal: { state: ProposalState; awardForm: AwardForm; deadline: { rule: DeadlineRule } | null }): boolean {
  if (!proposal.deadline || !DEADLINE_OPEN_STATES.includes(proposal.state)) return false;
  return proposal.state === 'drafting' || deadlineMetBy(proposal.awardForm, proposal.deadline.rule) === 'FORWARD';
}
