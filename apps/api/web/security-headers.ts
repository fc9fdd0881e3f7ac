import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../../libs/config/config';

type Directives = Record<string, string[] | null>;

/**
 * What the web app needs, and no more: its own scripts, styles, images and API; the identity provider's
 * discovery and token endpoints (on the issuer's origin) when it signs people in there. No frame-src: the
 * app renews its token with the refresh token at the token endpoint, never in an iframe at the provider.
 * No page may frame it (clickjacking), no plugin, no foreign form target.
 */
function appDirectives(config: AppConfig): Directives {
  const signsInAt = config.AUTH_MODE === 'jwt' && config.AUTH_JWT_ISSUER && config.AUTH_OIDC_CLIENT_ID ? [new URL(config.AUTH_JWT_ISSUER).origin] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...signsInAt],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // A plain-HTTP trial run (npm start, http://localhost) would have its own assets rewritten to https.
    'upgrade-insecure-requests': null,
  };
}

const headers = (directives: Directives) => helmet({ contentSecurityPolicy: { useDefaults: false, directives }, frameguard: { action: 'deny' } });

/**
 * helmet's headers on every response, API and app alike (`X-Content-Type-Options: nosniff` among them),
 * with the app's Content-Security-Policy. The OpenAPI page (/api/docs, swagger-ui) writes its layout in
 * inline `<style>` blocks and attributes: it alone gets `'unsafe-inline'` styles; its scripts stay files.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const app = appDirectives(config);
  const forApp = headers(app);
  const forDocs = headers({ ...app, 'style-src': ["'self'", "'unsafe-inline'"] });
  const isDocs = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');
  return (req: Request, res: Response, next: NextFunction) => (isDocs(req.path) ? forDocs : forApp)(req, res, next);
}
