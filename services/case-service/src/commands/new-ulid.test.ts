import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { newUlid } from './new-ulid.ts';

describe('newUlid', () => {
  it('makes valid, distinct ULIDs carrying the time', () => {
    const ids = Array.from({ length: 2000 }, () => newUlid(1_790_000_000_000));
    expect(ids.every((id) => isValid(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(decodeTime(ids[0] ?? '')).toBe(1_790_000_000_000);
  });

  it('uses every random character about evenly', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i += 1) {
      for (const char of newUlid().slice(10)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    const expected = (4000 * 16) / 32;
    for (const count of counts.values())
      expect(Math.abs(count - expected)).toBeLessThan(expected * 0.2);
  });
});
