import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request } from 'express';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import type { Actor } from '../../../libs/domain/access-policy';
import { ApiError } from '../common/api-error';

/**
 * RATE_LIMIT_PER_MINUTE requests per signed-in user over all routes together, per IP address where no
 * user signed in. Runs after AuthGuard, so the user is the token's, never a name the client claims;
 * requests refused with 401 are not counted.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(req: Request & { actor?: Actor }): Promise<string> {
    return Promise.resolve(req.actor ? `user:${req.actor.username}` : `ip:${req.ip ?? 'unknown'}`);
  }

  // One budget per caller, not one per route as the library's default key (class and handler name) would give.
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new ApiError('RATE_LIMITED', API_MESSAGES.common.rateLimited(detail.limit, detail.timeToBlockExpire));
  }
}
