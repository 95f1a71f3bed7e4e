/**
 * Stream look-ups the KurrentDB adapter needs before it writes: the stream's tail (for the
 * expected-revision check and the chain link) and whether the append is an idempotent retry.
 * KurrentDB has no index by event id, so the retry check scans the stream backwards once; case
 * streams are short. It must never treat ids in a different order as a retry.
 */
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { BACKWARDS, END, FORWARDS } from '@kurrent/kurrentdb-client';
import { EventIdConflictError } from '../errors.ts';
import type { ParsedAppend } from '../input/parse-append.ts';
import type { AppendResult, RecordedEvent } from '../port.ts';
import { decodeEvent } from './kurrent-event-codec.ts';
import { isVendorStreamNotFound } from './translate-kurrent-error.ts';

export async function readStreamTail(
  client: KurrentDBClient,
  streamId: string,
): Promise<RecordedEvent | undefined> {
  try {
    const events = client.readStream(streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    for await (const resolved of events) return decodeEvent(resolved);
    return undefined;
  } catch (error) {
    if (isVendorStreamNotFound(error)) return undefined;
    throw error;
  }
}

export type StreamScan = { readonly tail?: RecordedEvent; readonly retried?: AppendResult };

export async function findRetriedAppend(
  client: KurrentDBClient,
  append: ParsedAppend,
): Promise<StreamScan> {
  const { streamId, events } = append;
  const laterIds = new Set(events.slice(1).map((event) => event.id));
  let tail: RecordedEvent | undefined;
  let firstFound: number | undefined;
  let laterIdSeen: string | undefined;
  try {
    const all = client.readStream(streamId, { direction: BACKWARDS, fromRevision: END });
    for await (const resolved of all) {
      const event = decodeEvent(resolved);
      tail ??= event;
      if (event.id === events[0]!.id) {
        firstFound = event.revision;
        break;
      }
      if (laterIds.has(event.id)) laterIdSeen = event.id;
    }
  } catch (error) {
    if (isVendorStreamNotFound(error)) return {};
    throw error;
  }
  if (firstFound === undefined) {
    // Only a later id of this append is in the stream: recording it again would duplicate it.
    if (laterIdSeen !== undefined) throw new EventIdConflictError(streamId, laterIdSeen);
    return tail ? { tail } : {};
  }
  const recorded: RecordedEvent[] = [];
  const range = client.readStream(streamId, {
    direction: FORWARDS,
    fromRevision: BigInt(firstFound),
    maxCount: events.length,
  });
  for await (const resolved of range) recorded.push(decodeEvent(resolved));
  events.forEach((event, index) => {
    if (recorded[index]?.id !== event.id) throw new EventIdConflictError(streamId, event.id);
  });
  const last = recorded[recorded.length - 1]!;
  return { retried: { revision: last.revision, position: last.position, events: recorded } };
}
