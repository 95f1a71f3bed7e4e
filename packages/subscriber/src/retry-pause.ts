/** Back-off between attempts to read from NATS again, ending early when the subscriber closes. */

export function retryDelay(failures: number): number {
  const ceiling = Math.min(5_000, 100 * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.random());
}

export async function pause(ms: number, stop: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!stop() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, deadline - Date.now())));
  }
}
