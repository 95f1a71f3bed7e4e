import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { holdsPersonalData, mapPersonalData } from './map-personal-data.ts';
import { opaquePersonalFields } from './opaque-personal-fields.ts';
import { personal } from './personal.ts';
import { personalPathsOf } from './personal-paths.ts';

const sample = z.strictObject({
  id: z.string(),
  name: personal(z.string().min(2), 'name'),
  alias: personal(z.string(), 'alias').optional(),
  contact: personal(z.strictObject({ phone: z.string() }), 'contact').nullable(),
  visits: z
    .array(
      z.strictObject({
        country: z.string().length(2),
        note: personal(z.string(), 'note').optional(),
      }),
    )
    .min(1),
  meta: z.object({ tag: z.enum(['a', 'b']) }),
});

const value = {
  id: 'x1',
  name: 'PII Name',
  contact: { phone: 'PII 123' },
  visits: [{ country: 'KH', note: 'PII note' }, { country: 'MM' }],
  meta: { tag: 'a' },
};

describe('personalPathsOf', () => {
  it('finds marks through optional, nullable, nested objects and arrays, in schema order', () => {
    expect(personalPathsOf(sample)).toEqual(['$.name', '$.alias', '$.contact', '$.visits[*].note']);
  });

  it('finds nothing in a schema without marks', () => {
    expect(personalPathsOf(z.strictObject({ a: z.string(), b: z.array(z.number()) }))).toEqual([]);
  });

  it('refuses marks inside a union (the branch a value takes is not in the schema)', () => {
    const union = z.strictObject({
      x: z.union([z.string(), z.strictObject({ n: personal(z.string(), 'n') })]),
    });
    expect(() => personalPathsOf(union)).toThrow(/union/);
  });
});

describe('opaquePersonalFields', () => {
  const stored = opaquePersonalFields(sample);

  it('accepts any value, or none, where a personal field is', () => {
    const sealed = {
      ...value,
      name: { $sealed: 'abc' },
      contact: 42,
      visits: [{ country: 'KH', note: [1] }],
    };
    expect(stored.safeParse(sealed).success).toBe(true);
    const { name: _, contact: __, ...erased } = value;
    expect(stored.safeParse(erased).success).toBe(true);
  });

  it('still validates every non-personal field and keeps strictness and array bounds', () => {
    expect(stored.safeParse({ ...value, id: 1 }).success).toBe(false);
    expect(stored.safeParse({ ...value, extra: true }).success).toBe(false);
    expect(stored.safeParse({ ...value, visits: [] }).success).toBe(false);
    expect(stored.safeParse({ ...value, visits: [{ country: 'KHM' }] }).success).toBe(false);
    expect(stored.safeParse({ ...value, meta: { tag: 'c' } }).success).toBe(false);
  });
});

describe('mapPersonalData', () => {
  it('replaces each present personal value and copies the rest', () => {
    const seen: string[] = [];
    const mapped = mapPersonalData(sample, value, (v, path) => {
      seen.push(path);
      return { sealed: typeof v };
    });
    expect(seen).toEqual(['$.name', '$.contact', '$.visits[*].note']);
    expect(mapped).toEqual({
      id: 'x1',
      name: { sealed: 'string' },
      contact: { sealed: 'object' },
      visits: [{ country: 'KH', note: { sealed: 'string' } }, { country: 'MM' }],
      meta: { tag: 'a' },
    });
    expect(value.name).toBe('PII Name');
  });

  it('drops a field when the replacer returns undefined', () => {
    expect(JSON.stringify(mapPersonalData(sample, value, () => undefined))).not.toContain('PII');
  });

  it('tells whether data holds any personal value', () => {
    expect(holdsPersonalData(sample, value)).toBe(true);
    expect(
      holdsPersonalData(sample, {
        id: 'x',
        contact: null,
        visits: [{ country: 'KH' }],
        meta: { tag: 'b' },
      }),
    ).toBe(false);
  });
});
