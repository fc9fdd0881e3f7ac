import { ApiBody, ApiConsumes, ApiExtension, ApiOperation, ApiParam, ApiQuery, ApiResponse, type OpenAPIObject } from '@nestjs/swagger';
import type { ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../../libs/domain/errors';
import { errorResponse } from '../../../libs/domain/api-responses';
import { QUERY_NUMBERS } from '../../../libs/domain/text';

type JsonSchemaOverride = NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'];

/** A number that arrives as query text is described as the number a client sends, not as its digits. */
const asNumber: JsonSchemaOverride = ({ zodSchema, jsonSchema }) => {
  const number = QUERY_NUMBERS.get(zodSchema);
  if (!number) return;
  for (const key of ['maxLength', 'minLength', 'pattern', 'format']) delete (jsonSchema as Record<string, unknown>)[key];
  Object.assign(jsonSchema, number);
};

// The served document is OpenAPI 3.0, whose schemas are a dialect of draft 4: no `$schema`, `const` or type arrays.
const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0', override: asNumber }) as SchemaObject;

const componentRef = (name: string) => `#/components/schemas/${name}`;

/** The request bodies' schemas, named after their operation (`submitNomination` → `SubmitNominationRequest`). */
const requestComponents = new Map<string, SchemaObject>();

/**
 * Every named response schema (`.meta({ id })`, the files libs/domain/*-responses.ts) as OpenAPI
 * components, each referring to the others by `$ref`: what a client generator turns into its types.
 */
export function responseComponents(): Record<string, SchemaObject> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'output', unrepresentable: 'any', target: 'openapi-3.0', uri: componentRef });
  // `$id` is no keyword of OpenAPI 3.0's schemas; the component's name already says it.
  return Object.fromEntries(Object.entries(schemas).map(([name, { $id: _id, ...schema }]) => [name, schema as SchemaObject]));
}

/**
 * Adds the components the routes' `$ref`s name (responses and request bodies), and makes the document
 * strict where OpenAPI 3.0 is loose: the app factory and the generator both call it.
 */
export function withComponents(document: OpenAPIObject): OpenAPIObject {
  const schemas = { ...document.components?.schemas, ...responseComponents(), ...Object.fromEntries(requestComponents) };
  // By name: the order modules happen to load in would otherwise change the committed file.
  document.components = { ...document.components, schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) };
  return nullableEnumsListNull(document);
}

/**
 * In OpenAPI 3.0 `nullable` does not widen an `enum`: a strict generator (openapi-python-client)
 * refuses a null that the enum does not list, so every nullable enum lists null too. Its `type` goes:
 * the values say it, and beside `type` that generator makes three copies of the enum.
 */
function nullableEnumsListNull<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(nullableEnumsListNull);
  else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (schema.nullable === true && Array.isArray(schema.enum)) {
      if (!schema.enum.includes(null)) schema.enum.push(null);
      delete schema.type;
    }
    Object.values(schema).forEach(nullableEnumsListNull);
  }
  return node;
}

function nameOf(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('A response schema needs a name: declare it with .meta({ id }) in a *-responses.ts file');
  return id;
}

function propertiesOf(schema: z.ZodObject): [string, SchemaObject, boolean][] {
  const { properties = {}, required = [] } = jsonSchema(schema);
  return Object.entries(properties as Record<string, SchemaObject>).map(([name, property]) => [name, property, required.includes(name)]);
}

function all(decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}

export const ZodQuery = (schema: z.ZodObject): MethodDecorator =>
  all(propertiesOf(schema).map(([name, property, required]) => ApiQuery({ name, required, schema: property })));

/** Path parameters validated as one object (`@Param(pipe)`), which Nest's scanner cannot see. */
export const ZodParams = (schema: z.ZodObject): MethodDecorator =>
  all(propertiesOf(schema).map(([name, property]) => ApiParam({ name, required: true, schema: property })));

/** A path `:id` that only a UUID can match (`ParseUUIDPipe`; any other answers 404). */
export const uuidParams = z.strictObject({ id: z.uuid() });

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const CODES_BY_STATUS = Object.entries(ERROR_STATUS).reduce<Record<number, ErrorCode[]>>((byStatus, [code, status]) => {
  (byStatus[status] ??= []).push(code as ErrorCode);
  return byStatus;
}, {});

const ERROR_MEANING: Record<ErrorStatus, string> = {
  400: 'The request is not valid (malformed JSON, a field or parameter refused): `details` names each field',
  401: 'No valid bearer token',
  403: 'The caller may not do this (role, unit, level or council)',
  404: 'No such resource, or not one the caller may see',
  409: 'The resource is not in a state that allows this (already decided, another level, campaign closed)',
  413: 'The body is too large',
  415: 'The body is in an unsupported media type or charset',
  422: 'A rule refuses it (eligibility, quota, a request id reused for another command)',
  429: 'Too many requests from this caller; wait the `Retry-After` seconds',
  503: 'A part the request needs (Temporal, the worker, the database) is down or too slow; retry after `Retry-After` seconds with the same requestId',
};

const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } } as const;

const errorResponseOf = (status: ErrorStatus): ResponseObject => ({
  description: `${ERROR_MEANING[status]} (${CODES_BY_STATUS[status]!.join(', ')})`,
  content: { 'application/json': { schema: { $ref: componentRef(nameOf(errorResponse)) } } },
  ...((status === 429 || status === 503) && { headers: retryAfter }),
});

export interface RouteDoc {
  /** The operation's name in generated clients: a verb first, in camelCase (`submitNomination`), unique. */
  id: string;
  /** One line, in English; the Vietnamese word where it is the domain's word. */
  summary: string;
  /** Who may call it, what it does and answers, and what it refuses. */
  description: string;
  /** The JSON body's schema: the one its `ZodPipe` validates with. */
  body?: z.ZodType;
  /** A body sent as a file of this media type (its schema a string), instead of JSON. */
  bodyFile?: { mediaType: string; example?: string };
  /** A form body (multipart upload) of this media type and schema, instead of JSON. */
  bodyForm?: { mediaType: string; schema: SchemaObject };
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** The success answer's schema, named (`.meta({ id })`); absent with `file` or status 204. */
  response?: z.ZodType;
  /** A download: the success answer is a file of this media type. */
  file?: string;
  /** The success status; 200 unless given. */
  status?: 200 | 201 | 204;
  /** Other statuses answered with the success schema (health: 503 while a part is down). */
  alsoWith?: number[];
  /** What the route itself refuses; 400 (with any input), 401, 413 and 415 (with a body), 429 and 503 come with it. */
  errors?: ErrorStatus[];
  /** `@Public()`: no 401. */
  anonymous?: boolean;
  /** Not counted by the rate limiter (apps/api/auth/rate-limit.middleware.ts): no 429. */
  unthrottled?: boolean;
  /** A typical body and answer, shown in the document; test/openapi.test.ts parses them with the schemas. */
  example?: { body?: unknown; response?: unknown };
}

/** Every route's declaration, for test/openapi.test.ts to check what the document cannot show. */
export const declaredRoutes: RouteDoc[] = [];

const pascal = (id: string) => `${id.charAt(0).toUpperCase()}${id.slice(1)}`;

/**
 * One declaration per route of everything the OpenAPI document says about it: its inputs from the
 * zod schemas that validate them, the success answer, and every error status it can give, each in
 * the one `Error` shape. See README "Adding a route".
 */
export function ApiRoute(doc: RouteDoc): MethodDecorator {
  declaredRoutes.push(doc);
  const requestName = `${pascal(doc.id)}Request`;
  const requestSchema = doc.body ? jsonSchema(doc.body) : doc.bodyForm?.schema;
  if (requestSchema) {
    if (requestComponents.has(requestName)) throw new Error(`Two routes are named ${doc.id}: an operation's id must be unique`);
    requestComponents.set(requestName, requestSchema);
  }
  const hasBody = doc.body !== undefined || doc.bodyFile !== undefined || doc.bodyForm !== undefined;
  const implied: ErrorStatus[] = [
    ...(hasBody || doc.query || doc.params ? [400 as const] : []),
    ...(doc.anonymous ? [] : [401 as const]),
    ...(hasBody ? [413 as const, 415 as const] : []),
    ...(doc.unthrottled ? [] : [429 as const]),
    503,
  ];
  const errors = [...new Set([...implied, ...(doc.errors ?? [])])].filter((e) => !(doc.alsoWith ?? []).includes(e)).sort((a, b) => a - b);
  const status = doc.status ?? 200;
  const example = (value: unknown) => (value === undefined ? {} : { example: value });
  const success: ResponseObject = doc.file
    ? { description: `The file (${doc.file})`, content: { [doc.file]: { schema: { type: 'string', format: 'binary' } } } }
    : doc.response
      ? {
          description: 'Done',
          content: { 'application/json': { schema: { $ref: componentRef(nameOf(doc.response)) }, ...example(doc.example?.response) } },
        }
      : { description: 'Done; no body' };
  const bodyExamples = doc.example?.body === undefined ? {} : { examples: { example: { summary: 'A typical body', value: doc.example.body } } };
  return all([
    ApiOperation({ operationId: doc.id, summary: doc.summary, description: doc.description }),
    ApiExtension(
      'x-error-codes',
      errors.flatMap((e) => CODES_BY_STATUS[e] ?? []),
    ),
    ...(requestSchema && !doc.bodyForm ? [ApiBody({ schema: { $ref: componentRef(requestName) }, ...bodyExamples })] : []),
    ...(doc.bodyFile
      ? [ApiConsumes(doc.bodyFile.mediaType), ApiBody({ schema: { type: 'string', ...(doc.bodyFile.example && { example: doc.bodyFile.example }) } })]
      : []),
    ...(doc.bodyForm ? [ApiConsumes(doc.bodyForm.mediaType), ApiBody({ schema: { $ref: componentRef(requestName) } })] : []),
    ...(doc.query ? [ZodQuery(doc.query)] : []),
    ...(doc.params ? [ZodParams(doc.params)] : []),
    ApiResponse({ status, ...success }),
    ...(doc.alsoWith ?? []).map((also) => ApiResponse({ status: also, ...success, description: 'The same shape' })),
    ...errors.map((e) => ApiResponse({ status: e, ...errorResponseOf(e) })),
  ]);
}
