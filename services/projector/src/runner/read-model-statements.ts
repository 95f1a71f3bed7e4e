/**
 * The writer's prepared statements, prepared once per connection. Only the projector's
 * writer uses them, inside its own transactions.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export const CHECKPOINT_NAME = 'read-models';

export type WriterStatements = {
  readonly checkpoint: StatementSync;
  readonly saveCheckpoint: StatementSync;
  readonly loadCase: StatementSync;
  readonly saveCase: StatementSync;
  readonly counts: StatementSync;
  readonly addCount: StatementSync;
  readonly saveStatistics: StatementSync;
  readonly clearProsecutions: StatementSync;
  readonly saveProsecution: StatementSync;
  readonly clearHandovers: StatementSync;
  readonly saveHandover: StatementSync;
};

export function prepareWriterStatements(db: DatabaseSync, stateTable: string): WriterStatements {
  return {
    checkpoint: db.prepare('SELECT position FROM checkpoint WHERE name = ?'),
    saveCheckpoint: db.prepare(
      `INSERT INTO checkpoint (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    ),
    loadCase: db.prepare(`SELECT state FROM ${stateTable} WHERE case_id = ?`),
    saveCase: db.prepare(
      `INSERT OR REPLACE INTO ${stateTable} (case_id, revision, position, updated_at, active, state)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    counts: db.prepare('SELECT key, value FROM national_counts'),
    addCount: db.prepare(
      `INSERT INTO national_counts (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = value + excluded.value`,
    ),
    saveStatistics: db.prepare(
      'INSERT OR REPLACE INTO statistics (key, position, document) VALUES (?, ?, ?)',
    ),
    clearProsecutions: db.prepare('DELETE FROM prosecution_register WHERE case_id = ?'),
    saveProsecution: db.prepare(
      `INSERT INTO prosecution_register (case_id, sequence, charged_at, status, document)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    clearHandovers: db.prepare('DELETE FROM open_handovers WHERE case_id = ?'),
    saveHandover: db.prepare(
      `INSERT OR REPLACE INTO open_handovers
       (handover_id, case_id, to_agency, from_agency, offered_at, document) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };
}
