import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Actor } from '../../../libs/domain/access-policy';
import { saneCorrelationId } from '../../../libs/logging/correlation';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

const NOMINATION_PATH = /^\/api\/nominations\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;
// Scraped every few seconds: at info they would bury the requests people make.
const POLLED_PATHS = ['/api/metrics', '/api/health', '/api/health/live', '/api/health/ready'];

type Request = IncomingMessage & { originalUrl?: string; actor?: Actor };

// Without the query string: a search names a person (`?fullName=`), and logs hold ids and codes only.
const pathOf = (req: Request) => (req.originalUrl ?? req.url ?? '').split('?')[0]!;

/** What one request line says besides its correlation id: the call, its outcome, who made it, the nomination it was about. */
function describe(req: Request, res: ServerResponse, durationMs: unknown) {
  const nominationId = NOMINATION_PATH.exec(pathOf(req))?.[1];
  return {
    method: req.method,
    url: pathOf(req),
    status: res.statusCode,
    durationMs,
    user: req.actor?.username,
    ...(nominationId && { nominationId, workflowId: `nomination-${nominationId}` }),
  };
}

/**
 * One log line per request, under a correlation id taken from the caller's `x-correlation-id` (when
 * it is a sane one) or made up, and echoed in the response. The id is `req.id` from here on.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp<Request>({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'correlationId', responseTime: 'durationMs' },
    genReqId: (req, res) => {
      const id = saneCorrelationId(req.headers[CORRELATION_ID_HEADER]) ?? randomUUID();
      res.setHeader(CORRELATION_ID_HEADER, id);
      return id;
    },
    customLogLevel: (req, res, error) => {
      // A part that is down (503) is expected while it is down, and health says which: not each request's error.
      if (res.statusCode === 503) return 'warn';
      if (error || res.statusCode >= 500) return 'error';
      return POLLED_PATHS.includes(pathOf(req)) ? 'debug' : 'info';
    },
    customSuccessObject: (req, res, value: { durationMs?: number }) => describe(req, res, value.durationMs),
    customSuccessMessage: (_req, res) => (res.writableEnded ? 'request completed' : 'request aborted'),
    customErrorObject: (req, res, error, value: { durationMs?: number }) => ({ ...describe(req, res, value.durationMs), err: error }),
    customErrorMessage: () => 'request failed',
  });
}
