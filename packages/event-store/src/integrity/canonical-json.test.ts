import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalJsonReference,
  NotCanonicalizableError,
} from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth by UTF-16 code units and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    // RFC 8785 §3.2.3: sorting is by UTF-16 code units, not code points or locale.
    expect(canonicalJson({ '\u20ac': 1, '\ud83d\ude00': 2, '\r': 3, '1': 4, é: 5 })).toBe(
      '{"\\r":3,"1":4,"é":5,"€":1,"😀":2}',
    );
  });

  it('writes numbers in their shortest round-trip form, -0 as 0 (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalJson([0, -0, 1e21, 1e-7, 0.1, 333333333.3333333, 9007199254740991])).toBe(
      '[0,0,1e+21,1e-7,0.1,333333333.3333333,9007199254740991]',
    );
  });

  it('escapes strings as JSON.stringify does, keeping non-ASCII literal', () => {
    expect(canonicalJson('a"b\\c\n\u0001é\u2028')).toBe('"a\\"b\\\\c\\n\\u0001é\u2028"');
  });

  it('refuses values without one JSON form, naming where they are', () => {
    const refused: [unknown, string][] = [
      [{ a: Number.NaN }, '$.a'],
      [{ a: [1, undefined] }, '$.a[1]'],
      [{ when: new Date(0) }, '$.when'],
      [{ big: 1n }, '$.big'],
      [{ f: () => 1 }, '$.f'],
      [new Map(), '$'],
    ];
    for (const [value, path] of refused) {
      for (const encoder of [canonicalJson, canonicalJsonReference]) {
        try {
          encoder(value);
          expect.unreachable(`accepted ${path}`);
        } catch (error) {
          expect(error).toBeInstanceOf(NotCanonicalizableError);
          expect((error as NotCanonicalizableError).path).toBe(path);
        }
      }
    }
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/circular/);
    expect(() => canonicalJson(JSON.parse('['.repeat(300) + ']'.repeat(300)))).toThrow(/deeply/);
  });

  it('writes exactly what the rule-by-rule reference encoder writes, index-like keys included', () => {
    expect(canonicalJson({ b: 1, '10': 2, '9': 3, '': 4, '01': 5 })).toBe(
      '{"":4,"01":5,"10":2,"9":3,"b":1}',
    );
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":[]}'))).toBe(
      '{"__proto__":{"x":1},"a":[]}',
    );
    const anyKeys = fc.dictionary(
      fc.oneof(fc.string(), fc.nat().map(String), fc.constant('__proto__')),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), anyKeys, fc.array(anyKeys)), (value) => {
        expect(canonicalJson(value)).toBe(canonicalJsonReference(value));
      }),
    );
  });

  it('does not depend on key insertion order and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const encoded = canonicalJson(value);
        expect(canonicalJson(JSON.parse(encoded))).toBe(encoded);
        const reordered = JSON.parse(JSON.stringify(value), (_key, member) =>
          member && typeof member === 'object' && !Array.isArray(member)
            ? Object.fromEntries(Object.entries(member).reverse())
            : member,
        );
        expect(canonicalJson(reordered)).toBe(encoded);
      }),
    );
  });
});
