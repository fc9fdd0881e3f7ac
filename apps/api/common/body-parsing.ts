import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { json, text, type RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { from, mergeMap, type Observable } from 'rxjs';

const PARSERS: RequestHandler[] = [
  // The limit leaves room for the longest valid body (20,000 characters of achievements) written with \u escapes.
  json({ limit: '1mb' }),
  // CSV imports arrive as text.
  text({ type: ['text/csv', 'text/plain'], limit: '5mb' }),
];

/**
 * Reads a request's body once the caller is known and let through: after the rate limiter and the
 * AuthGuard (401, 403), before the pipes that validate it. Nest's own body parsers, middleware that
 * would read every anonymous body first, are turned off (`bodyParser: false`). A multipart upload is
 * left to its handler, which streams it.
 */
export class BodyParsing implements NestInterceptor {
  /** `adapter` turns a parser's error (malformed, too large) into the HttpException the ErrorFilter renders. */
  constructor(private readonly adapter: Pick<AbstractHttpAdapter, 'mapException'>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    return from(this.parse(http.getRequest<IncomingMessage>(), http.getResponse<ServerResponse>())).pipe(mergeMap(() => next.handle()));
  }

  private async parse(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const parser of PARSERS) {
      await new Promise<void>((resolve, reject) => {
        void parser(req as never, res as never, (error?: unknown) => (error ? reject(this.adapter.mapException(error)) : resolve()));
      });
    }
  }
}
