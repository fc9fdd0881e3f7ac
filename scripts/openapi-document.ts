// Writes the API's OpenAPI document (the one served at /api/docs-json) to a file, from the app built
// without listening and without connecting anywhere: `npm run web:client` types the web app from it.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApiApp, openApiDocument } from '../apps/api/app.factory';
import { loadConfig } from '../libs/config/config';

async function main(): Promise<void> {
  const [out] = process.argv.slice(2);
  if (!out) throw new Error('usage: openapi-document <output.json>');
  // Only the routes' declarations are read; no database or Temporal is contacted before init().
  const config = loadConfig({ DATABASE_URL: 'postgresql://unused@127.0.0.1:1/unused', AUTH_MODE: 'dev', LOG_LEVEL: 'error' });
  const app = await createApiApp(config, ['error']);
  writeFileSync(out, JSON.stringify(openApiDocument(app), null, 2));
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
