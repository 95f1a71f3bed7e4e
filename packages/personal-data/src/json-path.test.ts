import { describe, expect, it } from 'vitest';
import { fieldPathFromJsonPath, personalPathsFromJsonPaths } from './json-path.ts';

describe('JSON paths to field paths', () => {
  it('reads member, array-wildcard and quoted segments', () => {
    expect(fieldPathFromJsonPath('$.person.fullName')).toEqual(['person', 'fullName']);
    expect(fieldPathFromJsonPath('$.contacts[*].phone')).toEqual(['contacts', '*', 'phone']);
    expect(fieldPathFromJsonPath('$.aliases[*]')).toEqual(['aliases', '*']);
    expect(fieldPathFromJsonPath("$['odd key'].x")).toEqual(['odd key', 'x']);
  });

  it('refuses what it cannot read faithfully instead of guessing', () => {
    for (const bad of ['person.fullName', '$', '$.a[0]', '$..name', '$.a[?(@.x)]', '$.a.']) {
      expect(() => fieldPathFromJsonPath(bad), bad).toThrow(TypeError);
    }
  });

  it('parses each event type once', () => {
    let calls = 0;
    const paths = personalPathsFromJsonPaths((type) => {
      calls += 1;
      return type === 'CaseReported' ? ['$.person.fullName'] : [];
    });
    expect(paths('CaseReported')).toEqual([['person', 'fullName']]);
    expect(paths('CaseReported')).toEqual([['person', 'fullName']]);
    expect(paths('PersonRescued')).toEqual([]);
    expect(calls).toBe(2);
  });
});
