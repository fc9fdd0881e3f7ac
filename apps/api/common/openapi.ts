import { ApiBody, ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as SchemaObject;

/** Documents a body in OpenAPI from the same zod schema that validates it. */
export const ZodBody = (schema: z.ZodType) => ApiBody({ schema: jsonSchema(schema) });

export function ZodQuery(schema: z.ZodObject): MethodDecorator {
  const properties = (jsonSchema(schema).properties ?? {}) as Record<string, SchemaObject>;
  const decorators = Object.entries(properties).map(([name, property]) =>
    ApiQuery({ name, required: false, schema: property }),
  );
  return (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}
