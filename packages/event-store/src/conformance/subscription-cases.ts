/**
 * Conformance: subscribing to the whole log. A subscriber stopped mid-way resumes from its
 * checkpoint and, while four writers append concurrently, catches up and follows live seeing
 * every event exactly once, in global order.
 */
import { waitFor } from '@casetrail/test-harness';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConcurrencyError } from '../errors.ts';
import type { EventStore, RecordedEvent } from '../port.ts';
import {
  type ConformanceFixture,
  type ConformanceTarget,
  collect,
  positions,
  testEvent,
  testEvents,
  uniqueStream,
} from './conformance-target.ts';

type Subscriber = { seen: RecordedEvent[]; stop(): Promise<void> };

function subscribe(
  store: EventStore,
  afterPosition: number | undefined,
  limit = Infinity,
): Subscriber {
  const controller = new AbortController();
  const seen: RecordedEvent[] = [];
  const running = (async () => {
    const options = afterPosition === undefined ? {} : { afterPosition };
    for await (const event of store.subscribeToAll({ ...options, signal: controller.signal })) {
      seen.push(event);
      if (seen.length >= limit) return;
    }
  })();
  return {
    seen,
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}

async function appendWithRetry(store: EventStore, streamId: string, count: number): Promise<void> {
  for (let written = 0; written < count; ) {
    const current = await store.streamRevision(streamId);
    try {
      await store.append(streamId, [testEvent({ data: { written } })], {
        expectedRevision: current === undefined ? 'no_stream' : current,
      });
      written += 1;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
}

export function subscriptionCases(target: ConformanceTarget): void {
  let fixture: ConformanceFixture;
  beforeEach(async () => {
    fixture = await target.open();
  });
  afterEach(async () => fixture.dispose());

  it('resumes at its checkpoint and sees every event once while 4 writers append', async () => {
    const { store } = fixture;
    const start = (await store.headPosition()) ?? 0;
    await store.append(uniqueStream(), testEvents(30), { expectedRevision: 'no_stream' });

    // A first subscriber handles 12 events, then stops: its checkpoint is the last it handled.
    const first = subscribe(store, start, 12);
    await waitFor(() => first.seen.length >= 12, { timeoutMs: 30_000, what: 'first subscriber' });
    await first.stop();
    const checkpoint = first.seen[first.seen.length - 1]!.position;

    const writers = await Promise.all([1, 2, 3, 4].map(() => fixture.openAnother()));
    const shared = uniqueStream('shared');
    const second = subscribe(store, checkpoint);
    try {
      // Each writer appends to its own stream and, racing the others, to one shared stream.
      await Promise.all(
        writers.map(async (writer) => {
          const own = uniqueStream('writer');
          for (let batch = 0; batch < 10; batch++) {
            await writer.append(own, testEvents(2), { expectedRevision: 'any' });
            await appendWithRetry(writer, shared, 1);
          }
        }),
      );
      const head = (await store.headPosition())!;
      await waitFor(() => (second.seen.at(-1)?.position ?? 0) >= head, {
        timeoutMs: 30_000,
        what: `subscriber to reach position ${head}`,
      });
      const expected = await collect(store.readAll({ afterPosition: checkpoint }));
      const seen = second.seen.filter((event) => event.position <= head);
      expect(positions(seen)).toEqual(positions(expected));
      expect(seen.map((event) => event.id)).toEqual(expected.map((event) => event.id));
      expect(new Set(positions(seen)).size).toBe(seen.length);
      expect(expected.filter((event) => event.streamId === shared)).toHaveLength(40);
      const before = await collect(store.readAll({ afterPosition: start, maxCount: 12 }));
      expect(positions(first.seen)).toEqual(positions(before));
    } finally {
      await second.stop();
      await Promise.all(writers.map((writer) => writer.close()));
    }
  });

  it('follows live appends after catching up, and stops when aborted', async () => {
    const { store } = fixture;
    const start = (await store.headPosition()) ?? 0;
    const subscriber = subscribe(store, start);
    const streamId = uniqueStream();
    for (let index = 0; index < 5; index++) {
      const result = await store.append(streamId, [testEvent()], { expectedRevision: 'any' });
      await waitFor(() => (subscriber.seen.at(-1)?.position ?? 0) >= result.position, {
        timeoutMs: 30_000,
        what: `live event ${index}`,
      });
    }
    await subscriber.stop();
    const ours = subscriber.seen.filter((event) => event.streamId === streamId);
    expect(ours.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
  });
}
