import { z } from 'zod';
import { isMarkedPersonal } from './personal.ts';

/**
 * Derives where the personal fields of a schema are, from the marks in the schema itself
 * (never from a hand-kept list). Paths are JSON paths: `$.person.fullName`, `$.items[*].note`.
 */

/** The schema inside optional / nullable / default / readonly wrappers. */
export function unwrapSchema(schema: z.core.$ZodType): z.core.$ZodType {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodReadonly
  ) {
    return unwrapSchema(schema.unwrap());
  }
  return schema;
}

/** True when the schema, or any wrapper around it, carries the personal mark. */
export function isPersonalField(schema: z.core.$ZodType): boolean {
  if (isMarkedPersonal(schema)) return true;
  const inner = unwrapOnce(schema);
  return inner !== undefined && isPersonalField(inner);
}

function unwrapOnce(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodReadonly
  ) {
    return schema.unwrap();
  }
  return undefined;
}

/**
 * The JSON paths of the personal fields of `schema`, in schema order. Throws when a personal
 * mark sits inside a union: which branch a value takes is not knowable from the schema alone.
 */
export function personalPathsOf(schema: z.core.$ZodType): string[] {
  const paths: string[] = [];
  collect(schema, '$', paths);
  return paths;
}

function collect(schema: z.core.$ZodType, path: string, out: string[]): void {
  if (isPersonalField(schema)) {
    out.push(path);
    return;
  }
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) {
    for (const [key, value] of Object.entries(inner.shape)) {
      collect(value as z.core.$ZodType, `${path}.${key}`, out);
    }
  } else if (inner instanceof z.ZodArray) {
    collect(inner.element, `${path}[*]`, out);
  } else if (inner instanceof z.ZodUnion) {
    for (const option of inner.options) {
      if (personalPathsOf(option).length > 0) {
        throw new Error(`personal fields inside a union are not supported (at ${path})`);
      }
    }
  }
}
