/**
 * Conformance: what an append records, the expected-revision rules, refusal of bad input
 * (nothing recorded, no value echoed) and idempotent retries, also concurrent ones.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  ConcurrencyError,
  EventIdConflictError,
  InvalidInputError,
  isConcurrencyError,
  StoreUnavailableError,
} from '../errors.ts';
import { GENESIS_HASH, hashEvent } from '../integrity/hash-chain.ts';
import type { EventStore } from '../port.ts';
import {
  type ConformanceFixture,
  type ConformanceTarget,
  collect,
  expectRejection,
  secretMarker,
  testEvent,
  testEvents,
  uniqueStream,
} from './conformance-target.ts';

export function appendCases(target: ConformanceTarget): void {
  let fixture: ConformanceFixture;
  let store: EventStore;
  beforeEach(async () => {
    fixture = await target.open();
    store = fixture.store;
  });
  afterEach(async () => fixture.dispose());

  it('records every field the port promises, chained from the genesis hash', async () => {
    const streamId = uniqueStream();
    const [first, second] = [testEvent(), testEvent({ type: 'OtherThingHappened' })];
    const before = new Date().toISOString();
    const result = await store.append(streamId, [first!, second!], {
      expectedRevision: 'no_stream',
    });
    expect(result.revision).toBe(1);
    expect(result.events.map((event) => event.revision)).toEqual([0, 1]);
    expect(result.position).toBe(result.events[1]!.position);
    expect(result.events[1]!.position).toBeGreaterThan(result.events[0]!.position);
    const read = await collect(store.readStream(streamId));
    expect(read).toEqual(result.events);
    const [a, b] = read;
    expect(a).toMatchObject({ ...first, streamId, revision: 0, previousHash: GENESIS_HASH });
    expect(b).toMatchObject({ ...second, streamId, revision: 1, previousHash: a!.hash });
    expect(a!.metadata).toEqual(first!.metadata);
    expect(a!.recordedAt >= before.slice(0, 19)).toBe(true);
    expect(a!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(a!.hash).toBe(hashEvent(a!));
    expect(b!.hash).toBe(hashEvent(b!));
  });

  it('enforces no_stream, exists and exact expected revisions with a typed conflict', async () => {
    const streamId = uniqueStream();
    const missing = await expectRejection(
      store.append(streamId, [testEvent()], { expectedRevision: 'exists' }),
    );
    expect(missing).toBeInstanceOf(ConcurrencyError);
    expect(missing).toMatchObject({ code: 'ConcurrencyConflict', streamId, actual: undefined });
    await expect(store.append(streamId, [testEvent()], { expectedRevision: 3 })).rejects.toThrow(
      ConcurrencyError,
    );
    await store.append(streamId, [testEvent()], { expectedRevision: 'no_stream' });
    const exists = await expectRejection(
      store.append(streamId, [testEvent()], { expectedRevision: 'no_stream' }),
    );
    expect(isConcurrencyError(exists)).toBe(true);
    expect(exists).toMatchObject({ streamId, expected: 'no_stream', actual: 0 });
    await store.append(streamId, [testEvent()], { expectedRevision: 'exists' });
    const stale = await expectRejection(
      store.append(streamId, [testEvent()], { expectedRevision: 0 }),
    );
    expect(stale).toMatchObject({ expected: 0, actual: 1 });
    await store.append(streamId, [testEvent()], { expectedRevision: 1 });
    await store.append(streamId, [testEvent()], { expectedRevision: 'any' });
    expect(await store.streamRevision(streamId)).toBe(3);
    expect(await store.streamRevision(uniqueStream())).toBeUndefined();
  });

  it('refuses bad input naming the field, records nothing and never echoes a value', async () => {
    const streamId = uniqueStream();
    await store.append(streamId, [testEvent()], { expectedRevision: 'no_stream' });
    const head = await store.headPosition();
    const bad: [string, unknown, unknown, unknown][] = [
      ['id', streamId, [testEvent({ id: `not-a-ulid-${secretMarker}` })], { expectedRevision: 0 }],
      [
        'data',
        streamId,
        [testEvent({ data: { when: new Date(), secret: secretMarker } })],
        { expectedRevision: 0 },
      ],
      [
        'data',
        streamId,
        [testEvent({ data: { ratio: Number.NaN, secret: secretMarker } })],
        { expectedRevision: 0 },
      ],
      [
        'occurredAt',
        streamId,
        [testEvent({ metadata: { ...testEvent().metadata, occurredAt: secretMarker } })],
        { expectedRevision: 0 },
      ],
      [
        'actor',
        streamId,
        [{ ...testEvent(), metadata: { correlationId: 'c', occurredAt: '2025-01-01T00:00:00Z' } }],
        { expectedRevision: 0 },
      ],
      ['nothing to append', streamId, [], { expectedRevision: 0 }],
      ['expectedRevision', streamId, [testEvent()], { expectedRevision: -1 }],
      ['streamId', ` ${secretMarker}`, [testEvent()], { expectedRevision: 'any' }],
      [
        'repeated',
        streamId,
        (() => {
          const event = testEvent();
          return [event, { ...event }];
        })(),
        { expectedRevision: 0 },
      ],
    ];
    for (const [field, id, events, options] of bad) {
      const error = await expectRejection(
        // biome-ignore lint/suspicious/noExplicitAny: deliberately ill-typed input
        store.append(id as string, events as any, options as any),
      );
      expect(error, field).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message, field).toContain(field);
      expect((error as Error).message, field).not.toContain(secretMarker);
    }
    expect(await store.headPosition()).toBe(head);
    expect(await store.streamRevision(streamId)).toBe(0);
  });

  it('treats a retry of the same ids in the same order as the original append', async () => {
    const streamId = uniqueStream();
    const events = testEvents(3);
    const original = await store.append(streamId, events, { expectedRevision: 'no_stream' });
    expect(await store.append(streamId, events, { expectedRevision: 'no_stream' })).toEqual(
      original,
    );
    await store.append(streamId, [testEvent()], { expectedRevision: 2 });
    // Still a retry after someone else wrote, whatever revision the retry expects.
    expect(await store.append(streamId, events, { expectedRevision: 'any' })).toEqual(original);
    expect(await store.append(streamId, events, { expectedRevision: 7 })).toEqual(original);
    expect(await store.streamRevision(streamId)).toBe(3);
    const conflict = await expectRejection(
      store.append(streamId, [events[1]!, events[0]!], { expectedRevision: 'any' }),
    );
    expect(conflict).toBeInstanceOf(EventIdConflictError);
    const partial = await expectRejection(
      store.append(streamId, [testEvent(), events[2]!], { expectedRevision: 'any' }),
    );
    expect(partial).toBeInstanceOf(EventIdConflictError);
    expect(await store.streamRevision(streamId)).toBe(3);
  });

  it('keeps a retry idempotent when the same append arrives many times at once', async () => {
    const handles = [store, ...(await Promise.all([1, 2, 3].map(() => fixture.openAnother())))];
    try {
      const streamId = uniqueStream();
      const events = testEvents(2);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          handles[index % handles.length]!.append(streamId, events, {
            expectedRevision: 'no_stream',
          }),
        ),
      );
      for (const result of results) expect(result).toEqual(results[0]);
      const read = await collect(store.readStream(streamId));
      expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
    } finally {
      await Promise.all(handles.slice(1).map((handle) => handle.close()));
    }
  });

  it('fails with StoreUnavailableError once closed', async () => {
    const other = await fixture.openAnother();
    await other.close();
    await expect(
      other.append(uniqueStream(), [testEvent()], { expectedRevision: 'any' }),
    ).rejects.toThrow(StoreUnavailableError);
    await expect(other.headPosition()).rejects.toThrow(StoreUnavailableError);
  });
}
