import { describe, expect, it } from 'vitest';
import { backOffDelay } from './back-off.ts';

describe('backOffDelay', () => {
  const options = { initialMs: 100, maxMs: 5_000 };

  it('doubles per attempt up to the cap, jittered within the upper half', () => {
    expect([1, 2, 3, 4].map((attempt) => backOffDelay(attempt, options, () => 0))).toEqual([
      50, 100, 200, 400,
    ]);
    expect(backOffDelay(4, options, () => 0.999_999)).toBe(800);
    expect(backOffDelay(30, options, () => 0.999_999)).toBe(5_000);
    expect(backOffDelay(30, options, () => 0)).toBe(2_500);
  });
});
