import { z } from 'zod';
import { isPersonalField, unwrapSchema } from './personal-paths.ts';

/**
 * Visits the personal fields present in `data` as laid out by `schema`, and rebuilds the data
 * with what `replace` returns for each (`undefined` drops the field). This is the one walk
 * behind redaction, sealing and unsealing: it never copies personal values anywhere else.
 */
export type PersonalValueReplacer = (value: unknown, path: string) => unknown;

export function mapPersonalData(
  schema: z.core.$ZodType,
  data: unknown,
  replace: PersonalValueReplacer,
): unknown {
  return mapAt(schema, data, '$', replace);
}

function mapAt(
  schema: z.core.$ZodType,
  value: unknown,
  path: string,
  replace: PersonalValueReplacer,
): unknown {
  if (value === undefined) return undefined;
  if (isPersonalField(schema)) return replace(value, path);
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, fieldValue] of Object.entries(value)) {
      const fieldSchema = inner.shape[key] as z.core.$ZodType | undefined;
      const mapped =
        fieldSchema === undefined
          ? fieldValue
          : mapAt(fieldSchema, fieldValue, `${path}.${key}`, replace);
      if (mapped !== undefined) out[key] = mapped;
    }
    return out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    // An element cannot be dropped without shifting the others: a dropped element is null.
    return value.map((element) => mapAt(inner.element, element, `${path}[*]`, replace) ?? null);
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `data` holds at least one personal value (erased or absent fields do not count). */
export function holdsPersonalData(schema: z.core.$ZodType, data: unknown): boolean {
  let found = false;
  mapPersonalData(schema, data, (value) => {
    if (value !== null) found = true;
    return value;
  });
  return found;
}
