/** Retry delays: exponential from `initialMs`, capped at `maxMs`, with jitter so a fleet of
 * publishers does not retry in step after a NATS outage. */

export type BackOffOptions = { readonly initialMs: number; readonly maxMs: number };

/** Delay before retry number `attempt` (1 = first retry); `random` in [0, 1). */
export function backOffDelay(
  attempt: number,
  { initialMs, maxMs }: BackOffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
