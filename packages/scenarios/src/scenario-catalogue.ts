/**
 * The named scenarios `pnpm casetrail seed --scenario NAME` knows. The figures are the ones
 * given to Parliament (DOMAIN.md); each checkpoint is the end of that day in Malaysia time.
 */
import { generateScenario, type ScenarioDefinition } from './generate-scenario.ts';
import type { Checkpoint, Scenario } from './scenario.ts';

export const SEPTEMBER_2022: Checkpoint = {
  label: 'Parliament answer, September 2022',
  asOf: '2022-09-30T23:59:59+08:00',
  affected: 301,
  returnedHome: 168,
  rescuedAwaitingReturn: 34,
  beingTracked: 99,
};

export const OCTOBER_2024: Checkpoint = {
  label: 'Parliament answer, 29 October 2024',
  asOf: '2024-10-29T23:59:59+08:00',
  affected: 906,
  returnedHome: 707,
  rescuedAwaitingReturn: 0,
  beingTracked: 199,
  prosecuted: 5,
};

const rates = {
  reclassified: { returned: 0.945, abroad: 0.83 },
  duplicateReport: 0.05,
  closedAndReopened: 0.012,
  handedToPolice: 0.04,
};

/** Reports rose from 2020, peaked in 2022 and 2023, and eased in 2024. */
const reportsPerYear = { 2020: 1, 2021: 2, 2022: 6, 2023: 5, 2024: 3 };

const definitions = {
  'parliament-2024': {
    name: 'parliament-2024',
    description:
      'Job-scam cases 2020 to 29 October 2024: 906 affected, 707 returned home, 199 being tracked, 5 prosecuted; as of 30 September 2022 it reads 301 reported: 168 returned, 34 rescued awaiting return, 99 being traced.',
    start: '2020-01-06T00:00:00+08:00',
    checkpoints: [SEPTEMBER_2022, OCTOBER_2024],
    reportsPerYear,
    rates,
  },
  'parliament-2022': {
    name: 'parliament-2022',
    description:
      'Job-scam cases 2020 to 30 September 2022: 301 reported, 168 returned, 34 rescued and held abroad awaiting return, 99 being traced.',
    start: '2020-01-06T00:00:00+08:00',
    checkpoints: [{ ...SEPTEMBER_2022, prosecuted: 2 }],
    reportsPerYear,
    rates,
  },
  small: {
    name: 'small',
    description:
      'A small district story for tests and quick looks: 40 affected by 29 October 2024 (26 returned home, 2 rescued awaiting return, 12 being tracked, 2 prosecuted); 16 as of 30 September 2022.',
    start: '2021-06-01T00:00:00+08:00',
    checkpoints: [
      {
        ...SEPTEMBER_2022,
        label: 'Small district, 30 September 2022',
        affected: 16,
        returnedHome: 8,
        rescuedAwaitingReturn: 3,
        beingTracked: 5,
      },
      {
        ...OCTOBER_2024,
        label: 'Small district, 29 October 2024',
        affected: 40,
        returnedHome: 26,
        rescuedAwaitingReturn: 2,
        beingTracked: 12,
        prosecuted: 2,
      },
    ],
    reportsPerYear,
    rates: { ...rates, duplicateReport: 0.1, closedAndReopened: 0.05, handedToPolice: 0.1 },
  },
} as const satisfies Record<string, ScenarioDefinition>;

export type ScenarioName = keyof typeof definitions;
export const scenarioNames = Object.keys(definitions) as ScenarioName[];

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(definitions, name);
}

export function scenarioDefinition(name: ScenarioName): ScenarioDefinition {
  return definitions[name];
}

/** The default seed: the same story every time unless asked otherwise. */
export const DEFAULT_SEED = 2024;

export function buildScenario(name: ScenarioName, seed: number = DEFAULT_SEED): Scenario {
  return generateScenario(definitions[name], seed);
}
