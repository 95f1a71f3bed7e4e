import { describe, expect, it } from 'vitest';
import { consecutiveIds, derivedIds, lastRecordedFrom } from './derived-ids.ts';
import { requestFingerprint } from './request-fingerprint.ts';

describe('requestFingerprint', () => {
  it('ignores key order and whitespace but not values, method or path', () => {
    const a = requestFingerprint('POST', '/v1/cases/X/rescue', { b: 1, a: [1, { d: 2, c: 3 }] });
    expect(requestFingerprint('post', '/v1/cases/X/rescue', { a: [1, { c: 3, d: 2 }], b: 1 })).toBe(
      a,
    );
    expect(
      requestFingerprint('POST', '/v1/cases/X/rescue', { b: 2, a: [1, { d: 2, c: 3 }] }),
    ).not.toBe(a);
    expect(
      requestFingerprint('POST', '/v1/cases/Y/rescue', { b: 1, a: [1, { d: 2, c: 3 }] }),
    ).not.toBe(a);
  });
});

describe('derivedIds', () => {
  it('yields the same distinct, increasing ULIDs from the same request id', () => {
    const first = derivedIds('01JDQ4Z8ZKXR0M1E3WJ9Q5V7ZY');
    const again = derivedIds('01JDQ4Z8ZKXR0M1E3WJ9Q5V7ZY');
    const ids = [first.next(), first.next(), first.next()];
    expect([again.next(), again.next(), again.next()]).toEqual(ids);
    expect(ids[0]).toBe('01JDQ4Z8ZKXR0M1E3WJ9Q5V7ZY');
    expect(new Set(ids).size).toBe(3);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('lastRecordedFrom', () => {
  it('finds the last of a run of consecutive ids, or nothing', () => {
    const ids = consecutiveIds('01JDQ4Z8ZKXR0M1E3WJ9Q5V7Z0', 3);
    const records = [
      { id: '01JDQ4Z8ZKXR0M1E3WJ9Q5V700' },
      ...ids.map((id) => ({ id })),
      { id: '01JDQ4Z8ZKXR0M1E3WJ9Q5V7ZZ' },
    ];
    expect(lastRecordedFrom(records, ids[0] ?? '')).toEqual({ id: ids[2] });
    expect(lastRecordedFrom(records, '01JDQ4Z8ZKXR0M1E3WJ9Q5V7A0')).toBeUndefined();
  });
});
