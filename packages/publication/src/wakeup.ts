/** A wait that ends early when woken: the publisher's poll interval and back-off, without
 * leaving a timer that keeps the process alive. */

export type Wakeup = {
  /** Waits `ms`; `wake()` ends it early unless `firm` (a back-off only `wake(true)` ends). */
  wait(ms: number, firm?: boolean): Promise<void>;
  wake(force?: boolean): void;
};

export function createWakeup(): Wakeup {
  let current: { resolve: () => void; firm: boolean } | undefined;
  let woken = false;
  return {
    wait(ms, firm = false) {
      if (woken && !firm) {
        woken = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        timer.unref();
        function done() {
          clearTimeout(timer);
          current = undefined;
          resolve();
        }
        current = { resolve: done, firm };
      });
    },
    wake(force = false) {
      if (current && (force || !current.firm)) current.resolve();
      else if (!current) woken = true;
    },
  };
}
