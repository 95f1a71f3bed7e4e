import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, fieldPath } from './field-errors.ts';

describe('fieldErrors', () => {
  const Schema = z
    .object({
      country: z.string().length(2),
      person: z.object({ aliases: z.array(z.string()) }).strict(),
    })
    .strict();

  it('names each bad field by its path, and each unknown field', () => {
    const result = Schema.safeParse({
      country: 7,
      person: { aliases: ['ok', 3], nickname: 'x' },
      extra: true,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = fieldErrors(result.error).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['country', 'person.aliases[1]', 'person.nickname', 'extra']),
    );
    expect(fieldErrors(result.error).find((e) => e.field === 'extra')?.message).toBe(
      'unknown field',
    );
  });

  it('clips very long keys and names the body itself', () => {
    expect(fieldPath(['k'.repeat(500)])).toHaveLength(65);
    expect(fieldPath([])).toBe('(body)');
  });
});
