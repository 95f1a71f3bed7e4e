/**
 * @casetrail/publication: the transactional outbox and the publisher that drains it to NATS
 * (KV buckets and the CloudEvents stream of docs CONTRACT.md). It must never let a document
 * leave without passing the caller's filter, and never fail the engine when NATS is away.
 */

export type { BackOffOptions } from './back-off.ts';
export { backOffDelay } from './back-off.ts';
export type { CloudEvent } from './cloud-event.ts';
export { cloudEventJson } from './cloud-event.ts';
export type { Enqueued } from './enqueue.ts';
export { enqueue } from './enqueue.ts';
export { messageIdFor } from './message-id.ts';
export { CloudEventTypes, caseSubject, NatsNames } from './nats-names.ts';
export type { NatsResourceSettings, NatsResources } from './nats-resources.ts';
export { defaultNatsResourceSettings, ensureNatsResources } from './nats-resources.ts';
export type { OutboxMessage } from './outbox-message.ts';
export { maxDocumentBytes, OutboxMessageSchema } from './outbox-message.ts';
export { ensureOutboxSchema, outboxTable } from './outbox-schema.ts';
export {
  NatsResourceConflictError,
  OutboxMessageInvalidError,
  OutboxNotInTransactionError,
  OutboxUnavailableError,
  PublicationFilterInvalidError,
  PublisherOptionsInvalidError,
} from './publication-errors.ts';
export type { FilterVerdict, PublicationFilter, PublicationTarget } from './publication-filter.ts';
export { createDenyListFilter } from './publication-filter.ts';
export type { Publisher, PublisherStatus } from './publisher.ts';
export { startPublisher } from './publisher.ts';
export type { PublisherLogger, PublisherOptions } from './publisher-options.ts';
