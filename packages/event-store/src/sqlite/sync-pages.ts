/**
 * Serves a synchronous iterator (node:sqlite reads are synchronous) as an AsyncIterable with
 * one already-resolved promise per item: several times cheaper per event than an async
 * generator, which matters when a projector replays the whole log. Errors surface on the
 * `next()` that meets them, exactly as with an async generator.
 */
export function syncPages<T>(produce: () => Iterator<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      let iterator: Iterator<T> | undefined;
      return {
        next() {
          try {
            iterator ??= produce();
            return Promise.resolve(iterator.next());
          } catch (error) {
            return Promise.reject(error);
          }
        },
        return(value?: unknown) {
          iterator?.return?.();
          return Promise.resolve({ done: true, value: value as T });
        },
      };
    },
  };
}
