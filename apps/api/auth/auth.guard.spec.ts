import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { loadConfig } from '../../../libs/config/config';
import type { Actor, Role } from '../../../libs/domain/access-policy';
import { ApiError } from '../common/api-error';
import { AuthGuard, Authenticated, Public } from './auth.guard';
import type { AuthService } from './auth.service';

const METRICS_TOKEN = 'm'.repeat(40);

class Routes {
  @Public()
  open() {}

  @Authenticated()
  anyone() {}

  @Authenticated({ roles: ['ADMIN'] })
  adminOnly() {}

  @Authenticated({ roles: ['ADMIN'], serviceToken: 'METRICS_TOKEN' })
  scrape() {}

  forgotten() {}
}

type Request = { headers: { authorization?: string }; actor?: Actor };

function contextFor(handler: keyof Routes, request: Request): ExecutionContext {
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

function guardWith(role: Role | null, metricsToken?: string) {
  const auth = {
    authenticate: jest.fn(async (authorization: string | undefined) => {
      if (!role || authorization !== 'Bearer user-token') throw new ApiError('UNAUTHENTICATED', 'no');
      return { username: 'someone', displayName: 'Someone', role, orgCode: 'U1' } satisfies Actor;
    }),
  };
  const config = loadConfig({ DATABASE_URL: 'postgresql://x/y', AUTH_MODE: 'dev', ...(metricsToken ? { METRICS_TOKEN: metricsToken } : {}) });
  return { sut: new AuthGuard(new Reflector(), auth as unknown as AuthService, config), auth };
}

async function outcome(promise: Promise<boolean>): Promise<string> {
  try {
    return String(await promise);
  } catch (error) {
    return error instanceof ApiError ? error.code : 'crash';
  }
}

describe('AuthGuard', () => {
  it('lets a public route through without looking for a token', async () => {
    const { sut, auth } = guardWith(null);

    expect(await outcome(sut.canActivate(contextFor('open', { headers: {} })))).toBe('true');
    expect(auth.authenticate).not.toHaveBeenCalled();
  });

  it('refuses every caller of a route that declares nothing', async () => {
    const { sut } = guardWith('ADMIN');

    await expect(sut.canActivate(contextFor('forgotten', { headers: { authorization: 'Bearer user-token' } }))).rejects.toThrow(
      /Routes.forgotten declares no access/,
    );
  });

  it('asks for a token on a route for signed-in users, and keeps the actor it found', async () => {
    const { sut } = guardWith('CLERK');
    const request: Request = { headers: { authorization: 'Bearer user-token' } };

    expect(await outcome(sut.canActivate(contextFor('anyone', { headers: {} })))).toBe('UNAUTHENTICATED');
    expect(await outcome(sut.canActivate(contextFor('anyone', request)))).toBe('true');
    expect(request.actor?.role).toBe('CLERK');
  });

  it.each<[Role, string]>([
    ['ADMIN', 'true'],
    ['CLERK', 'FORBIDDEN'],
    ['REVIEWER', 'FORBIDDEN'],
    ['STAFF', 'FORBIDDEN'],
  ])('on an admin route, %s → %s', async (role, expected) => {
    const { sut } = guardWith(role);

    expect(await outcome(sut.canActivate(contextFor('adminOnly', { headers: { authorization: 'Bearer user-token' } })))).toBe(expected);
  });

  it('opens the metrics route to the configured token, and to nothing that merely resembles it', async () => {
    const { sut, auth } = guardWith(null, METRICS_TOKEN);
    const scrape = (authorization?: string) => outcome(sut.canActivate(contextFor('scrape', { headers: { authorization } })));

    expect(await scrape(`Bearer ${METRICS_TOKEN}`)).toBe('true');
    expect(await scrape(`Bearer ${METRICS_TOKEN.slice(1)}`)).toBe('UNAUTHENTICATED');
    expect(await scrape(METRICS_TOKEN)).toBe('UNAUTHENTICATED');
    expect(await scrape()).toBe('UNAUTHENTICATED');
    expect(auth.authenticate).toHaveBeenCalledTimes(3);
  });

  it('without METRICS_TOKEN configured, the metrics route is an admin route like any other', async () => {
    const { sut } = guardWith('REVIEWER');

    expect(await outcome(sut.canActivate(contextFor('scrape', { headers: { authorization: 'Bearer ' } })))).toBe('UNAUTHENTICATED');
    expect(await outcome(sut.canActivate(contextFor('scrape', { headers: { authorization: 'Bearer user-token' } })))).toBe('FORBIDDEN');
  });
});
