/**
 * @casetrail/scenarios: demo and test scenarios (the Parliament figures of DOMAIN.md) as
 * reproducible lists of agency actions, and a driver that sends them through the HTTP API.
 * Generation is pure (seeded, no clock, no I/O); the driver only talks HTTP through the
 * sender it is given. The synthetic personal data must never be printed or logged.
 */

export type { AgencyTokens } from './client-sender.ts';
export { clientSenders, MissingScenarioIdError, senderFromClient } from './client-sender.ts';
export type { CommandSender, DriveOptions, DriveResult } from './drive-scenario.ts';
export { driveScenario, ScenarioActionFailedError } from './drive-scenario.ts';
export type { ScenarioDefinition } from './generate-scenario.ts';
export { CHECKPOINT_MARGIN_DAYS, generateScenario } from './generate-scenario.ts';
export type { Fate, Stage } from './plan-fates.ts';
export { checkCheckpoints, InconsistentCheckpointsError, planFates } from './plan-fates.ts';
export type {
  ActionRefs,
  Checkpoint,
  CommandInput,
  PlannedBody,
  Scenario,
  ScenarioAction,
} from './scenario.ts';
export type { ScenarioName } from './scenario-catalogue.ts';
export {
  buildScenario,
  DEFAULT_SEED,
  isScenarioName,
  OCTOBER_2024,
  SEPTEMBER_2022,
  scenarioDefinition,
  scenarioNames,
} from './scenario-catalogue.ts';
export type { SeededRandom } from './seeded-random.ts';
export { seededRandom } from './seeded-random.ts';
