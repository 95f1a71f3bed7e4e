/**
 * What an adapter hands the conformance suite, and the small helpers its cases share.
 * Test support only: imported by `*.int.test.ts` files, never by production code.
 */
import { ulid } from 'ulid';
import type { EventStore, NewEvent, RecordedEvent } from '../port.ts';

export type ConformanceFixture = {
  readonly store: EventStore;
  /** Another, independent handle on the same store (its own connection or client). */
  openAnother(): Promise<EventStore>;
  /** The URL `openEventStore` takes for this store, for child processes. */
  readonly url: string;
  dispose(): Promise<void>;
};

export const TamperKind = {
  data: 'data',
  metadata: 'metadata',
  type: 'type',
  /** Swap the revisions of two neighbouring events of one stream. */
  swapRevisions: 'swap-revisions',
  /** Swap the global positions of two events of different streams. */
  swapPositions: 'swap-positions',
  /** Remove an event from the middle of a stream. */
  delete: 'delete',
  /** Change data AND recompute that event's own hash, as a careful forger would. */
  forgeWithHash: 'forge-with-hash',
  /** Make a stored row undecodable. */
  garble: 'garble',
} as const;
export type TamperKind = (typeof TamperKind)[keyof typeof TamperKind];

export type TamperTarget = { readonly streamId: string; readonly revision: number };

/** Rewrites stored events directly, bypassing the store, as someone with file access could. */
export type Tamperer = (
  fixture: ConformanceFixture,
  kind: TamperKind,
  target: TamperTarget,
  other?: TamperTarget,
) => Promise<void>;

export type ConformanceTarget = {
  /** A fresh, empty store (SQLite: a new file) or a fresh handle on a shared server. */
  open(): Promise<ConformanceFixture>;
  /** Present when stored rows can be rewritten (SQLite); absent for server stores. */
  readonly tamper?: Tamperer;
  /** Shown when tamper tests are skipped. */
  readonly tamperSkipReason?: string;
  /** How many SIGKILLs the crash test deals (at least 20). */
  readonly crashKills?: number;
};

export const secretMarker = 'Personal-Secret-7f3a';

export function testEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: ulid(),
    type: 'TestEventRecorded',
    schemaVersion: 1,
    data: { note: 'conformance', count: 1, nested: { list: [1, 'two', null, true] } },
    metadata: {
      actor: { agency: 'pdrm', sub: 'officer-1' },
      correlationId: ulid(),
      causationId: ulid(),
      occurredAt: '2025-10-29T03:15:00.000Z',
    },
    ...overrides,
  };
}

export function testEvents(
  count: number,
  data: (index: number) => Record<string, unknown> = (index) => ({ index }),
): NewEvent[] {
  return Array.from({ length: count }, (_, index) => testEvent({ data: data(index) }));
}

/** A stream id unique to this run, so that tests sharing a server never collide. */
export function uniqueStream(prefix = 'case'): string {
  return `${prefix}-${ulid()}`;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export async function expectRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, got a result');
}

export const positions = (events: readonly RecordedEvent[]) =>
  events.map((event) => event.position);
