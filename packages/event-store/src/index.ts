/**
 * @casetrail/event-store: the system of record. The port every adapter implements, the
 * embedded SQLite store (default), the KurrentDB/EventStoreDB store, the URL factory, the
 * typed errors, and the tamper-evidence tools (canonical encoding, hashes, verifiers) that an
 * offline checker can reuse. Nothing else in casetrail is trusted for history; nothing here
 * may know about cases, NATS or HTTP.
 */

export type { BenchResult, EventStoreBenchOptions } from './bench/bench-result.ts';
export { runEventStoreBenchmarks } from './bench/run-event-store-benchmarks.ts';
export type { EventStoreError } from './errors.ts';
export {
  ConcurrencyError,
  CorruptEventError,
  EventIdConflictError,
  InvalidInputError,
  isConcurrencyError,
  isStoreUnavailableError,
  isStreamNotFoundError,
  StoreUnavailableError,
  StreamNotFoundError,
  UnsupportedStoreError,
} from './errors.ts';
export { eventMetadataSchema, newEventSchema, ulidPattern } from './input/parse-append.ts';
export { canonicalJson, NotCanonicalizableError } from './integrity/canonical-json.ts';
export type {
  LogLink,
  StreamLink,
  VerificationProblem,
} from './integrity/chain-checks.ts';
export { checkLogLink, checkStreamLink, VerificationFailure } from './integrity/chain-checks.ts';
export type { HashedEventFields, LogLinkFields } from './integrity/hash-chain.ts';
export {
  canonicalEventEncoding,
  GENESIS_HASH,
  hashEvent,
  hashLogLink,
  sha256Hex,
} from './integrity/hash-chain.ts';
export type { LogVerification, LogVerifier } from './integrity/log-verifier.ts';
export { createLogVerifier } from './integrity/log-verifier.ts';
export type { VerifyLogOptions, VerifyProgress } from './integrity/verify-log.ts';
export { verifyLog } from './integrity/verify-log.ts';
export type { StreamVerification } from './integrity/verify-stream.ts';
export { verifyStream } from './integrity/verify-stream.ts';
export type { KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store.ts';
export { openKurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.ts';
export type { OpenEventStoreOptions, StoreLocation } from './open-event-store.ts';
export { openEventStore, parseStoreUrl } from './open-event-store.ts';
export type {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from './port.ts';
export type { SqliteEventStore, SqliteEventStoreOptions } from './sqlite/sqlite-event-store.ts';
export { openSqliteEventStore } from './sqlite/sqlite-event-store.ts';
export { SYNCHRONOUS_SETTING } from './sqlite/sqlite-schema.ts';
