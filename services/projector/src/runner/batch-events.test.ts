import { describe, expect, it } from 'vitest';
import { batchEvents } from './batch-events.ts';

async function collect<T>(source: AsyncIterable<T[]>): Promise<T[][]> {
  const batches: T[][] = [];
  for await (const batch of source) batches.push(batch);
  return batches;
}

describe('batchEvents', () => {
  it('batches what is already available, up to the maximum', async () => {
    async function* source() {
      for (let index = 0; index < 7; index += 1) yield index;
    }
    expect(await collect(batchEvents(source(), 3))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('does not hold a batch back while waiting for the next event', async () => {
    let release: (() => void) | undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* source() {
      yield 1;
      yield 2;
      await gate;
      yield 3;
    }
    const iterator = batchEvents(source(), 10)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual([1, 2]);
    release?.();
    expect((await iterator.next()).value).toEqual([3]);
    expect((await iterator.next()).done).toBe(true);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let index = 0; ; index += 1) yield index;
      } finally {
        closed = true;
      }
    }
    for await (const batch of batchEvents(source(), 2)) {
      expect(batch).toEqual([0, 1]);
      break;
    }
    expect(closed).toBe(true);
  });
});
