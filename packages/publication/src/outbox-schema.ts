/**
 * The transactional outbox table, created in the caller's own SQLite file so that a read-model
 * change and the message announcing it commit (or roll back) together. Never drops or
 * rewrites rows: it only adds what is missing.
 */
import type { DatabaseSync } from 'node:sqlite';

export const outboxTable = 'casetrail_outbox';

/** Idempotent: safe at every start-up. */
export function ensureOutboxSchema(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${outboxTable} (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('case', 'stats')),
      key TEXT NOT NULL,
      version INTEGER NOT NULL,
      message_id TEXT NOT NULL,
      document TEXT NOT NULL,
      time TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected')),
      reason TEXT
    ) STRICT;
    CREATE INDEX IF NOT EXISTS ${outboxTable}_state ON ${outboxTable} (state, id);
  `);
}
