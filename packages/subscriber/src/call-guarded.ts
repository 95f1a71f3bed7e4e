/**
 * Runs a service's callback so that its failure cannot stop the subscriber: the failure is
 * logged by error name only (a callback's message may quote the service's own data).
 */
import type { SubscriberLogger } from './subscriber-connection.ts';

export async function callGuarded(
  logger: SubscriberLogger,
  callback: string,
  run: () => void | Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    logger.error('subscriber callback failed', {
      callback,
      error: error instanceof Error ? error.name : typeof error,
    });
  }
}
