import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { actorOf, InvalidTokenError, READ_ONLY_REFUSAL, refusesWrite, verifyAccessToken } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import type { PersonRole } from '#kernel';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators.js';

/** Every route needs a valid HS256 bearer token unless marked @Public(); @Roles() narrows who may call it. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string>; method: string }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    // RFC 7235: the scheme name is case-insensitive.
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Send Authorization: Bearer <token>' });
    }
    try {
      const verified = verifyAccessToken(token, this.config.jwtSecret);
      request.actor = actorOf(verified);
      request.tokenExpiresAtMs = verified.expiresAtMs;
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: `Invalid token: ${error.message}` });
      }
      throw error;
    }

    // Decided here, once, before any route's own rules, so that a write route added later cannot forget it.
    if (refusesWrite(request.method, request.actor.roles)) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: READ_ONLY_REFUSAL });
    }

    const required = this.reflector.getAllAndOverride<PersonRole[]>(REQUIRED_ROLES, targets);
    if (required && !request.actor.roles.some((role) => (required as string[]).includes(role))) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: `This needs one of the roles: ${required.join(', ')}` });
    }
    return true;
  }
}
