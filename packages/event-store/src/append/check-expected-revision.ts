/**
 * The optimistic-concurrency rule every adapter applies, in one place so that they cannot
 * drift apart. It must never be skipped, also not for `any`: the answer is computed from the
 * stream's revision read inside the adapter's write critical section.
 */
import { ConcurrencyError } from '../errors.ts';
import type { ExpectedRevision } from '../port.ts';

export function expectedRevisionHolds(
  expected: ExpectedRevision,
  actual: number | undefined,
): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === undefined;
  if (expected === 'exists') return actual !== undefined;
  return actual === expected;
}

export function checkExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  actual: number | undefined,
): void {
  if (!expectedRevisionHolds(expected, actual)) {
    throw new ConcurrencyError(streamId, expected, actual);
  }
}
