import type { ThrottlerStorage } from '@nestjs/throttler';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../../libs/domain/access-policy';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { ApiError } from '../common/api-error';
import type { AuthService } from './auth.service';

const WINDOW_MS = 60_000;
const THROTTLER = 'default';
// Probed by load balancers as often as they like; it answers from a cache of a second.
const UNCOUNTED = new Set(['/api/health', '/api/health/live', '/api/health/ready']);
const AUTHENTICATION = Symbol('authentication');

type CallerRequest = Request & { actor?: Actor; [AUTHENTICATION]?: Promise<Actor> };

/**
 * The request's bearer token checked once, whoever asks first (the limiter, then the AuthGuard): the
 * user it names, or the refusal the guard throws on a route that needs one.
 */
export function authenticationOf(req: CallerRequest, auth: AuthService): Promise<Actor> {
  if (!req[AUTHENTICATION]) {
    const authentication = auth.authenticate(req.headers.authorization);
    // Settled here, read later: a public route never asks for it.
    authentication.catch(() => undefined);
    req[AUTHENTICATION] = authentication;
  }
  return req[AUTHENTICATION];
}

/**
 * RATE_LIMIT_PER_MINUTE requests a minute per signed-in user over all API routes together, and per
 * address for requests without a valid token, counted before the body is read (the body parsers come
 * after these). In order: a request without credentials counts against its address at once; one with
 * a token is authenticated from the header alone, counted against its user, or, the token failing,
 * against its address. A signed-in user's budget is their own, whatever others at their address send.
 */
export function callerLimits(auth: AuthService, storage: ThrottlerStorage, perMinute: number): RequestHandler[] {
  const count = async (key: string, res: Response, next: NextFunction) => {
    const { isBlocked, timeToBlockExpire } = await storage.increment(key, WINDOW_MS, perMinute, WINDOW_MS, THROTTLER);
    if (!isBlocked) return next();
    const wait = Math.max(1, timeToBlockExpire);
    res.setHeader('Retry-After', String(wait));
    next(new ApiError('RATE_LIMITED', API_MESSAGES.common.rateLimited(perMinute, wait)));
  };
  const counted = (req: Request) => !UNCOUNTED.has(req.path);
  const address = (req: Request) => `ip:${req.ip ?? 'unknown'}`;

  const anonymousByAddress = async (req: CallerRequest, res: Response, next: NextFunction) => {
    if (!counted(req) || req.headers.authorization) return next();
    await count(address(req), res, next);
  };
  const authenticateFromHeader = async (req: CallerRequest, res: Response, next: NextFunction) => {
    if (!counted(req) || !req.headers.authorization) return next();
    try {
      req.actor = await authenticationOf(req, auth);
      next();
    } catch {
      await count(address(req), res, next);
    }
  };
  const signedInByUser = async (req: CallerRequest, res: Response, next: NextFunction) => {
    if (!req.actor) return next();
    await count(`user:${req.actor.username}`, res, next);
  };
  return [anonymousByAddress, authenticateFromHeader, signedInByUser].map(
    (stage) => (req: Request, res: Response, next: NextFunction) => void stage(req, res, next).catch(next),
  );
}
