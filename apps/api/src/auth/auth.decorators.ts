import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, PersonRole } from '#kernel';

export const PUBLIC_ROUTE = 'public-route';
export const REQUIRED_ROLES = 'required-roles';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller must hold one of these roles. Unit scoping and event rights are decided by the use cases. */
export const Roles = (...roles: PersonRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface AuthenticatedRequest {
  actor?: Actor;
  /** When the bearer token expires (ms since the epoch): a long-lived response (an event stream) ends then. */
  tokenExpiresAtMs?: number | null;
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
