import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { Observable } from 'rxjs';
import { runWithCorrelationId } from '../../../libs/logging/correlation';

/**
 * Runs each handler under the request's correlation id (assigned by the request logging), so that
 * services, their loggers and the Temporal client calls they make can read it. Not in the middleware:
 * the body parsers after it resume the request outside its async context.
 */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const id = context.getType() === 'http' ? context.switchToHttp().getRequest<IncomingMessage>().id : undefined;
    if (typeof id !== 'string') return next.handle();
    return new Observable((subscriber) => runWithCorrelationId(id, () => next.handle().subscribe(subscriber)));
  }
}
