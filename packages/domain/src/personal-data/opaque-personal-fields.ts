import { z } from 'zod';
import type { Sealed } from './personal.ts';
import { isPersonalField, personalPathsOf } from './personal-paths.ts';

/**
 * Builds the schema for data read back from a store: every personal field becomes opaque
 * (any JSON value, or absent), because another package seals it in an envelope or erases it.
 * Every other field is validated as in the original schema.
 */
export function opaquePersonalFields<T extends z.ZodType>(
  schema: T,
): z.ZodType<Sealed<z.output<T>>> {
  return opaque(schema) as unknown as z.ZodType<Sealed<z.output<T>>>;
}

function opaque(schema: z.core.$ZodType): z.core.$ZodType {
  if (personalPathsOf(schema).length === 0) return schema;
  if (isPersonalField(schema)) return z.unknown();
  if (schema instanceof z.ZodOptional) return z.optional(opaque(schema.unwrap()));
  if (schema instanceof z.ZodNullable) return z.nullable(opaque(schema.unwrap()));
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodReadonly) {
    return z.optional(opaque(schema.unwrap()));
  }
  if (schema instanceof z.ZodArray) {
    return schema.clone({ ...schema._zod.def, element: opaque(schema.element) });
  }
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.core.$ZodType> = {};
    for (const [key, value] of Object.entries(schema.shape)) {
      const field = value as z.core.$ZodType;
      shape[key] = isPersonalField(field) ? z.optional(z.unknown()) : opaque(field);
    }
    // Object-level refinements are dropped on purpose: they may read personal fields,
    // which are opaque here.
    const strict = schema._zod.def.catchall instanceof z.ZodNever;
    return strict ? z.strictObject(shape) : z.object(shape);
  }
  return schema;
}
