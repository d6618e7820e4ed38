import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokenVerifier, actorOf, InvalidTokenError, READ_ONLY_REFUSAL, refusesWrite } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import type { Actor, PersonRole } from '#kernel';
import { PUBLIC_ROUTE, rememberAuthentication, REQUIRED_ROLES } from './auth.decorators.js';

/** What a route's decorators say about who may call it. */
interface RouteAccess {
  isPublic: boolean;
  required: PersonRole[] | undefined;
}

/** Every route needs a valid HS256 bearer token unless marked @Public(); @Roles() narrows who may call it. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  /** Tokens already accepted, until they expire (libs/auth, access-token-verifier.ts). */
  private readonly tokens: AccessTokenVerifier;
  /**
   * Decorators are fixed once the classes are defined, so each route's are read once: two metadata lookups on
   * the handler and its class per request were a percent of a request's CPU. Keyed by class, then handler,
   * since one inherited handler may sit under two controllers with different class-level decorators.
   */
  private readonly access = new WeakMap<object, WeakMap<object, RouteAccess>>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new AccessTokenVerifier(config.jwtSecret);
  }

  canActivate(context: ExecutionContext): boolean {
    const { isPublic, required } = this.routeAccess(context);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; method: string }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    // RFC 7235: the scheme name is case-insensitive.
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Send Authorization: Bearer <token>' });
    }
    let actor: Actor;
    try {
      const verified = this.tokens.verify(token);
      actor = actorOf(verified);
      rememberAuthentication(request, { actor, tokenExpiresAtMs: verified.expiresAtMs });
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: `Invalid token: ${error.message}` });
      }
      throw error;
    }

    // Decided here, once, before any route's own rules, so that a write route added later cannot forget it.
    if (refusesWrite(request.method, actor.roles)) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: READ_ONLY_REFUSAL });
    }

    if (required && !actor.roles.some((role) => (required as string[]).includes(role))) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: `This needs one of the roles: ${required.join(', ')}` });
    }
    return true;
  }

  private routeAccess(context: ExecutionContext): RouteAccess {
    const [handler, controller] = [context.getHandler(), context.getClass()];
    let byHandler = this.access.get(controller);
    if (!byHandler) this.access.set(controller, (byHandler = new WeakMap()));
    let access = byHandler.get(handler);
    if (!access) {
      const targets = [handler, controller];
      access = {
        isPublic: Boolean(this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)),
        required: this.reflector.getAllAndOverride<PersonRole[]>(REQUIRED_ROLES, targets),
      };
      byHandler.set(handler, access);
    }
    return access;
  }
}
