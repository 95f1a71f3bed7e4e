/**
 * @casetrail/case-service: the HTTP command and query API over the event store. Each POST
 * is one command of the domain (policy, decide, append with the expected revision); GET
 * /v1/cases/{caseId} reads the case from its stream. It must never log or publish personal
 * data, and records nothing on any error.
 */
export { JwtSecretError, jwtSecretFileName, loadOrCreateJwtSecret } from './auth/jwt-secret.ts';
export type { MintTokenOptions } from './auth/mint-token.ts';
export { embeddedAudience, embeddedIssuer, mintToken, parseTtl } from './auth/mint-token.ts';
export type {
  Actor,
  TokenCheck,
  TokenVerifier,
  TokenVerifierOptions,
} from './auth/token-verifier.ts';
export { createTokenVerifier } from './auth/token-verifier.ts';
export type { CaseServiceBenchOptions } from './bench/run-case-service-benchmarks.ts';
export { runCaseServiceBenchmarks } from './bench/run-case-service-benchmarks.ts';
export type { CaseService, CaseServiceDeps } from './case-service.ts';
export { createCaseService } from './case-service.ts';
export type { CommandAnswer, CommandRequest } from './commands/execute-command.ts';
export { executeCommand } from './commands/execute-command.ts';
export type { Problem } from './http/problem.ts';
export { ProblemKind, problemType } from './http/problem.ts';
export type { IdempotencyStore, StoredAnswer } from './idempotency/idempotency-store.ts';
export { openIdempotencyStore } from './idempotency/idempotency-store.ts';
export type { Logger, LogLevel } from './observability/logger.ts';
export { createLogger } from './observability/logger.ts';
export {
  idempotencyFileName,
  loadPolicyFile,
  openCaseServiceDependencies,
  PolicyFileError,
} from './open-case-service-dependencies.ts';
export { buildOpenApiDocument } from './openapi/openapi-document.ts';
export {
  caseSummarySchema,
  caseViewSchema,
  problemSchema,
  writeResultSchema,
} from './openapi/response-schemas.ts';
export type { RunningCaseService, StartCaseServiceOptions } from './start-case-service.ts';
export { startCaseService } from './start-case-service.ts';
export type {
  RawAnswer,
  RawInit,
  TestCaseService,
  TestCaseServiceOptions,
} from './testing/case-service-fixture.ts';
// Test support: a real service in a temporary directory, and command recipes (for client and e2e tests).
export { startTestCaseService } from './testing/case-service-fixture.ts';
export type { PreparedCommand } from './testing/command-samples.ts';
export {
  personalValues,
  prepareCommand,
  reportBody,
  reportCase,
  sampleBodies,
} from './testing/command-samples.ts';
