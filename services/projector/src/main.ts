/**
 * The projector as a process of its own (production shape): reads the configuration from the
 * environment, follows the event store and keeps the read models in CASETRAIL_DATA_DIR,
 * publishing to NATS_URL. SIGTERM / SIGINT stop it after the batch in flight; a SIGKILL at
 * any moment is safe too (each batch is one transaction). Exit 1 when a projection failed.
 * Must never log event data or documents.
 */
import { loadConfig } from '@casetrail/config';
import { openEventStore } from '@casetrail/event-store';
import { jsonLogger } from './projector-logger.ts';
import { startProjector } from './start-projector.ts';

const config = loadConfig();
const logger = jsonLogger('casetrail-projector', config.logLevel);
const store = await openEventStore(config.store);
const projector = await startProjector({
  store,
  dataDir: config.dataDir,
  natsServers: config.natsServers,
  logger,
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info('stopping', { signal });
    void projector.stop();
  });
}

const final = await projector.stopped;
await store.close();
logger.info('projector stopped', { state: final.state, checkpoint: final.checkpoint });
process.exitCode = final.state === 'failed' ? 1 : 0;
