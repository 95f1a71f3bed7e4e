/**
 * Lets callers wait until the read models reflect a store position (tests, the engine's
 * "read your writes", the latency benchmark), without polling.
 */
export type PositionWaiters = {
  position(): number | undefined;
  /** `reset`: a swapped-in generation may stand at an earlier position than the old one. */
  advance(position: number | undefined, options?: { reset?: boolean }): void;
  wait(position: number, timeoutMs: number): Promise<void>;
  fail(error: Error): void;
};

type Waiter = { position: number; resolve(): void; reject(error: Error): void };

export function createPositionWaiters(): PositionWaiters {
  let current: number | undefined;
  let failure: Error | undefined;
  let waiting: Waiter[] = [];
  return {
    position: () => current,
    advance(position, { reset = false } = {}) {
      if (position === undefined) return;
      if (!reset && current !== undefined && position <= current) return;
      current = position;
      const ready = waiting.filter((waiter) => waiter.position <= position);
      waiting = waiting.filter((waiter) => waiter.position > position);
      for (const waiter of ready) waiter.resolve();
    },
    wait(position, timeoutMs) {
      if (current !== undefined && current >= position) return Promise.resolve();
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting = waiting.filter((candidate) => candidate !== waiter);
          reject(
            new Error(`the read models did not reach position ${position} within ${timeoutMs} ms`),
          );
        }, timeoutMs);
        const waiter: Waiter = {
          position,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiting.push(waiter);
      });
    },
    fail(error) {
      failure = error;
      const failed = waiting;
      waiting = [];
      for (const waiter of failed) waiter.reject(error);
    },
  };
}
