/**
 * Turns accepted new events into the recorded form minus the global position: assigns
 * revisions after the stream's tail and links each event into the stream's hash chain.
 * Pure: the caller passes the tail it read inside its write critical section and the clock.
 */
import { type EncodedParts, hashEvent } from '../integrity/hash-chain.ts';
import type { NewEvent, RecordedEvent } from '../port.ts';

export type SealedEvent = Omit<RecordedEvent, 'position' | 'logHash'>;

export type StreamTail = {
  /** Revision of the stream's last event; undefined when the stream does not exist. */
  readonly revision: number | undefined;
  /** Hash of that event; GENESIS_HASH when the stream does not exist. */
  readonly hash: string;
};

export function sealEvents(
  streamId: string,
  events: readonly NewEvent[],
  encoded: readonly (EncodedParts | undefined)[],
  tail: StreamTail,
  recordedAt: string,
): SealedEvent[] {
  const sealed: SealedEvent[] = [];
  let previousHash = tail.hash;
  let revision = tail.revision === undefined ? 0 : tail.revision + 1;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    const fields = {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      streamId,
      revision,
      metadata: event.metadata,
      recordedAt,
      previousHash,
      hash: '',
    };
    fields.hash = hashEvent(fields, encoded[index]);
    sealed.push(fields);
    previousHash = fields.hash;
    revision += 1;
  }
  return sealed;
}
