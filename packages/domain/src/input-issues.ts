import type { z } from 'zod';

/**
 * Turns zod issues into `{ field, message }` pairs for problem+json `errors`. Messages come
 * from the schemas and name what is expected; zod does not echo input values by default, so
 * no personal data ends up here.
 */
export type InputIssue = { readonly field: string; readonly message: string };

/** A parse that fails with named issues instead of throwing (expected outcome at the edge). */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

export function issuesOf(error: z.ZodError, prefix?: string): InputIssue[] {
  return error.issues.map((issue) => ({
    field: fieldName(prefix === undefined ? issue.path : [prefix, ...issue.path]),
    message: issue.message,
  }));
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
