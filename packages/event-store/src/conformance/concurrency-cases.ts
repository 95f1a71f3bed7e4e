/**
 * Conformance: optimistic concurrency under a real race. Twenty writers, each with its own
 * handle on the store, append to one stream with expected revisions: revisions stay
 * contiguous, exactly one writer wins each revision, every loser gets the typed conflict.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConcurrencyError } from '../errors.ts';
import { verifyStream } from '../integrity/verify-stream.ts';
import type { EventStore } from '../port.ts';
import {
  type ConformanceFixture,
  type ConformanceTarget,
  collect,
  testEvent,
  uniqueStream,
} from './conformance-target.ts';

const writers = 20;

export function concurrencyCases(target: ConformanceTarget): void {
  let fixture: ConformanceFixture;
  let handles: EventStore[];
  beforeEach(async () => {
    fixture = await target.open();
    handles = [
      fixture.store,
      ...(await Promise.all(Array.from({ length: writers - 1 }, () => fixture.openAnother()))),
    ];
  });
  afterEach(async () => {
    await Promise.all(handles.slice(1).map((handle) => handle.close()));
    await fixture.dispose();
  });

  it(`lets exactly one of ${writers} racing writers win each revision`, async () => {
    const streamId = uniqueStream();
    const rounds = 8;
    for (let round = 0; round < rounds; round++) {
      const expectedRevision = round === 0 ? 'no_stream' : round - 1;
      const attempts = await Promise.allSettled(
        handles.map((handle, writer) =>
          handle.append(streamId, [testEvent({ data: { round, writer } })], { expectedRevision }),
        ),
      );
      const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(winners[0]!.value.revision).toBe(round);
      for (const attempt of attempts) {
        if (attempt.status === 'fulfilled') continue;
        expect(attempt.reason).toBeInstanceOf(ConcurrencyError);
        expect(attempt.reason).toMatchObject({
          streamId,
          expected: expectedRevision,
          actual: round,
        });
      }
    }
    const events = await collect(fixture.store.readStream(streamId));
    expect(events.map((event) => event.revision)).toEqual([...Array(rounds).keys()]);
  });

  it('keeps revisions contiguous while writers retry on conflict until each has won', async () => {
    const streamId = uniqueStream();
    const winsEach = 3;
    let conflicts = 0;
    const written = await Promise.all(
      handles.map(async (handle, writer) => {
        const ids: string[] = [];
        while (ids.length < winsEach) {
          const event = testEvent({ data: { writer, attempt: ids.length } });
          const current = await handle.streamRevision(streamId);
          try {
            await handle.append(streamId, [event], {
              expectedRevision: current === undefined ? 'no_stream' : current,
            });
            ids.push(event.id);
          } catch (error) {
            if (!(error instanceof ConcurrencyError)) throw error;
            conflicts += 1;
          }
        }
        return ids;
      }),
    );
    const events = await collect(fixture.store.readStream(streamId));
    expect(events.map((event) => event.revision)).toEqual([...Array(writers * winsEach).keys()]);
    expect(new Set(events.map((event) => event.id))).toEqual(new Set(written.flat()));
    expect(conflicts).toBeGreaterThan(0);
    expect((await verifyStream(fixture.store, streamId)).ok).toBe(true);
  });
}
