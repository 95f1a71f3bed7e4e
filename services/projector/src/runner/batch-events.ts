/**
 * Groups an event source into batches, so each SQLite transaction carries many events.
 * - `batchEvents` (a live subscription): as many as are available within one turn of the
 *   event loop, up to `maxBatch`, never waiting for more: catching up commits large
 *   transactions while a live event is applied as soon as it arrives.
 * - `chunkEvents` (a finite read of the log): full batches of `size`.
 */
const notReady = Symbol('not ready');

export async function* batchEvents<T>(
  source: AsyncIterable<T>,
  maxBatch: number,
): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | undefined = iterator.next();
  try {
    while (pending) {
      const first = await pending;
      pending = undefined;
      if (first.done) return;
      const batch = [first.value];
      // One macrotask per batch: setImmediate fires after every promise already settled, so
      // events the source holds in memory join the batch, one that needs new I/O does not.
      const turn = new Promise<typeof notReady>((resolve) => setImmediate(() => resolve(notReady)));
      while (batch.length < maxBatch) {
        const next = iterator.next();
        const settled = await Promise.race([next, turn]);
        if (settled === notReady) {
          pending = next;
          break;
        }
        if (settled.done) {
          yield batch;
          return;
        }
        batch.push(settled.value);
      }
      pending ??= iterator.next();
      yield batch;
    }
  } finally {
    await iterator.return?.();
  }
}

export async function* chunkEvents<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
