import { describe, expect, it } from 'vitest';
import { etag, parseIfMatch } from './if-match.ts';

describe('parseIfMatch', () => {
  it('reads a quoted revision', () => {
    expect(parseIfMatch('"7"')).toEqual({ kind: 'revision', revision: 7 });
    expect(parseIfMatch(` ${etag(0)} `)).toEqual({ kind: 'revision', revision: 0 });
  });

  it('treats absent and * alike', () => {
    expect(parseIfMatch(undefined)).toEqual({ kind: 'absent' });
    expect(parseIfMatch('*')).toEqual({ kind: 'absent' });
  });

  it('refuses weak, unquoted, negative and list values', () => {
    for (const header of ['W/"1"', '1', '"-1"', '"1", "2"', '"abc"', '""']) {
      expect(parseIfMatch(header)).toEqual({ kind: 'invalid' });
    }
  });
});
