import type { OpenAPIObject } from '@nestjs/swagger';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OPENAPI_FILE, renderOpenApiDocument } from '../apps/api/openapi-document';
import { installPythonTool } from '../libs/devtools/python-tools';

const root = resolve(__dirname, '..');
const VALIDATOR = { pkg: 'openapi-spec-validator', version: '0.9.0', binary: 'openapi-spec-validator' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;
const ERROR_REF = '#/components/schemas/Error';
/** JSON Schema keywords that OpenAPI 3.0's schema dialect does not have (2019-09 / 2020-12). */
const NEWER_KEYWORDS = [
  'const',
  '$schema',
  '$defs',
  '$id',
  'prefixItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'dependentSchemas',
  'dependentRequired',
  'contentEncoding',
];

interface Operation {
  parameters?: { name: string; in: string }[];
  security?: unknown[];
  'x-roles'?: string[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

let rendered: string;
let document: OpenAPIObject;

beforeAll(async () => {
  rendered = await renderOpenApiDocument();
  document = JSON.parse(rendered) as OpenAPIObject;
});

const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ name: `${method.toUpperCase()} ${path}`, path, operation }] : [];
    }),
  );

it(`the committed ${OPENAPI_FILE} is the document the routes declare`, async () => {
  const committed = await readFile(join(root, OPENAPI_FILE), 'utf8').catch(() => '');
  // A message instead of a diff of a quarter of a megabyte.
  if (committed !== rendered) {
    throw new Error(`${OPENAPI_FILE} is stale (the routes or their schemas changed since it was written): run \`npm run openapi\` and commit the file`);
  }
});

it('is valid OpenAPI by openapi-spec-validator', async () => {
  const validator = await installPythonTool(root, VALIDATOR);
  if ('error' in validator) throw new Error(`could not install ${VALIDATOR.pkg}:\n${validator.error}`);
  const dir = await mkdtemp(join(tmpdir(), 'openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    await writeFile(file, rendered);
    const { code, output } = await new Promise<{ code: number | null; output: string }>((done) =>
      execFile(validator.path, [file], (error, stdout, stderr) =>
        done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
      ),
    );
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 300_000);

// Probed as often as the orchestrator likes (never 429); a part that is down is a 503 in the health shape.
const HEALTH_PROBES = new Set(['GET /api/health', 'GET /api/health/live', 'GET /api/health/ready']);

it('describes every operation: its path parameters, a success schema, and each error in the one Error shape', () => {
  expect(document.components?.schemas?.Error).toBeDefined();
  const problems: string[] = [];
  for (const { name, path, operation } of operations()) {
    const { responses } = operation;
    const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
    if (!success.some(([status, r]) => status === '204' || Object.values(r.content ?? {}).some((m) => m.schema))) {
      problems.push(`${name}: no success response with a schema (declare it with @ApiRoute)`);
    }
    for (const [status, response] of Object.entries(responses)) {
      if (/^[45]\d\d$/.test(status) && !(HEALTH_PROBES.has(name) && status === '503') && response.content?.['application/json']?.schema?.$ref !== ERROR_REF) {
        problems.push(`${name}: ${status} is not the Error component`);
      }
    }
    for (const [, param] of path.matchAll(/\{([^}]+)\}/g)) {
      if (!operation.parameters?.some((p) => p.in === 'path' && p.name === param)) problems.push(`${name}: path parameter ${param} undeclared`);
    }
    if ((operation.security?.length ?? 0) > 0 && !('401' in responses)) problems.push(`${name}: needs a token but lists no 401`);
    if (operation['x-roles'] && !('403' in responses)) problems.push(`${name}: is for some roles only but lists no 403`);
    for (const status of ['429', '503']) if (!HEALTH_PROBES.has(name) && !(status in responses)) problems.push(`${name}: lists no ${status}`);
  }
  expect(problems).toEqual([]);
});

it('uses none of the JSON Schema keywords newer than OpenAPI 3.0 knows', () => {
  expect(document.openapi).toMatch(/^3\.0\./);
  const found: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${at}/${i}`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      // Under `properties` the keys are field names, not keywords.
      const keyword = !at.endsWith('/properties');
      if (keyword && NEWER_KEYWORDS.includes(key)) found.push(`${at}/${key}`);
      if (keyword && key === 'type' && Array.isArray(value)) found.push(`${at}/type (an array)`);
      if (keyword && (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value !== 'boolean') found.push(`${at}/${key} (a number)`);
      walk(value, `${at}/${key}`);
    }
  };
  walk(document, '#');
  expect(found).toEqual([]);
});
