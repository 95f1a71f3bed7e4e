/**
 * Open-loop pacing for the benchmark: task i starts at `i / ratePerSecond` seconds after the
 * first, whether or not earlier ones have finished, so a slow answer cannot lower the load
 * (closed loops hide latency that way). Returns every task's promise.
 */
export async function paced<T>(
  count: number,
  ratePerSecond: number,
  task: (index: number) => Promise<T>,
): Promise<Promise<T>[]> {
  const started = performance.now();
  const intervalMs = 1_000 / ratePerSecond;
  const running: Promise<T>[] = [];
  for (let index = 0; index < count; index += 1) {
    const due = started + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(task(index));
  }
  return running;
}
