import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root, found from here both in the sources (apps/api/web) and compiled (dist/apps/api/web). */
function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return process.cwd();
}

/** Where `npm run build` writes the web app. */
export const WEB_APP_DIR = join(projectRoot(), 'dist', 'web');

/**
 * Serves the built web app at `/`, same origin as the API, with plain Express middleware rather than
 * a Nest controller: these are files, not routes, and the route-declaration guard is about routes.
 * Any GET outside /api that is not a file gets index.html, so a reload on /ho-so/… opens the app there.
 * Without a build (API-only work), nothing is served and every such path stays a 404.
 */
export function serveWebApp(app: NestExpressApplication, dir = WEB_APP_DIR): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  app.useStaticAssets(dir, { index: false, maxAge: '1h', immutable: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    // The shell must never be cached: it names the hashed bundles of the current build.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
