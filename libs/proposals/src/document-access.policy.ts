import { DomainError, type Actor, type DocumentKind, type Role } from '#kernel';
import type { ProposalState } from '#workflows/proposal';
import { canSeeUnit } from './proposal-access.policy.js';

const UNIT_DOSSIER: readonly DocumentKind[] = ['bao_cao_thanh_tich', 'to_trinh', 'bien_ban_hoi_dong', 'van_ban_cong_nhan', 'khac'];

interface Grant {
  roles: readonly Role[];
  /** Only the proposal's own unit (drafters and unit heads act for their unit alone). */
  ownUnit: boolean;
  kinds: readonly DocumentKind[];
}

/**
 * Who may add what to the dossier at each stage (docs/documents.md): the unit builds its dossier while it holds
 * the proposal (its own council's minutes included); the council, or its secretariat the home-affairs
 * department, adds the minutes of the screening; the department adds its own submission to the chairman; the
 * signed decision comes back once the award is decided. Auditors never write.
 */
const GRANTS: Partial<Record<ProposalState, readonly Grant[]>> = {
  drafting: [{ roles: ['drafter', 'unit_head'], ownUnit: true, kinds: UNIT_DOSSIER }],
  unitDecision: [{ roles: ['unit_head'], ownUnit: true, kinds: UNIT_DOSSIER }],
  supplementRequested: [{ roles: ['drafter', 'unit_head'], ownUnit: true, kinds: UNIT_DOSSIER }],
  councilScreening: [{ roles: ['council', 'home_affairs'], ownUnit: false, kinds: ['bien_ban_hoi_dong', 'khac'] }],
  homeAffairsAgreement: [{ roles: ['home_affairs'], ownUnit: false, kinds: ['to_trinh', 'khac'] }],
  awarded: [{ roles: ['home_affairs', 'chairman', 'vice_chairman'], ownUnit: false, kinds: ['quyet_dinh'] }],
  awardedByUnit: [{ roles: ['unit_head'], ownUnit: true, kinds: ['quyet_dinh'] }],
};

interface Target {
  state: ProposalState;
  unitId: string;
}

const readOnly = (actor: Actor) => actor.roles.includes('auditor');

/** The kinds `actor` may attach to this proposal now, in DOCUMENT_KINDS order; empty when none. */
export function attachableKinds(actor: Actor, proposal: Target): DocumentKind[] {
  if (readOnly(actor) || !canSeeUnit(actor, proposal.unitId)) return [];
  const kinds = new Set<DocumentKind>();
  for (const grant of GRANTS[proposal.state] ?? []) {
    if (!grant.roles.some((role) => actor.roles.includes(role))) continue;
    if (grant.ownUnit && actor.unitId !== proposal.unitId) continue;
    for (const kind of grant.kinds) kinds.add(kind);
  }
  return [...kinds];
}

/** Removal only while the unit holds the draft (a returned proposal is back in drafting), by its own people. */
export function canRemoveDocuments(actor: Actor, proposal: Target): boolean {
  return (
    !readOnly(actor) &&
    proposal.state === 'drafting' &&
    actor.unitId === proposal.unitId &&
    actor.roles.some((role) => role === 'drafter' || role === 'unit_head')
  );
}

export function assertCanAttach(actor: Actor, proposal: Target, kind: DocumentKind): void {
  const kinds = attachableKinds(actor, proposal);
  if (kinds.includes(kind)) return;
  if (!canSeeUnit(actor, proposal.unitId)) {
    throw new DomainError('FORBIDDEN', 'This proposal belongs to another unit', { unitId: proposal.unitId });
  }
  if (kinds.length === 0 && attachableAtAll(actor)) {
    throw new DomainError('INVALID_TRANSITION', `No document can be added by you while the proposal is in ${proposal.state}`, {
      state: proposal.state,
      allowedKinds: kinds,
    });
  }
  throw new DomainError('FORBIDDEN', `You may not add a ${kind} document while the proposal is in ${proposal.state}`, {
    state: proposal.state,
    allowedKinds: kinds,
  });
}

export function assertCanRemove(actor: Actor, proposal: Target): void {
  if (canRemoveDocuments(actor, proposal)) return;
  if (!canSeeUnit(actor, proposal.unitId)) {
    throw new DomainError('FORBIDDEN', 'This proposal belongs to another unit', { unitId: proposal.unitId });
  }
  if (proposal.state !== 'drafting') {
    throw new DomainError('INVALID_TRANSITION', 'Documents can only be removed while the proposal is being drafted or has been returned', {
      state: proposal.state,
    });
  }
  throw new DomainError('FORBIDDEN', "Only the unit's drafters and head may remove documents from its dossier");
}

/** Whether the actor's roles could ever add a document somewhere (so a stage refusal is a 409, not a 403). */
function attachableAtAll(actor: Actor): boolean {
  return Object.values(GRANTS).some((grants) => grants.some((grant) => grant.roles.some((role) => actor.roles.includes(role))));
}
