import type { Actor } from '#kernel';
import { CURRENT_MACHINE_VERSION, stagesAwaiting } from '#workflows/proposal';
import { inboxScopes } from './proposal-access.policy.js';
import type { ProposalScope } from './ports/proposal.repository.js';

/**
 * "Đến lượt tôi": the stages where the caller has to act now, a part of their inbox. The machine lets a unit
 * head edit, submit or withdraw a draft (the guards say "a member of the unit"), but a draft waits on the unit's
 * clerks: the head's turn comes when it is submitted to him. So a unit member who is not a clerk leaves out the
 * stages a clerk can move on; everything else in the inbox is "being watched" (docs/operations.md, "The inbox's two parts").
 */
export function turnScopes(actor: Actor): ProposalScope[] {
  const scopes = inboxScopes(actor);
  if (actor.roles.includes('drafter') || !actor.unitId) return scopes;
  const clerks = new Set(stagesAwaiting(CURRENT_MACHINE_VERSION, ['drafter'], actor.unitId));
  return scopes
    .map((scope) => (scope.unitId !== undefined && scope.states ? { ...scope, states: scope.states.filter((state) => !clerks.has(state)) } : scope))
    .filter((scope) => !scope.states || scope.states.length > 0);
}
