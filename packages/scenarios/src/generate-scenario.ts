/**
 * Generates a scenario from its definition and a seed: plans every person's fate so the
 * checkpoints' figures come out exactly, writes each person's story, adds duplicates,
 * closures, hand-overs and the prosecutions, then numbers the steps in business-time order.
 * Pure and reproducible: same definition and seed, same actions, on any machine.
 */
import { DESTINATIONS } from './agency-roster.ts';
import { DAY, MINUTE, malaysiaTime, type Window } from './business-time.ts';
import { type ClassificationRates, classificationStory } from './classification-story.ts';
import { prosecutions, type Suspect } from './legal-story.ts';
import { InconsistentCheckpointsError, planFates } from './plan-fates.ts';
import type { PlannedStep } from './planned-step.ts';
import type { Checkpoint, Scenario, ScenarioAction } from './scenario.ts';
import { seededRandom } from './seeded-random.ts';
import {
  closedAndReopened,
  duplicateReport,
  handedToPolice,
  pairInQuietSpell,
} from './side-stories.ts';
import { syntheticPerson } from './synthetic-people.ts';
import { whereaboutsStory } from './whereabouts-story.ts';

export type ScenarioDefinition = {
  readonly name: string;
  readonly description: string;
  /** Business time of the first possible report (ISO 8601). */
  readonly start: string;
  readonly checkpoints: readonly Checkpoint[];
  /** Relative number of reports per year (years not listed: 1). */
  readonly reportsPerYear: Readonly<Record<number, number>>;
  readonly rates: {
    readonly reclassified: ClassificationRates;
    readonly duplicateReport: number;
    readonly closedAndReopened: number;
    readonly handedToPolice: number;
  };
};

/** No figure-changing event this close to a checkpoint: a date-only "as of" reads the same. */
export const CHECKPOINT_MARGIN_DAYS = 2;

export function generateScenario(definition: ScenarioDefinition, seed: number): Scenario {
  const random = seededRandom(seed);
  const { checkpoints } = definition;
  const fates = planFates(checkpoints, random.fork('fates'));
  const windows = windowsOf(definition);
  const end = (windows.at(-1) as Window).to;
  const maxWeight = Math.max(1, ...Object.values(definition.reportsPerYear));
  const reportWeight = (at: number) =>
    (definition.reportsPerYear[new Date(at).getUTCFullYear()] ?? 1) / maxWeight;
  const { rates } = definition;
  const steps: PlannedStep[] = [];
  const suspects: Suspect[] = [];
  fates.forEach((fate, i) => {
    const r = random.fork(`person-${i}`);
    const caseRef = `P${String(i + 1).padStart(4, '0')}`;
    const country = r.weighted(DESTINATIONS);
    const year = new Date((windows[fate.reportedBy] as Window).to).getUTCFullYear();
    const person = syntheticPerson(r, year);
    const story = whereaboutsStory({
      caseRef,
      fate,
      windows,
      person,
      country,
      reportWeight,
      random: r,
    });
    const classified = classificationStory(caseRef, story, end, rates.reclassified, r);
    const own = [...story.steps, ...classified.steps];
    if (classified.reclassifiedAt !== undefined && story.returnedAt !== undefined) {
      suspects.push({ caseRef, reclassifiedAt: classified.reclassifiedAt });
    }
    if (r.chance(rates.closedAndReopened)) {
      const range = { from: story.reportedAt, to: story.rescuedAt ?? story.returnedAt ?? end };
      own.push(
        ...pairInQuietSpell(own, windows, 20, range, closedAndReopened(caseRef, country, r), r),
      );
    }
    if (
      story.returnedAt !== undefined &&
      story.reporter.agency !== 'pdrm' &&
      r.chance(rates.handedToPolice)
    ) {
      const range = { from: story.returnedAt, to: end };
      own.push(...pairInQuietSpell(own, windows, 10, range, handedToPolice(caseRef, story, r), r));
    }
    steps.push(...own);
    if (r.chance(rates.duplicateReport)) {
      steps.push(...duplicateReport(caseRef, story, person, windows, r));
    }
  });
  const last = checkpoints.at(-1) as Checkpoint;
  steps.push(...prosecutions(suspects, last.prosecuted ?? 0, end, random.fork('prosecutions')));
  const actions = numberSteps(strictlyIncreasingPerCase(steps));
  checkMargins(actions, checkpoints);
  const cases = new Set(actions.map((action) => action.caseRef)).size;
  return {
    name: definition.name,
    seed,
    description: definition.description,
    checkpoints,
    actions,
    cases,
  };
}

function windowsOf({ start, checkpoints }: ScenarioDefinition): Window[] {
  const margin = CHECKPOINT_MARGIN_DAYS * DAY;
  return checkpoints.map((checkpoint, k) => {
    const previous = checkpoints[k - 1];
    const from = previous === undefined ? Date.parse(start) : Date.parse(previous.asOf) + margin;
    return { from, to: Date.parse(checkpoint.asOf) - margin };
  });
}

/** Within a case no two steps share an instant, so the order by time is the story's order. */
function strictlyIncreasingPerCase(steps: readonly PlannedStep[]): PlannedStep[] {
  const moved = new Map<PlannedStep, PlannedStep>();
  const byCase = Map.groupBy(steps, (s) => s.caseRef);
  const spaced = [...byCase.values()].flatMap((own) => {
    const sorted = [...own].sort((a, b) => a.at - b.at);
    let previous = Number.NEGATIVE_INFINITY;
    return sorted.map((s) => {
      const at = s.at > previous ? s.at : previous + MINUTE;
      previous = at;
      if (at === s.at) return s;
      const later = { ...s, at };
      moved.set(s, later);
      return later;
    });
  });
  return spaced.map((s) =>
    s.answers !== undefined && moved.has(s.answers) ? { ...s, answers: moved.get(s.answers) } : s,
  );
}

function numberSteps(steps: readonly PlannedStep[]): ScenarioAction[] {
  const ordered = [...steps].sort((a, b) => a.at - b.at || (a.caseRef < b.caseRef ? -1 : 1));
  const seqOf = new Map(ordered.map((s, i) => [s, i + 1]));
  return ordered.map((s, i) => {
    const occurredAt = malaysiaTime(s.at);
    const offer = s.answers === undefined ? undefined : seqOf.get(s.answers);
    const refs = {
      ...(s.duplicateOf === undefined ? {} : { duplicateOf: s.duplicateOf }),
      ...(offer === undefined ? {} : { handoverOffer: offer }),
    };
    return {
      seq: i + 1,
      caseRef: s.caseRef,
      agency: s.actor.agency,
      sub: s.actor.sub,
      command: s.command,
      body: { ...s.body, occurredAt },
      occurredAt,
      ...(Object.keys(refs).length === 0 ? {} : { refs }),
    } as ScenarioAction;
  });
}

const FIGURE_CHANGING = new Set([
  'ReportCase',
  'RecordRescue',
  'RecordRepatriation',
  'LinkDuplicate',
  'CloseCase',
  'ReopenCase',
]);

/** A bug guard: no event that moves a whereabouts figure lies within the margin of a checkpoint. */
function checkMargins(actions: readonly ScenarioAction[], checkpoints: readonly Checkpoint[]) {
  const margin = CHECKPOINT_MARGIN_DAYS * DAY;
  for (const action of actions) {
    if (!FIGURE_CHANGING.has(action.command)) continue;
    const at = Date.parse(action.occurredAt);
    const last = checkpoints.at(-1) as Checkpoint;
    const near = checkpoints.find(
      (c) => Math.abs(Date.parse(c.asOf) - at) < margin || (c === last && at > Date.parse(c.asOf)),
    );
    if (near !== undefined) {
      throw new InconsistentCheckpointsError(
        `${action.command} of ${action.caseRef} at ${action.occurredAt} is within the margin of ${near.label}`,
      );
    }
  }
}
