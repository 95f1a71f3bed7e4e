/**
 * The tables of the read-model file: one per read model, the checkpoint, and (added by
 * @casetrail/publication) the outbox. Rows hold documents as JSON plus the few columns queries
 * filter on. Nothing here may hold personal data: every row is derived from non-personal
 * fields only, so the file can be rebuilt, copied and published from without a key.
 */
import type { DatabaseSync } from 'node:sqlite';

/** Bumped when the tables or the meaning of a stored document change: forces a rebuild. */
export const READ_MODEL_SCHEMA_VERSION = 1;

/**
 * Per-case rows: the domain's CaseState (to fold the next event into) with the log position
 * it reflects, plus the columns the stale-cases query filters on. The summary document is
 * the pure `caseSummaryDocument` of these columns, computed when read or published, so each
 * update writes one row, not two copies. A rebuild of a single read model folds into a
 * scratch table of the same shape.
 */
export function caseStateTableDdl(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
  case_id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  position INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  active INTEGER NOT NULL,
  state TEXT NOT NULL
) STRICT, WITHOUT ROWID;`;
}

const ddl = `
CREATE TABLE IF NOT EXISTS checkpoint (
  name TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
${caseStateTableDdl('case_summaries')}
CREATE INDEX IF NOT EXISTS case_summaries_staleness ON case_summaries (active, updated_at);
CREATE TABLE IF NOT EXISTS national_counts (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statistics (
  key TEXT PRIMARY KEY,
  position INTEGER,
  document TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS prosecution_register (
  case_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  charged_at TEXT NOT NULL,
  status TEXT NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (case_id, sequence)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS prosecution_register_by_charge ON prosecution_register (charged_at);
CREATE TABLE IF NOT EXISTS open_handovers (
  handover_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  to_agency TEXT NOT NULL,
  from_agency TEXT NOT NULL,
  offered_at TEXT NOT NULL,
  document TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS open_handovers_by_agency ON open_handovers (to_agency, offered_at);
`;

/** The tables each read model owns (what a rebuild of that model clears). */
export const projectionTables = {
  'case-summaries': ['case_summaries'],
  'national-summary': ['national_counts', 'statistics'],
  'prosecution-register': ['prosecution_register'],
  'open-handovers': ['open_handovers'],
} as const;

export const SCRATCH_STATE_TABLE = 'rebuild_case_states';

export function createReadModelTables(db: DatabaseSync): void {
  db.exec(ddl);
}

export function schemaVersionOf(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}
