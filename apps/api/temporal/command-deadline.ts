import { Injectable, Inject, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Connection, type Client } from '@temporalio/client';
import { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { TEMPORAL_CLIENT } from './temporal.module';

/**
 * Runs `calls` with every Temporal request they make due `ms` from now, or earlier if a nearer deadline
 * is already in scope: an inner operation never extends its request's deadline.
 */
export function withinDeadline<T>(client: Client, ms: number, calls: () => Promise<T>): Promise<T> {
  const inScope = client.connection instanceof Connection ? client.connection.callContextStorage.getStore()?.deadline : undefined;
  const own = Date.now() + ms;
  return client.withDeadline(inScope === undefined ? own : Math.min(own, new Date(inScope).getTime()), calls);
}

const OWN_DEADLINES = 'ownCommandDeadlines';

/**
 * A route whose handler puts each of its commands under a COMMAND_TIMEOUT of its own (`withinDeadline`),
 * instead of one for the whole request: a batch, whose items are each answered as a request of their own.
 */
export const OwnCommandDeadlines = () => SetMetadata(OWN_DEADLINES, true);

/**
 * Every API request waits on Temporal (an update's result, a description, a schedule) at most
 * COMMAND_TIMEOUT from its arrival, whichever service makes the calls; past it the gRPC calls fail
 * with DEADLINE_EXCEEDED and the error filter answers 503 UNAVAILABLE.
 */
@Injectable()
export class CommandDeadlineInterceptor implements NestInterceptor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.get<boolean | undefined>(OWN_DEADLINES, context.getHandler())) return next.handle();
    return new Observable((subscriber) => {
      let subscription: { unsubscribe(): void } | undefined;
      withinDeadline(this.temporal, this.config.COMMAND_TIMEOUT, async () => {
        subscription = next.handle().subscribe(subscriber);
      }).catch((error: unknown) => subscriber.error(error));
      return () => subscription?.unsubscribe();
    });
  }
}
