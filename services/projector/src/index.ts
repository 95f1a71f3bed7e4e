/**
 * @casetrail/projector: the projection runner (follows the log, keeps the read models in
 * `read-models.db` with checkpoint and outbox in one transaction, publishes through the
 * personal-data guard), the rebuild that swaps a fresh copy in, and the queries that serve
 * the read models. Must never let personal data into a read model, a log line or NATS.
 */

export type {
  BenchResult,
  CommandLatencyProbe,
  ProjectorBenchOptions,
} from './bench/run-projector-benchmarks.ts';
export { runProjectorBenchmarks } from './bench/run-projector-benchmarks.ts';
export type { WriteLogOptions } from './bench/write-synthetic-log.ts';
export { writeSyntheticLog } from './bench/write-synthetic-log.ts';
export { personalDataGuard } from './personal-data-guard.ts';
export type { ProjectorLogger } from './projector-logger.ts';
export { jsonLogger } from './projector-logger.ts';
export { computeNationalSummaryAsOf } from './queries/national-summary-as-of-store.ts';
export type { ReadModels } from './queries/read-models.ts';
export { openReadModels, ReadModelsClosedError } from './queries/read-models.ts';
export {
  readCaseSummary,
  readCheckpoint,
  readNationalSummary,
  readOpenHandovers,
  readProsecutionRegister,
  readPublicStatistics,
  readStaleCases,
} from './queries/read-queries.ts';
export { READ_MODEL_FILE, readModelPath } from './read-model-file/generation.ts';
export { ReadModelVersionError } from './read-model-file/read-model-file.ts';
export { ProjectionFailedError } from './runner/projection-failed-error.ts';
export { RebuildInProgressError } from './runner/rebuild-lock.ts';
export type {
  RebuildOptions,
  RebuildPhase,
  RebuildProgress,
  RebuildResult,
} from './runner/rebuild-read-models.ts';
export { rebuildReadModels } from './runner/rebuild-read-models.ts';
export type {
  Projector,
  ProjectorOptions,
  ProjectorState,
  ProjectorStatus,
} from './start-projector.ts';
export { startProjector } from './start-projector.ts';
