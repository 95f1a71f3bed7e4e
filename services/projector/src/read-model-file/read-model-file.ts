/**
 * Opens the current generation of the read-model file (see generation.ts) and brings its
 * tables up. The file is WAL-journalled with `synchronous=NORMAL`: a process crash loses
 * nothing committed, and an operating-system crash can at worst lose the last commits AS A
 * WHOLE (read models, checkpoint and outbox rows roll back together), which the projector
 * then re-derives from the event store. The log is the system of record; this file never is.
 * Must never be opened on a file whose schema version it does not know: that is a rebuild.
 */
import { mkdirSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { type GenerationId, generationOf, readModelPath, sameGeneration } from './generation.ts';
import {
  createReadModelTables,
  READ_MODEL_SCHEMA_VERSION,
  schemaVersionOf,
} from './read-model-schema.ts';

export type ReadModelFile = {
  readonly db: DatabaseSync;
  /** The file actually open (the link resolved). */
  readonly path: string;
  readonly generation: GenerationId;
  /** False once a rebuild has swapped another generation in. */
  isCurrent(): boolean;
  close(): void;
};

/** The file holds read models of another schema version: rebuild it. */
export class ReadModelVersionError extends Error {
  readonly code = 'ReadModelVersionError' as const;
  override readonly name = 'ReadModelVersionError';
  readonly found: number;
  constructor(found: number, options?: { cause?: unknown }) {
    super(
      `the read-model file has schema version ${found}, this build writes ${READ_MODEL_SCHEMA_VERSION}: run 'pnpm casetrail rebuild'`,
      options,
    );
    this.found = found;
  }
}

export type OpenOptions = {
  /** Extra tables to create with the read models (the outbox). */
  readonly prepare?: (db: DatabaseSync) => void;
  readonly busyTimeoutMs?: number;
  /**
   * For a rebuild's fresh file only: journal in memory, no syncs, a larger page cache. A
   * crash mid-rebuild loses the file, which is thrown away anyway; it is synced before swap.
   */
  readonly fresh?: boolean;
};

export function configureConnection(db: DatabaseSync): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
}

/** Opens `path` (a generation file or the link) and creates or checks its tables. */
export function openGenerationFile(path: string, options: OpenOptions = {}): DatabaseSync {
  const db = new DatabaseSync(path, { timeout: options.busyTimeoutMs ?? 10_000 });
  try {
    if (options.fresh) {
      db.exec('PRAGMA journal_mode = MEMORY');
      db.exec('PRAGMA synchronous = OFF');
      db.exec('PRAGMA cache_size = -32768');
    } else {
      configureConnection(db);
    }
    const version = schemaVersionOf(db);
    if (version !== 0 && version !== READ_MODEL_SCHEMA_VERSION) {
      throw new ReadModelVersionError(version);
    }
    if (version === READ_MODEL_SCHEMA_VERSION) {
      // Tables are there: only what `prepare` may add (idempotent, usually nothing to write).
      options.prepare?.(db);
      return db;
    }
    db.exec('BEGIN IMMEDIATE');
    try {
      createReadModelTables(db);
      options.prepare?.(db);
      db.exec(`PRAGMA user_version = ${READ_MODEL_SCHEMA_VERSION}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens the current generation in `dataDir`, retrying when a swap races the open. */
export function openReadModelFile(dataDir: string, options: OpenOptions = {}): ReadModelFile {
  mkdirSync(dataDir, { recursive: true });
  const link = readModelPath(dataDir);
  for (let attempt = 0; ; attempt += 1) {
    const db = openGenerationFile(link, options);
    const path = db.location() ?? link;
    const generation = generationOf(path);
    if (generation !== undefined && sameGeneration(generation, generationOf(link))) {
      return {
        db,
        path,
        generation,
        isCurrent: () => sameGeneration(generation, generationOf(link)),
        close: () => {
          if (db.isOpen) db.close();
        },
      };
    }
    db.close();
    if (attempt >= 5) throw new Error(`the read-model file ${link} keeps changing while opened`);
  }
}
