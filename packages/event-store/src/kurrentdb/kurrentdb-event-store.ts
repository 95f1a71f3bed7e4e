/**
 * The KurrentDB / EventStoreDB adapter, through the official client `@kurrent/kurrentdb-client`
 * (formerly `@eventstore/db-client`; see docs/adr/0002-kurrentdb-client.md). Same port, same
 * conformance suite as SQLite.
 *
 * The hash chain needs the stream's tail hash, so every append reads the tail and then writes
 * with the tail's exact revision as KurrentDB's `streamState`: a concurrent writer makes the
 * server refuse, and the chain can never fork. Positions are KurrentDB commit positions (each
 * event of an append has its own; the client's 64-bit values are refused past 2^53).
 * It must never write without that exact `streamState`, and never let a vendor error escape.
 */
import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
} from '@kurrent/kurrentdb-client';
import { checkExpectedRevision } from '../append/check-expected-revision.ts';
import { sealEvents } from '../append/seal-events.ts';
import { InvalidInputError, StoreUnavailableError, StreamNotFoundError } from '../errors.ts';
import { parseAppend } from '../input/parse-append.ts';
import {
  parseReadAll,
  parseReadStream,
  parseStreamId,
  parseSubscribe,
} from '../input/parse-read-options.ts';
import { GENESIS_HASH } from '../integrity/hash-chain.ts';
import type { EventStore, RecordedEvent } from '../port.ts';
import { decodeEvent, encodeEvent } from './kurrent-event-codec.ts';
import { findRetriedAppend, readStreamTail } from './kurrent-stream-scan.ts';
import { isWrongExpectedVersion, translateKurrentError } from './translate-kurrent-error.ts';

export type KurrentDbEventStoreOptions = {
  /** `kurrentdb://…` (or the deprecated `esdb://…`, accepted and rewritten). */
  readonly connectionString: string;
  readonly now?: () => Date;
  /** Attempts for `expectedRevision: 'any'` when other writers keep moving the tail. */
  readonly maxAppendAttempts?: number;
};

const position = (value: number) => ({ commit: BigInt(value), prepare: BigInt(value) });

export async function openKurrentDbEventStore(
  options: KurrentDbEventStoreOptions,
): Promise<EventStore> {
  const { now = () => new Date(), maxAppendAttempts = 20 } = options;
  const connectionString = options.connectionString.replace(/^esdb(\+discover)?:/, 'kurrentdb$1:');
  let client: KurrentDBClient;
  try {
    client = KurrentDBClient.connectionString(connectionString);
  } catch (error) {
    // The client's message may echo the string, credentials included: keep it out.
    throw new InvalidInputError(['connectionString: not a valid KurrentDB connection string'], {
      cause: error instanceof Error ? error.name : undefined,
    });
  }
  const closing = new AbortController();
  const ensureOpen = () => {
    if (closing.signal.aborted) throw new StoreUnavailableError('event store is closed');
  };

  return {
    async append(streamId, events, appendOptions) {
      const append = parseAppend(streamId, events, appendOptions);
      ensureOpen();
      const expected = append.expectedRevision;
      for (let attempt = 1; ; attempt++) {
        try {
          const scan = await findRetriedAppend(client, append);
          if (scan.retried) return scan.retried;
          const tail = scan.tail;
          checkExpectedRevision(append.streamId, expected, tail?.revision);
          const clock = now().toISOString();
          const recordedAt = tail && tail.recordedAt > clock ? tail.recordedAt : clock;
          const sealed = sealEvents(
            append.streamId,
            append.events,
            append.encoded,
            { revision: tail?.revision, hash: tail?.hash ?? GENESIS_HASH },
            recordedAt,
          );
          const streamState = tail === undefined ? NO_STREAM : BigInt(tail.revision);
          await client.appendToStream(append.streamId, sealed.map(encodeEvent), { streamState });
          const recorded = await readBack(
            client,
            append.streamId,
            sealed[0]!.revision,
            sealed.length,
          );
          const last = recorded[recorded.length - 1]!;
          return { revision: last.revision, position: last.position, events: recorded };
        } catch (error) {
          // Someone wrote between our tail read and our write: look again (the next round
          // either finds our own events, a retry, or reports the conflict).
          if (isWrongExpectedVersion(error) && attempt < maxAppendAttempts) continue;
          throw translateKurrentError(error, { streamId: append.streamId, expected });
        }
      }
    },

    async *readStream(streamId, readOptions) {
      const read = parseReadStream(streamId, readOptions);
      ensureOpen();
      const backwards = read.direction === 'backwards';
      try {
        const events = client.readStream(read.streamId, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision:
            read.fromRevision === undefined ? (backwards ? END : START) : BigInt(read.fromRevision),
          ...(read.maxCount === undefined ? {} : { maxCount: read.maxCount }),
        });
        let seen = 0;
        for await (const resolved of events) {
          seen += 1;
          yield decodeEvent(resolved);
        }
        if (seen === 0 && (await readStreamTail(client, read.streamId)) === undefined) {
          throw new StreamNotFoundError(read.streamId);
        }
      } catch (error) {
        throw translateKurrentError(error, { streamId: read.streamId });
      }
    },

    async *readAll(readOptions) {
      const read = parseReadAll(readOptions);
      ensureOpen();
      const after = read.afterPosition;
      let remaining = read.maxCount ?? Number.POSITIVE_INFINITY;
      if (remaining <= 0) return;
      try {
        const events = client.readAll({
          fromPosition: after === undefined ? START : position(after),
          filter: excludeSystemEvents(),
        });
        for await (const resolved of events) {
          const event = decodeEvent(resolved);
          // KurrentDB reads $all inclusively from a position; the port's checkpoint is exclusive.
          if (after !== undefined && event.position <= after) continue;
          yield event;
          remaining -= 1;
          if (remaining <= 0) return;
        }
      } catch (error) {
        throw translateKurrentError(error);
      }
    },

    async *subscribeToAll(subscribeOptions) {
      const subscribe = parseSubscribe(subscribeOptions);
      ensureOpen();
      const signal = subscribe.signal
        ? AbortSignal.any([subscribe.signal, closing.signal])
        : closing.signal;
      let after = subscribe.afterPosition;
      const subscription = client.subscribeToAll({
        fromPosition: after === undefined ? START : position(after),
        filter: excludeSystemEvents(),
      });
      const stop = () => void subscription.unsubscribe().catch(() => undefined);
      signal.addEventListener('abort', stop, { once: true });
      try {
        for await (const resolved of subscription) {
          if (signal.aborted) return;
          const event = decodeEvent(resolved);
          if (after !== undefined && event.position <= after) continue;
          yield event;
          after = event.position;
        }
      } catch (error) {
        if (signal.aborted) return;
        throw translateKurrentError(error);
      } finally {
        signal.removeEventListener('abort', stop);
        stop();
      }
    },

    async streamRevision(streamId) {
      const id = parseStreamId(streamId);
      ensureOpen();
      try {
        return (await readStreamTail(client, id))?.revision;
      } catch (error) {
        throw translateKurrentError(error, { streamId: id });
      }
    },

    async headPosition() {
      ensureOpen();
      try {
        const events = client.readAll({
          direction: BACKWARDS,
          fromPosition: END,
          maxCount: 1,
          filter: excludeSystemEvents(),
        });
        for await (const resolved of events) return decodeEvent(resolved).position;
        return undefined;
      } catch (error) {
        throw translateKurrentError(error);
      }
    },

    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      await client.dispose();
    },
  };
}

async function readBack(
  client: KurrentDBClient,
  streamId: string,
  fromRevision: number,
  count: number,
): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  const events = client.readStream(streamId, {
    direction: FORWARDS,
    fromRevision: BigInt(fromRevision),
    maxCount: count,
  });
  for await (const resolved of events) recorded.push(decodeEvent(resolved));
  if (recorded.length !== count) {
    throw new StoreUnavailableError(`stream ${streamId}: appended events could not be read back`);
  }
  return recorded;
}
