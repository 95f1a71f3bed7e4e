/**
 * Test support: the content of a read-model file as plain sorted rows, so two files can be
 * compared (a projector killed and restarted against a fresh rebuild). Bookkeeping that
 * legitimately differs between two files (checkpoint time, outbox rows) is left out.
 */
import { DatabaseSync } from 'node:sqlite';

export type ReadModelSnapshot = {
  readonly checkpoint: number | undefined;
  readonly cases: readonly unknown[];
  readonly counts: readonly unknown[];
  readonly statistics: readonly unknown[];
  readonly prosecutions: readonly unknown[];
  readonly handovers: readonly unknown[];
};

export function readModelSnapshot(path: string): ReadModelSnapshot {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const all = (sql: string) =>
      db
        .prepare(sql)
        .all()
        .map((row) => ({ ...row }));
    const checkpoint = db
      .prepare("SELECT position FROM checkpoint WHERE name = 'read-models'")
      .get() as { position: number } | undefined;
    return {
      checkpoint: checkpoint?.position,
      cases: all(
        'SELECT case_id, revision, position, updated_at, active, state FROM case_summaries ORDER BY case_id',
      ),
      counts: all('SELECT key, value FROM national_counts WHERE value != 0 ORDER BY key'),
      statistics: all('SELECT key, document FROM statistics ORDER BY key').map((row) => {
        // The statistics document records the position of the last change to the figures;
        // compare the figures themselves.
        const { position: _position, check: _check, ...figures } = JSON.parse(String(row.document));
        return { key: row.key, figures };
      }),
      prosecutions: all(
        'SELECT case_id, sequence, charged_at, status, document FROM prosecution_register ORDER BY case_id, sequence',
      ),
      handovers: all(
        'SELECT handover_id, case_id, to_agency, from_agency, offered_at, document FROM open_handovers ORDER BY handover_id',
      ),
    };
  } finally {
    db.close();
  }
}
