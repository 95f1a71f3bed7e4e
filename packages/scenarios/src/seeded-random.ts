/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the scenarios need.
 * Scenarios must be reproducible from their seed on every machine and Node version, so they
 * never touch Math.random: the same seed always yields the same story.
 */

export type SeededRandom = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One value drawn with the given relative weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** Exponentially distributed with the given mean (waiting times). */
  exponential(mean: number): number;
  /** An independent generator derived from this one (so adding draws in one place does not shift another). */
  fork(label: string): SeededRandom;
};

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: SeededRandom = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let draw = next() * total;
      for (const [value, weight] of entries) {
        draw -= weight;
        if (draw < 0) return value;
      }
      const last = entries.at(-1);
      if (last === undefined) throw new RangeError('weighted draw from an empty list');
      return last[0];
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    fork: (label) => seededRandom(hashLabel(label, Math.floor(next() * 4294967296))),
  };
  return random;
}

/** FNV-1a over the label, mixed with a draw of the parent. */
function hashLabel(label: string, salt: number): number {
  let hash = 0x811c9dc5 ^ salt;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
