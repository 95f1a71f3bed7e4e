import { describe, expect, it } from 'vitest';
import { quantile, roundMs, summarizeLatencies } from './latency-quantiles.ts';

describe('latency quantiles (nearest rank)', () => {
  it('takes the sample at rank ceil(q * n)', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.99)).toBe(99);
    expect(quantile(sorted, 1)).toBe(100);
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('sorts before ranking and counts the samples', () => {
    expect(summarizeLatencies([9, 1, 5, 3, 7])).toEqual({ count: 5, p50: 5, p99: 9 });
    const many = [...Array.from({ length: 199 }, () => 2), 500];
    expect(summarizeLatencies(many)).toEqual({ count: 200, p50: 2, p99: 2 });
    // 100 samples: rank 99 is the second largest.
    const hundred = [...Array.from({ length: 98 }, () => 2), 600, 500];
    expect(summarizeLatencies(hundred)).toEqual({ count: 100, p50: 2, p99: 500 });
  });

  it('rounds to hundredths of a millisecond', () => {
    expect(roundMs(1.23456)).toBe(1.23);
    expect(roundMs(0.005)).toBe(0.01);
  });
});
