/**
 * Parses input at the package's edge with zod and turns failures into InvalidInputError
 * naming each bad field. Never echoes the rejected value: it may be personal.
 */
import type { z } from 'zod';
import { InvalidInputError } from './errors.ts';

export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InvalidInputError(
    what,
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`),
  );
}
