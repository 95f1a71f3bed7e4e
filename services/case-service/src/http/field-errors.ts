/**
 * Turns a zod error into the `errors` list of a 400 problem: one entry per bad field, named
 * by its path (`person.aliases[0]`). Unknown keys are named one by one; keys are clipped so
 * a hostile body cannot make the answer huge.
 */
import type { z } from 'zod';
import type { FieldError } from './problem.ts';

const maxKeyLength = 64;
const maxErrors = 50;

function clip(key: string): string {
  return key.length > maxKeyLength ? `${key.slice(0, maxKeyLength)}…` : key;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${clip(String(segment))}` : clip(String(segment));
  }
  return out || '(body)';
}

export function fieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          field: fieldPath([...prefix, ...issue.path, key]),
          message: 'unknown field',
        });
      }
    } else {
      errors.push({ field: fieldPath([...prefix, ...issue.path]), message: issue.message });
    }
  }
  return errors.slice(0, maxErrors);
}
