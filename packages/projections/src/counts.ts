/**
 * Tallies of people keyed `dimension:value` (e.g. `byCountry:KH`). The national summary is a
 * pure function of such a tally, whoever keeps it: the projector in SQLite rows, the "as of"
 * computation in a Map.
 */
export type Counts = ReadonlyMap<string, number>;

export function counterKey(dimension: string, value: string): string {
  return `${dimension}:${value}`;
}

export function countOf(counts: Counts, dimension: string, value: string): number {
  return counts.get(counterKey(dimension, value)) ?? 0;
}

/**
 * Every value of one dimension: the `fixed` categories always (zero included), others when
 * non-zero. Keys sorted so documents are stable.
 */
export function keysOf(
  counts: Counts,
  dimension: string,
  fixed: readonly string[] = [],
): Record<string, number> {
  const prefix = `${dimension}:`;
  const entries: [string, number][] = fixed.map((value) => [
    value,
    countOf(counts, dimension, value),
  ]);
  for (const [key, value] of counts) {
    if (!key.startsWith(prefix) || value === 0) continue;
    const category = key.slice(prefix.length);
    if (!fixed.includes(category)) entries.push([category, value]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** Adds `delta` to each key (a case entering or leaving the tally). */
export function addKeys(counts: Map<string, number>, keys: readonly string[], delta: number): void {
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + delta);
}
