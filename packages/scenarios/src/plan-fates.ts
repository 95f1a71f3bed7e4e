/**
 * Decides, for every person of a scenario, where they are at each checkpoint, so that the
 * national figures come out exactly as the checkpoints say. Whereabouts only move forward
 * (tracked -> rescued -> returned) and a person counts from the interval they are reported
 * in. Which person goes where is random; how many go where is fixed by the checkpoints.
 */
import type { Checkpoint } from './scenario.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Whereabouts as counted: `tracked` covers reported-and-not-yet-traced too. */
export type Stage = 'tracked' | 'rescued' | 'returned';

export type Fate = {
  /** Index of the checkpoint by which the person is first reported. */
  readonly reportedBy: number;
  /** Stage at each checkpoint; undefined before the report. */
  readonly stages: readonly (Stage | undefined)[];
};

export class InconsistentCheckpointsError extends Error {
  readonly code = 'InconsistentCheckpoints' as const;
  override readonly name = 'InconsistentCheckpointsError';
  constructor(detail: string, cause?: unknown) {
    super(`scenario checkpoints are inconsistent: ${detail}`, { cause });
  }
}

export function planFates(checkpoints: readonly Checkpoint[], random: SeededRandom): Fate[] {
  checkCheckpoints(checkpoints);
  const people: (Stage | undefined)[][] = [];
  const reportedBy: number[] = [];
  checkpoints.forEach((target, k) => {
    const previous = people.map((stages) => stages[k - 1]);
    const rescuedBefore = indexesOf(previous, 'rescued');
    const trackedBefore = indexesOf(previous, 'tracked');
    const newcomers = target.affected - people.length;
    for (let i = 0; i < newcomers; i += 1) {
      people.push(Array.from({ length: k }, () => undefined));
      reportedBy.push(k);
    }
    const stayRescued = random.shuffle(rescuedBefore).slice(0, target.rescuedAwaitingReturn);
    const staying = new Set(stayRescued);
    const nextStage = new Map<number, Stage>();
    for (const i of rescuedBefore) nextStage.set(i, staying.has(i) ? 'rescued' : 'returned');
    for (const [i, stages] of people.entries()) {
      if (stages[k - 1] === 'returned') nextStage.set(i, 'returned');
    }
    const pool = random.shuffle([
      ...trackedBefore,
      ...Array.from({ length: newcomers }, (_, n) => people.length - newcomers + n),
    ]);
    const alreadyReturned = [...nextStage.values()].filter((s) => s === 'returned').length;
    let toReturn = target.returnedHome - alreadyReturned;
    let toRescue = target.rescuedAwaitingReturn - stayRescued.length;
    for (const i of pool) {
      const stage: Stage = toReturn-- > 0 ? 'returned' : toRescue-- > 0 ? 'rescued' : 'tracked';
      nextStage.set(i, stage);
    }
    for (const [i, stages] of people.entries()) stages[k] = nextStage.get(i);
  });
  return people.map((stages, i) => ({ reportedBy: reportedBy[i] as number, stages }));
}

function indexesOf(stages: readonly (Stage | undefined)[], wanted: Stage): number[] {
  return stages.flatMap((stage, i) => (stage === wanted ? [i] : []));
}

/** Refuses targets no forward-only story can reach, naming the checkpoint and the reason. */
export function checkCheckpoints(checkpoints: readonly Checkpoint[]): void {
  if (checkpoints.length === 0) throw new InconsistentCheckpointsError('there is none');
  checkpoints.forEach((c, k) => {
    const parts = c.returnedHome + c.rescuedAwaitingReturn + c.beingTracked;
    if (parts !== c.affected) {
      throw new InconsistentCheckpointsError(
        `${c.label}: ${c.returnedHome} + ${c.rescuedAwaitingReturn} + ${c.beingTracked} is ${parts}, not ${c.affected}`,
      );
    }
    const before = checkpoints[k - 1];
    if (before === undefined) return;
    if (Date.parse(c.asOf) <= Date.parse(before.asOf)) {
      throw new InconsistentCheckpointsError(`${c.label} is not after ${before.label}`);
    }
    if (c.affected < before.affected || c.returnedHome < before.returnedHome) {
      throw new InconsistentCheckpointsError(
        `${c.label}: people affected and returned home can only grow`,
      );
    }
    if (
      c.returnedHome + c.rescuedAwaitingReturn <
      before.returnedHome + before.rescuedAwaitingReturn
    ) {
      throw new InconsistentCheckpointsError(
        `${c.label}: people rescued or returned can only grow (nobody goes back to the compound)`,
      );
    }
  });
}
