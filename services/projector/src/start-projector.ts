/**
 * The projector: follows the store's global log from the read models' checkpoint and folds
 * each batch of events into the read models, checkpoint and outbox in one transaction
 * (runner/read-model-writer.ts); a publisher drains the outbox to NATS through the
 * personal-data guard. Used by the all-in-one engine and by `main.ts`.
 *
 * After a rebuild swaps a new generation in (read-model-file/generation.ts), the projector
 * notices within `generationCheckMs` (or at its next batch), stops its subscription and its
 * publisher, reopens the new file and resumes from that file's checkpoint.
 * A read-model file of an unknown schema version is rebuilt before anything is served.
 * It must never skip an event: one it cannot fold stops it (status `failed`), loudly.
 */
import type { EventStore } from '@casetrail/event-store';
import {
  ensureOutboxSchema,
  type Publisher,
  type PublisherStatus,
  startPublisher,
} from '@casetrail/publication';
import { personalDataGuard } from './personal-data-guard.ts';
import { jsonLogger, type ProjectorLogger } from './projector-logger.ts';
import { openReadModels, type ReadModels } from './queries/read-models.ts';
import {
  openReadModelFile,
  type ReadModelFile,
  ReadModelVersionError,
} from './read-model-file/read-model-file.ts';
import { batchEvents } from './runner/batch-events.ts';
import { createPositionWaiters } from './runner/position-waiters.ts';
import { ProjectionFailedError } from './runner/projection-failed-error.ts';
import { createReadModelWriter } from './runner/read-model-writer.ts';
import { rebuildReadModels } from './runner/rebuild-read-models.ts';

export type ProjectorOptions = {
  readonly store: EventStore;
  readonly dataDir: string;
  /** NATS servers; when given, every change is also recorded for publication. */
  readonly natsServers?: readonly string[];
  /** CloudEvents `source` of published documents. */
  readonly source?: string;
  readonly batchSize?: number;
  readonly generationCheckMs?: number;
  readonly logger?: ProjectorLogger;
};

export type ProjectorState = 'starting' | 'running' | 'stopped' | 'failed';

export type ProjectorStatus = {
  readonly state: ProjectorState;
  /** Last store position folded into the read models. */
  readonly checkpoint: number | undefined;
  /** The generation file in use. */
  readonly file: string | undefined;
  readonly lastError: string | undefined;
  readonly publisher: PublisherStatus | undefined;
};

export type Projector = {
  /** Swap-aware read handle for the queries (queries/read-queries.ts). */
  readonly readModels: ReadModels;
  status(): ProjectorStatus;
  /** Resolves once the read models reflect `position`; rejects on timeout or failure. */
  waitForPosition(position: number, timeoutMs?: number): Promise<void>;
  /** Settles when the projector has stopped, with its final status (never rejects). */
  readonly stopped: Promise<ProjectorStatus>;
  stop(): Promise<ProjectorStatus>;
};

const RETRY_MS = 1_000;

export async function startProjector(options: ProjectorOptions): Promise<Projector> {
  const logger = options.logger ?? jsonLogger('casetrail-projector');
  const guard = personalDataGuard();
  const stopping = new AbortController();
  const waiters = createPositionWaiters();
  let state: ProjectorState = 'starting';
  let file: ReadModelFile | undefined;
  let publisher: Publisher | undefined;
  let lastError: string | undefined;

  file = await openOrRebuild(options, logger);
  waiters.advance(createReadModelWriter(file.db).checkpoint());

  const cycle = async (current: ReadModelFile): Promise<void> => {
    const writer = createReadModelWriter(current.db);
    const publish = (options.natsServers?.length ?? 0) > 0;
    publisher = publish
      ? startPublisher({
          db: current.db,
          servers: options.natsServers ?? [],
          source: options.source ?? 'urn:casetrail:projector',
          filter: guard,
          logger,
        })
      : undefined;
    const swapped = new AbortController();
    const watch = setInterval(() => {
      if (!current.isCurrent()) swapped.abort();
    }, options.generationCheckMs ?? 500);
    watch.unref();
    // Leaving the loop early must end the subscription first: its pending read waits for the
    // next append, and the iterator cannot be closed while that read is in flight.
    const leaving = new AbortController();
    try {
      const signal = AbortSignal.any([stopping.signal, swapped.signal, leaving.signal]);
      const from = writer.checkpoint();
      const events = options.store.subscribeToAll(
        from === undefined ? { signal } : { afterPosition: from, signal },
      );
      for await (const batch of batchEvents(events, options.batchSize ?? 1_000)) {
        if (signal.aborted) break;
        if (!current.isCurrent()) {
          leaving.abort();
          break;
        }
        try {
          const result = writer.apply(batch, { publish });
          publisher?.wake();
          waiters.advance(result.checkpoint);
        } catch (error) {
          leaving.abort();
          throw error;
        }
      }
    } finally {
      clearInterval(watch);
      await publisher?.stop();
      publisher = undefined;
    }
  };

  const run = async (): Promise<ProjectorStatus> => {
    state = 'running';
    logger.info('projector started', { checkpoint: waiters.position(), file: file?.path });
    while (!stopping.signal.aborted) {
      try {
        if (file === undefined || !file.isCurrent()) {
          file?.close();
          file = await openOrRebuild(options, logger);
          logger.info('read models reopened', { file: file.path });
          waiters.advance(createReadModelWriter(file.db).checkpoint(), { reset: true });
        }
        await cycle(file);
        lastError = undefined;
      } catch (error) {
        lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (error instanceof ProjectionFailedError) {
          state = 'failed';
          logger.error('projection failed; stopping', {
            position: error.position,
            type: error.eventType,
          });
          waiters.fail(error);
          break;
        }
        logger.warn('projector cycle failed; retrying', { error: lastError });
        await delay(RETRY_MS, stopping.signal);
      }
    }
    file?.close();
    file = undefined;
    if (state !== 'failed') state = 'stopped';
    waiters.fail(new Error(`the projector is ${state}`));
    return status();
  };

  const status = (): ProjectorStatus => ({
    state,
    checkpoint: waiters.position(),
    file: file?.path,
    lastError,
    publisher: publisher?.status(),
  });

  const readModels = openReadModels({ dataDir: options.dataDir });
  const stopped = run().finally(() => readModels.close());
  return {
    readModels,
    status,
    waitForPosition: (position, timeoutMs = 30_000) => waiters.wait(position, timeoutMs),
    stopped,
    stop: async () => {
      stopping.abort();
      return stopped;
    },
  };
}

async function openOrRebuild(
  options: ProjectorOptions,
  logger: ProjectorLogger,
): Promise<ReadModelFile> {
  try {
    return openReadModelFile(options.dataDir, { prepare: ensureOutboxSchema });
  } catch (error) {
    if (!(error instanceof ReadModelVersionError)) throw error;
    logger.warn('read models are of another schema version; rebuilding', { found: error.found });
    await rebuildReadModels({ store: options.store, dataDir: options.dataDir });
    return openReadModelFile(options.dataDir, { prepare: ensureOutboxSchema });
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
