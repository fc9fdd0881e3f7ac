import { Injectable, SetMetadata, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Actor } from '../../../libs/domain/access-policy';
import { AuthService } from './auth.service';

const PUBLIC = 'auth:public';
/** Marks an endpoint that needs no token (health, docs, dev sign-in). */
export const Public = () => SetMetadata(PUBLIC, true);

type AuthedRequest = Request & { actor?: Actor };

/** The identity always comes from the token, never from the body. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().actor!;
});

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    request.actor = await this.auth.authenticate(request.headers.authorization);
    return true;
  }
}
