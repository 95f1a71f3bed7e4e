/**
 * The alerting service as its own process: `node services/alerting/src/main.ts`.
 * Configuration from the environment (@casetrail/config: NATS_URL, CASETRAIL_STALE_DAYS);
 * a bad value stops start-up with a message naming it (exit 1). Alerts go to stdout, one
 * JSON line each; logs go to stderr. Until NATS and the engine's buckets exist it retries,
 * saying so. SIGTERM / SIGINT close it cleanly. It must never publish or write anything.
 */
import { type Config, ConfigError, loadConfig } from '@casetrail/config';
import { SubscriberUnavailableError } from '@casetrail/subscriber';
import type { Alerting } from './alerting-options.ts';
import { jsonLinesLogger } from './json-lines-logger.ts';
import { startAlerting } from './start-alerting.ts';

const RETRY_MS = 2_000;
const logger = jsonLinesLogger('casetrail-alerting');

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`casetrail-alerting: ${error.message}\n`);
  process.exit(1);
}

const stopping = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => stopping.abort());
}

let alerting: Alerting | undefined;
while (!stopping.signal.aborted && alerting === undefined) {
  try {
    alerting = await startAlerting({
      servers: config.natsServers,
      staleDays: config.staleDays,
      logger,
    });
  } catch (error) {
    if (!(error instanceof SubscriberUnavailableError)) throw error;
    logger.warn('NATS or the published buckets are not there yet; retrying', {
      // Without credentials: a NATS URL may carry user:password@.
      servers: config.natsServers.map((url) => url.replace(/\/\/[^@/]*@/, '//***@')).join(','),
      error: error.name,
      retryInMs: RETRY_MS,
    });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, RETRY_MS);
      stopping.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

if (alerting) {
  logger.info('alerting ready', { staleDays: config.staleDays });
  await new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve()));
  await alerting.close();
}
logger.info('alerting stopped');
