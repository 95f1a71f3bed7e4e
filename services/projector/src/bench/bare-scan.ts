/**
 * The benchmark's limit: a bare scan of the same log, reading every column of the embedded
 * store's rows with raw node:sqlite (pages of 500, rows as arrays: the fastest way
 * node:sqlite offers) and JSON-parsing the JSON columns, nothing else. The rebuild can only
 * be slower; the ratio says by how much. Columns are discovered, not assumed, so the scan
 * follows the store's layout.
 */
import { DatabaseSync } from 'node:sqlite';

const jsonColumns = new Set(['data', 'metadata']);

export function bareScan(path: string): { events: number; elapsedMs: number } {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const columns = (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map(
      (column) => column.name,
    );
    const positionAt = columns.indexOf('position');
    const parseAt = columns.flatMap((name, index) => (jsonColumns.has(name) ? [index] : []));
    if (positionAt < 0 || parseAt.length === 0) {
      throw new Error(`${path} does not look like an embedded event store`);
    }
    const page = db.prepare(
      `SELECT ${columns.join(', ')} FROM events WHERE position > ? ORDER BY position LIMIT 500`,
    );
    page.setReturnArrays(true);
    const started = performance.now();
    let after = 0;
    let events = 0;
    let checksum = 0;
    for (;;) {
      const rows = page.all(after) as unknown as unknown[][];
      if (rows.length === 0) break;
      for (const row of rows) {
        for (const index of parseAt) {
          // Touch what was parsed, so the work cannot be optimised away.
          checksum += Object.keys(JSON.parse(row[index] as string) as object).length;
        }
        after = row[positionAt] as number;
        events += 1;
      }
    }
    if (checksum < 0) throw new Error('unreachable');
    return { events, elapsedMs: performance.now() - started };
  } finally {
    db.close();
  }
}
