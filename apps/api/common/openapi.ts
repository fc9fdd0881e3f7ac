import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

// The served document is OpenAPI 3.0, whose schemas are a dialect of draft 4: no `$schema`, `const` or type arrays.
const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as SchemaObject;

/** Documents a body in OpenAPI from the same zod schema that validates it. */
export const ZodBody = (schema: z.ZodType) => ApiBody({ schema: jsonSchema(schema) });

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
