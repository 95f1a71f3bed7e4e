/** Latency quantiles by the nearest-rank method: the reported figure is a measured sample. */

export type LatencySummary = {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
};

/** The q-quantile (0 < q <= 1) of `sorted` (ascending), nearest rank; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

/** Rounds to 0.01 ms: finer digits are noise at these scales. */
export const roundMs = (ms: number): number => Math.round(ms * 100) / 100;
