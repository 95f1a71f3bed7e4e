import { describe, expect, it } from 'vitest';
import { InconsistentCheckpointsError, planFates } from './plan-fates.ts';
import type { Checkpoint } from './scenario.ts';
import { seededRandom } from './seeded-random.ts';

const at = (
  asOf: string,
  affected: number,
  returnedHome: number,
  rescued: number,
  tracked: number,
): Checkpoint => ({
  label: asOf,
  asOf,
  affected,
  returnedHome,
  rescuedAwaitingReturn: rescued,
  beingTracked: tracked,
});

describe('planFates', () => {
  it('puts exactly the asked number of people at each stage, moving only forward', () => {
    const checkpoints = [
      at('2022-01-01', 10, 3, 2, 5),
      at('2023-01-01', 20, 9, 1, 10),
      at('2024-01-01', 25, 20, 0, 5),
    ];
    const fates = planFates(checkpoints, seededRandom(1));
    expect(fates).toHaveLength(25);
    const order = { tracked: 0, rescued: 1, returned: 2 } as const;
    checkpoints.forEach((checkpoint, k) => {
      const stages = fates.map((fate) => fate.stages[k]);
      expect(stages.filter((s) => s === 'returned')).toHaveLength(checkpoint.returnedHome);
      expect(stages.filter((s) => s === 'rescued')).toHaveLength(checkpoint.rescuedAwaitingReturn);
      expect(stages.filter((s) => s === 'tracked')).toHaveLength(checkpoint.beingTracked);
    });
    for (const fate of fates) {
      const known = fate.stages.slice(fate.reportedBy).map((s) => order[s ?? 'tracked']);
      expect(fate.stages.slice(0, fate.reportedBy).every((s) => s === undefined)).toBe(true);
      expect(known).toEqual([...known].sort());
    }
  });

  it.each([
    ['parts that do not add up', [at('2022-01-01', 10, 3, 2, 4)]],
    ['fewer people later', [at('2022-01-01', 10, 3, 2, 5), at('2023-01-01', 9, 3, 2, 4)]],
    ['people going back abroad', [at('2022-01-01', 10, 5, 5, 0), at('2023-01-01', 12, 6, 0, 6)]],
    ['checkpoints out of order', [at('2023-01-01', 10, 3, 2, 5), at('2022-01-01', 12, 3, 2, 7)]],
    ['no checkpoint at all', []],
  ] as const)('refuses %s, saying why', (_what, checkpoints) => {
    expect(() => planFates(checkpoints, seededRandom(1))).toThrow(InconsistentCheckpointsError);
  });
});
