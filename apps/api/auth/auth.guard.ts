import { Inject, Injectable, SetMetadata, applyDecorators, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import type { Actor, Role } from '../../../libs/domain/access-policy';
import { ApiError } from '../common/api-error';
import { AuthService } from './auth.service';
import { authenticationOf } from './rate-limit.middleware';

/** Who may call a route: nobody without a token, or everybody. */
export type RouteAccess =
  | { public: true }
  | {
      public?: false;
      /** The roles that may ever call the route; omitted, any signed-in user. Rules about the resource stay in the service. */
      roles?: readonly Role[];
      /** A configured machine credential that also opens the route (Prometheus scraping /api/metrics). */
      serviceToken?: 'METRICS_TOKEN';
    };

const ROUTE_ACCESS = 'auth:route-access';

/** The declaration of a handler, if it has one; the route-declaration test reads it too. */
export function routeAccess(reflector: Reflector, handler: object): RouteAccess | undefined {
  return reflector.get<RouteAccess | undefined>(ROUTE_ACCESS, handler as (...args: unknown[]) => unknown);
}

/** An endpoint that needs no token (health, dev sign-in). */
export const Public = (): MethodDecorator => SetMetadata(ROUTE_ACCESS, { public: true } satisfies RouteAccess);

/**
 * An endpoint for signed-in users, of `roles` if given. The guard refuses any other role with 403
 * before a pipe has looked at the body, so a clerk's malformed campaign is a 403, not a 400.
 */
export const Authenticated = (access: { roles?: readonly Role[]; serviceToken?: 'METRICS_TOKEN' } = {}): MethodDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    SetMetadata(ROUTE_ACCESS, access satisfies RouteAccess),
    ...(access.roles ? [ApiExtension('x-roles', [...access.roles])] : []),
  );

type AuthedRequest = Request & { actor?: Actor };

/** The identity always comes from the token, never from the body. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().actor!;
});

const digest = (value: string) => createHash('sha256').update(value).digest();

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = routeAccess(this.reflector, context.getHandler());
    // Fail closed: a route nobody thought about is open to nobody (and the route-declaration test names it).
    if (!access) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no access (@Public or @Authenticated)`);
    if (access.public) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    if (access.serviceToken && this.isServiceToken(access.serviceToken, request.headers.authorization)) return true;
    request.actor = await authenticationOf(request, this.auth);
    if (access.roles && !access.roles.includes(request.actor.role)) {
      throw ApiError.forbidden(API_MESSAGES.auth.roleNotAllowed(access.roles, request.actor.username, request.actor.role));
    }
    return true;
  }

  private isServiceToken(name: 'METRICS_TOKEN', authorization: string | undefined): boolean {
    const expected = this.config[name];
    const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    // Digests have one length, so the comparison takes the same time whatever was presented.
    return !!expected && !!presented && timingSafeEqual(digest(presented), digest(expected));
  }
}
