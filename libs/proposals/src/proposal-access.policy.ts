import { DomainError, UNIT_ROLES, type Actor, type Role } from '#kernel';
import { CURRENT_MACHINE_VERSION, stagesAwaiting } from '#workflows/proposal';
import type { ProposalFilter, ProposalScope } from './ports/proposal.repository.js';

const provincialRoles = (actor: Actor): Role[] => actor.roles.filter((role) => !UNIT_ROLES.includes(role));
const unitRoles = (actor: Actor): Role[] => actor.roles.filter((role) => UNIT_ROLES.includes(role));

/** Whether the actor holds any provincial role (or is the system): such an actor sees every unit. */
export function isProvincial(actor: Actor): boolean {
  return provincialRoles(actor).length > 0;
}

/** A drafter or unit head sees only their own unit; any provincial role (and the system) sees every unit. */
export function canSeeUnit(actor: Actor, unitId: string): boolean {
  return isProvincial(actor) || actor.unitId === unitId;
}

export function assertCanSeeUnit(actor: Actor, unitId: string): void {
  if (!canSeeUnit(actor, unitId)) {
    throw new DomainError('FORBIDDEN', 'This proposal belongs to another unit', { unitId });
  }
}

/** Drafting happens in a unit, by its own drafters and head. */
export function assertCanDraftFor(actor: Actor, unitId: string): void {
  if (!actor.roles.some((role) => role === 'drafter' || role === 'unit_head')) {
    throw new DomainError('FORBIDDEN', 'Only a drafter or a unit head may create a proposal');
  }
  if (actor.unitId !== unitId) {
    throw new DomainError('FORBIDDEN', 'A proposal can only be drafted for your own unit', { unitId });
  }
}

/** The rows an actor may list at all: their unit, or everything. */
export function visibleScopes(actor: Actor): ProposalScope[] {
  if (isProvincial(actor)) return [{}];
  // A unit role without a unit in its token sees nothing: a scope with no states matches no row.
  return actor.unitId ? [{ unitId: actor.unitId }] : [{ states: [] }];
}

/** What waits on the actor: the stages their roles act in, unit stages limited to their own unit. */
export function inboxScopes(actor: Actor): ProposalScope[] {
  const scopes: ProposalScope[] = [];
  const own = unitRoles(actor);
  if (own.length > 0 && actor.unitId) {
    scopes.push({ states: stagesAwaiting(CURRENT_MACHINE_VERSION, own, actor.unitId), unitId: actor.unitId });
  }
  const provincial = provincialRoles(actor);
  if (provincial.length > 0) {
    const states = stagesAwaiting(CURRENT_MACHINE_VERSION, provincial, null);
    if (states.length > 0) scopes.push({ states });
  }
  return scopes;
}

export function listFilterFor(actor: Actor, query: Omit<ProposalFilter, 'scopes'> & { inbox?: boolean }): ProposalFilter {
  const { inbox, ...rest } = query;
  if (rest.unitId && !canSeeUnit(actor, rest.unitId)) {
    throw new DomainError('FORBIDDEN', 'You may only list proposals of your own unit', { unitId: rest.unitId });
  }
  return { ...rest, scopes: inbox ? inboxScopes(actor) : visibleScopes(actor) };
}
