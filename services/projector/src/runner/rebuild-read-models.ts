/**
 * `rebuild [PROJECTION]`: replays the log from the start into a fresh copy of the read-model
 * file and swaps it in atomically (read-model-file/generation.ts). The running projector and
 * readers keep serving the old copy until the swap, then reopen.
 *
 * - All read models: a fresh file, every event folded in large transactions.
 * - One read model: a snapshot of the current file (VACUUM INTO) at its checkpoint C; that
 *   model's tables are cleared and rebuilt from the start up to C, folding cases into a
 *   scratch table when the model is not the case summaries themselves; the others stay.
 * Then every model catches up together from the checkpoint to the head, the copy republishes
 * its documents (republish.ts), is made self-contained and durable, and is swapped in.
 * Memory stays flat: batches, the case cache and the page cache are bounded.
 */
import { mkdirSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type { EventStore, RecordedEvent } from '@casetrail/event-store';
import type { ProjectionName } from '@casetrail/projections';
import { ensureOutboxSchema, outboxTable } from '@casetrail/publication';
import {
  abandonedRebuildFiles,
  rebuildPath,
  removeGeneration,
  removeOrphanedCompanions,
  swapGeneration,
} from '../read-model-file/generation.ts';
import { openGenerationFile, openReadModelFile } from '../read-model-file/read-model-file.ts';
import {
  caseStateTableDdl,
  projectionTables,
  SCRATCH_STATE_TABLE,
} from '../read-model-file/read-model-schema.ts';
import { chunkEvents } from './batch-events.ts';
import { createReadModelWriter, type ReadModelWriter } from './read-model-writer.ts';
import { acquireRebuildLock } from './rebuild-lock.ts';
import { republishEverything } from './republish.ts';

export type RebuildPhase = 'replay' | 'catch-up' | 'republish' | 'swap' | 'done';

export type RebuildProgress = {
  readonly phase: RebuildPhase;
  readonly projection: ProjectionName | 'all';
  /** Events folded so far in this rebuild. */
  readonly events: number;
  /** Last position folded, and the log's head when the rebuild started. */
  readonly position: number | undefined;
  readonly head: number | undefined;
  readonly elapsedMs: number;
};

export type RebuildOptions = {
  readonly store: EventStore;
  readonly dataDir: string;
  /** One read model, or all of them when omitted. */
  readonly projection?: ProjectionName;
  readonly batchSize?: number;
  readonly republish?: boolean;
  readonly onProgress?: (progress: RebuildProgress) => void;
};

export type RebuildResult = {
  readonly projection: ProjectionName | 'all';
  readonly events: number;
  readonly checkpoint: number | undefined;
  readonly republished: number;
  readonly elapsedMs: number;
  /** The generation file now behind read-models.db. */
  readonly file: string;
};

export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const { store, dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const release = acquireRebuildLock(dataDir);
  const target = rebuildPath(dataDir);
  try {
    for (const file of abandonedRebuildFiles(dataDir, [target])) removeGeneration(dataDir, file);
    removeOrphanedCompanions(dataDir);
    const started = performance.now();
    const head = await store.headPosition();
    const projection = options.projection ?? 'all';
    let events = 0;
    const report = (phase: RebuildPhase, position: number | undefined): void =>
      options.onProgress?.({
        phase,
        projection,
        events,
        position,
        head,
        elapsedMs: performance.now() - started,
      });
    const batchSize = options.batchSize ?? 10_000;

    const db =
      options.projection === undefined
        ? openGenerationFile(target, { prepare: ensureOutboxSchema, fresh: true })
        : snapshotWithoutModel(dataDir, target, options.projection);
    try {
      if (options.projection !== undefined) {
        events += await replayOneModel(db, store, options.projection, batchSize, (position) =>
          report('replay', position),
        );
      }
      const writer = createReadModelWriter(db);
      const phase: RebuildPhase = options.projection === undefined ? 'replay' : 'catch-up';
      await catchUp(writer, store, batchSize, (applied, position) => {
        events += applied;
        report(phase, position);
      });
      report('republish', writer.checkpoint());
      const republished = options.republish === false ? 0 : republishEverything(db);
      report('swap', writer.checkpoint());
      const checkpoint = writer.checkpoint();
      makeSelfContained(db);
      db.close();
      const previous = swapGeneration(dataDir, target);
      if (previous !== undefined) removeGeneration(dataDir, previous);
      report('done', checkpoint);
      return {
        projection,
        events,
        checkpoint,
        republished,
        elapsedMs: performance.now() - started,
        file: target,
      };
    } finally {
      if (db.isOpen) db.close();
    }
  } catch (error) {
    removeGeneration(dataDir, target);
    throw error;
  } finally {
    release();
  }
}

/**
 * Folds the log from the writer's checkpoint, pass after pass, until a pass finds little
 * left (at most one batch): under a steady stream of appends "nothing left" may never come,
 * and the few events after the final checkpoint are the projector's to fold after the swap.
 */
async function catchUp(
  writer: ReadModelWriter,
  store: EventStore,
  batchSize: number,
  onBatch: (applied: number, position: number | undefined) => void,
): Promise<void> {
  for (;;) {
    const from = writer.checkpoint();
    let read = 0;
    const source = store.readAll(from === undefined ? {} : { afterPosition: from });
    for await (const batch of chunkEvents(source, batchSize)) {
      const result = writer.apply(batch, { publish: false });
      read += batch.length;
      onBatch(result.applied, result.checkpoint);
    }
    if (read <= batchSize) return;
  }
}

/** A consistent copy of the current file, minus the model to rebuild and the old outbox. */
function snapshotWithoutModel(
  dataDir: string,
  target: string,
  projection: ProjectionName,
): DatabaseSync {
  const current = openReadModelFile(dataDir, { prepare: ensureOutboxSchema });
  try {
    current.db.prepare('VACUUM INTO ?').run(target);
  } finally {
    current.close();
  }
  const db = openGenerationFile(target, { prepare: ensureOutboxSchema, fresh: true });
  db.exec('BEGIN IMMEDIATE');
  for (const table of projectionTables[projection]) db.exec(`DELETE FROM ${table}`);
  db.exec(`DELETE FROM ${outboxTable}`);
  if (projection !== 'case-summaries') db.exec(caseStateTableDdl(SCRATCH_STATE_TABLE));
  db.exec('COMMIT');
  return db;
}

/** Rebuilds one model from the start up to the copy's checkpoint, which does not move. */
async function replayOneModel(
  db: DatabaseSync,
  store: EventStore,
  projection: ProjectionName,
  batchSize: number,
  onBatch: (position: number) => void,
): Promise<number> {
  const writer = createReadModelWriter(db, {
    projections: [projection],
    stateTable: projection === 'case-summaries' ? 'case_summaries' : SCRATCH_STATE_TABLE,
  });
  const upTo = writer.checkpoint();
  let applied = 0;
  if (upTo !== undefined) {
    for await (const batch of chunkEvents(store.readAll(), batchSize)) {
      const within = batch.filter((event: RecordedEvent) => event.position <= upTo);
      if (within.length > 0) {
        applied += writer.apply(within, { publish: false, advanceCheckpoint: false }).applied;
        onBatch((within.at(-1) as RecordedEvent).position);
      }
      if (within.length < batch.length) break;
    }
  }
  db.exec(`DROP TABLE IF EXISTS ${SCRATCH_STATE_TABLE}`);
  return applied;
}

/** WAL journal (persisted in the header), no log beside the file, content synced by swap. */
function makeSelfContained(db: DatabaseSync): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}
