/**
 * Ids a command needs (new case id, hand-over id, event ids), derived from its request id in
 * a fixed order. The same request id yields the same ids on every attempt, which is what lets
 * a retried request find its own earlier append in the stream.
 */
import { incrementBase32 } from 'ulid';

export type IdSequence = { next(): string };

export function derivedIds(requestId: string): IdSequence {
  let current: string | undefined;
  return {
    next() {
      current = current === undefined ? requestId : incrementBase32(current);
      return current;
    },
  };
}

/** `count` consecutive ids starting at `first`. */
export function consecutiveIds(first: string, count: number): string[] {
  const ids = [first];
  while (ids.length < count) ids.push(incrementBase32(ids.at(-1) ?? first));
  return ids;
}

/**
 * The last of the events that an earlier attempt with these ids recorded (they are appended
 * together, so they sit side by side), or undefined when none was recorded.
 */
export function lastRecordedFrom<T extends { readonly id: string }>(
  records: readonly T[],
  first: string,
): T | undefined {
  let index = records.findIndex((record) => record.id === first);
  if (index < 0) return undefined;
  let expected = incrementBase32(first);
  while (records[index + 1]?.id === expected) {
    index += 1;
    expected = incrementBase32(expected);
  }
  return records[index];
}
