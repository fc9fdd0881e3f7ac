// `npm run openapi`: writes the API's OpenAPI document to openapi/openapi.json, built from the routes'
// declarations without starting anything. test/openapi.test.ts fails while the committed file is stale.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { OPENAPI_FILE, renderOpenApiDocument } from '../apps/api/openapi-document';

// Compiled to dist/scripts/, two levels below the project root.
const root = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const path = join(root, OPENAPI_FILE);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await renderOpenApiDocument());
  console.log(`wrote ${OPENAPI_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
