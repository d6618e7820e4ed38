/** Roles carried in the JWT `roles` claim (docs/architecture.md, HTTP contract). `system` is never in a token: the worker acts as it. */
export const PERSON_ROLES = [
  'drafter',
  'unit_head',
  'council',
  'home_affairs',
  'chairman',
  'vice_chairman',
  'auditor',
  'admin',
] as const;

export type PersonRole = (typeof PERSON_ROLES)[number];
export type Role = PersonRole | 'system';

/** Roles whose holders work inside one unit and see only that unit's proposals. */
export const UNIT_ROLES: readonly Role[] = ['drafter', 'unit_head'];

/** Who performs an act; every event and every log line carries one. */
export interface Actor {
  id: string;
  name?: string;
  roles: Role[];
  unitId: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'system', roles: ['system'], unitId: null };
