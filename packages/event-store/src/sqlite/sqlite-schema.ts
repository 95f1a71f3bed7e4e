/**
 * Opens the embedded store's one SQLite file and brings its schema up to date. This is where
 * the durability setting lives, and it must never be weakened silently:
 *
 * - `journal_mode=WAL`: readers never block the writer and the writer never blocks readers,
 *   so several processes may read while one writes.
 * - `synchronous=FULL`: every commit syncs the write-ahead log to disk before `append` resolves,
 *   so an acknowledged append survives a process crash AND an operating-system crash or power
 *   loss (with NORMAL it would survive a process crash only). The benchmark's raw baseline uses
 *   the same setting.
 * - A busy timeout: a second writer (another process) waits for the write lock instead of
 *   failing; past the timeout the append fails with StoreUnavailableError, nothing written.
 * - Triggers refuse UPDATE and DELETE: the log is append-only for every program that goes
 *   through SQLite honestly. Someone editing the file directly is what the hash chains catch.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const SYNCHRONOUS_SETTING = 'FULL';
const schemaVersion = 1;

/**
 * Table and indexes, shared with the benchmark's raw baseline so that both pay the same.
 * Metadata lives in columns, not JSON: reads need no second JSON parse, and SQL can select by
 * business time or correlation id when an audit asks for it.
 */
export const eventsTableDdl = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  actor_agency TEXT NOT NULL,
  actor_sub TEXT NOT NULL,
  correlation_id TEXT NOT NULL,
  causation_id TEXT,
  occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  log_hash TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_event_id ON events (stream_id, event_id);
`;

const appendOnlyDdl = `
CREATE TRIGGER IF NOT EXISTS events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'casetrail events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'casetrail events are append-only'); END;
`;

export type OpenDatabaseOptions = { readonly path: string; readonly busyTimeoutMs: number };

/** Applies the durability pragmas to a connection; used by the store and by the raw baseline. */
export function applyDurabilityPragmas(db: DatabaseSync): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${SYNCHRONOUS_SETTING}`);
}

export function openDatabase({ path, busyTimeoutMs }: OpenDatabaseOptions): DatabaseSync {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path, { timeout: busyTimeoutMs });
  try {
    applyDurabilityPragmas(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: DatabaseSync): void {
  const current = userVersion(db);
  if (current === schemaVersion) return;
  if (current > schemaVersion) {
    throw new Error(
      `event store file has schema version ${current}; this build knows ${schemaVersion}`,
    );
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    // Re-read under the write lock: another process may have migrated meanwhile.
    if (userVersion(db) < schemaVersion) {
      db.exec(eventsTableDdl);
      db.exec(appendOnlyDdl);
      db.exec(`PRAGMA user_version = ${schemaVersion}`);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}
