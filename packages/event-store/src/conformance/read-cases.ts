/**
 * Conformance: reading a stream forwards and backwards from a revision, and the whole log in
 * global order from a position, with the port's inclusive/exclusive rules.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { StreamNotFoundError } from '../errors.ts';
import type { EventStore } from '../port.ts';
import {
  type ConformanceFixture,
  type ConformanceTarget,
  collect,
  expectRejection,
  positions,
  testEvents,
  uniqueStream,
} from './conformance-target.ts';

export function readCases(target: ConformanceTarget): void {
  let fixture: ConformanceFixture;
  let store: EventStore;
  beforeEach(async () => {
    fixture = await target.open();
    store = fixture.store;
  });
  afterEach(async () => fixture.dispose());

  it('reads a stream forwards and backwards, from a revision, with a maximum count', async () => {
    const streamId = uniqueStream();
    // More than one page of the SQLite adapter (500), in two appends.
    await store.append(streamId, testEvents(400), { expectedRevision: 'no_stream' });
    await store.append(streamId, testEvents(250), { expectedRevision: 399 });
    const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
      (await collect(store.readStream(streamId, options))).map((event) => event.revision);
    const all = [...Array(650).keys()];
    expect(await revisions(undefined)).toEqual(all);
    expect(await revisions({ direction: 'backwards' })).toEqual([...all].reverse());
    expect(await revisions({ fromRevision: 600 })).toEqual(all.slice(600));
    expect(await revisions({ fromRevision: 5, maxCount: 3 })).toEqual([5, 6, 7]);
    expect(await revisions({ direction: 'backwards', fromRevision: 5 })).toEqual([
      5, 4, 3, 2, 1, 0,
    ]);
    expect(await revisions({ direction: 'backwards', maxCount: 2 })).toEqual([649, 648]);
    expect(await revisions({ fromRevision: 650 })).toEqual([]);
    const error = await expectRejection(collect(store.readStream(uniqueStream())));
    expect(error).toBeInstanceOf(StreamNotFoundError);
  });

  it('reads the whole log in global order, after an exclusive position', async () => {
    const before = (await store.headPosition()) ?? 0;
    const streams = [uniqueStream(), uniqueStream(), uniqueStream()];
    const appended = [];
    for (let round = 0; round < 4; round++) {
      for (const streamId of streams) {
        const result = await store.append(streamId, testEvents(2), { expectedRevision: 'any' });
        appended.push(...result.events);
      }
    }
    const log = await collect(store.readAll({ afterPosition: before }));
    const ours = log.filter((event) => streams.includes(event.streamId));
    expect(positions(ours)).toEqual(positions(appended));
    expect(ours.map((event) => event.id)).toEqual(appended.map((event) => event.id));
    const ordered = positions(log);
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
    expect(new Set(ordered).size).toBe(ordered.length);
    const middle = appended[9]!.position;
    const after = await collect(store.readAll({ afterPosition: middle, maxCount: 2 }));
    expect(positions(after)).toEqual(positions(appended.slice(10, 12)));
    expect(await store.headPosition()).toBe(appended[appended.length - 1]!.position);
  });
}
