/**
 * @casetrail/subscriber: what a downstream service (dashboard, statistics unit, alerting)
 * uses to follow casetrail's read models over NATS: a consistent snapshot, then live
 * updates, with missed updates detected and repaired from KV. It only reads; it never
 * publishes or creates NATS resources.
 */

export { openCaseSubscriber } from './case-subscriber.ts';
export type {
  CaseSubscriber,
  CaseSubscriberOptions,
  CaseSubscriberStatus,
  CaseUpdate,
  Gap,
} from './case-subscriber-options.ts';
export type { RevisionVerdict, SequenceVerdict } from './continuity.ts';
export { judgeRevision, judgeSequence } from './continuity.ts';
export type { KvSnapshot } from './kv-snapshot.ts';
export { readKvSnapshot } from './kv-snapshot.ts';
export type { StatsKey } from './nats-names.ts';
export { NatsNames, statsKeys } from './nats-names.ts';
export type { CaseDocument, CaseEvent, StatsDocument } from './projection-documents.ts';
export {
  CaseDocumentSchema,
  CaseEventSchema,
  StatsDocumentSchema,
} from './projection-documents.ts';
export type { StatsSubscriber, StatsSubscriberOptions, StatsUpdate } from './stats-subscriber.ts';
export { openStatsSubscriber } from './stats-subscriber.ts';
export type { ConnectionOptions, SubscriberLogger } from './subscriber-connection.ts';
export { SubscriberOptionsInvalidError, SubscriberUnavailableError } from './subscriber-errors.ts';
