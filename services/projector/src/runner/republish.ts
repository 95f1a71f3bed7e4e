/**
 * After a rebuild, the fresh copy owes NATS its documents: the new logic may have changed
 * them and the old copy's unsent outbox rows are gone with it. One outbox row per case (its
 * summary as rebuilt) and the two statistics documents, in transactions of bounded size, so
 * memory stays flat. Subscribers see a case's revision jump and repair from KV, as after any
 * missed update.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ReportedCase } from '@casetrail/domain';
import { caseSummaryDocument } from '@casetrail/projections';
import { enqueue } from '@casetrail/publication';

type Row = {
  case_id: string;
  state: string;
  revision: number;
  position: number;
  updated_at: string;
};

export function republishEverything(db: DatabaseSync, pageSize = 2_000): number {
  const page = db.prepare(
    `SELECT case_id, state, revision, position, updated_at FROM case_summaries
     WHERE case_id > ? ORDER BY case_id LIMIT ?`,
  );
  let after = '';
  let count = 0;
  for (;;) {
    const rows = page.all(after, pageSize) as Row[];
    if (rows.length === 0) break;
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const row of rows) {
        const document = caseSummaryDocument(row.case_id, JSON.parse(row.state) as ReportedCase, {
          revision: row.revision,
          position: row.position,
          recordedAt: row.updated_at,
        });
        enqueue(db, { kind: 'case', caseId: row.case_id, document, time: row.updated_at });
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
    count += rows.length;
    after = (rows.at(-1) as Row).case_id;
  }
  const statistics = db.prepare('SELECT key, document FROM statistics ORDER BY key').all() as {
    key: 'national' | 'public';
    document: string;
  }[];
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const row of statistics) {
      enqueue(db, { kind: 'stats', key: row.key, document: JSON.parse(row.document) });
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return count;
}
