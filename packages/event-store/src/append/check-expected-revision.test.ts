import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../errors.ts';
import type { ExpectedRevision } from '../port.ts';
import { checkExpectedRevision, expectedRevisionHolds } from './check-expected-revision.ts';

describe('expected revision', () => {
  const table: [ExpectedRevision, number | undefined, boolean][] = [
    ['any', undefined, true],
    ['any', 4, true],
    ['no_stream', undefined, true],
    ['no_stream', 0, false],
    ['exists', undefined, false],
    ['exists', 0, true],
    [0, undefined, false],
    [0, 0, true],
    [3, 4, false],
    [4, 4, true],
  ];
  it.each(table)('expected %s, actual %s: holds is %s', (expected, actual, holds) => {
    expect(expectedRevisionHolds(expected, actual)).toBe(holds);
    if (holds) {
      expect(() => checkExpectedRevision('case-1', expected, actual)).not.toThrow();
    } else {
      expect(() => checkExpectedRevision('case-1', expected, actual)).toThrow(ConcurrencyError);
    }
  });
});
