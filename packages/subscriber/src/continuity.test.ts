import { describe, expect, it } from 'vitest';
import { judgeRevision, judgeSequence } from './continuity.ts';

describe('judgeSequence', () => {
  it('accepts the next sequence, ignores replays, and calls anything further a gap', () => {
    expect(judgeSequence(0, 1)).toBe('next');
    expect(judgeSequence(41, 42)).toBe('next');
    expect(judgeSequence(42, 42)).toBe('duplicate');
    expect(judgeSequence(42, 7)).toBe('duplicate');
    expect(judgeSequence(42, 44)).toBe('gap');
  });
});

describe('judgeRevision', () => {
  it('expects revision 0 for a case it does not know yet', () => {
    expect(judgeRevision(undefined, 0)).toBe('next');
    expect(judgeRevision(undefined, 3)).toBe('gap');
  });

  it('applies the next revision, ignores older ones, and flags a jump', () => {
    expect(judgeRevision(4, 5)).toBe('next');
    expect(judgeRevision(4, 4)).toBe('stale');
    expect(judgeRevision(4, 2)).toBe('stale');
    expect(judgeRevision(4, 6)).toBe('gap');
  });
});
