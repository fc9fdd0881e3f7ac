import { join } from 'node:path';
import { loadConfig } from '../../libs/config/config';
import { createApiApp, openApiDocument } from './app.factory';

/** The committed document, relative to the project root; `npm run openapi` writes it. */
export const OPENAPI_FILE = join('openapi', 'openapi.json');

/**
 * The application's OpenAPI document as committed: built from the routes without listening, connecting
 * to nothing (the database pool and the Temporal connection are lazy), in dev mode so that the dev
 * sign-in is described too (it exists only with AUTH_MODE=dev).
 */
export async function renderOpenApiDocument(): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'development',
    AUTH_MODE: 'dev',
    DATABASE_URL: 'postgresql://openapi@127.0.0.1:9/unused',
    TEMPORAL_ADDRESS: '127.0.0.1:9',
    LOG_LEVEL: 'error',
  });
  const app = await createApiApp(config, ['error']);
  try {
    return `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
