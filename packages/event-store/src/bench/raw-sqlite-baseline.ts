/**
 * The limit the store is measured against: plain node:sqlite INSERTs and SELECTs of the very
 * rows the store wrote, into the same table with the same indexes, under the same pragmas
 * (WAL, synchronous=FULL) and the same transaction boundaries (one BEGIN IMMEDIATE … COMMIT
 * per append). Rows are read as arrays, the fastest form node:sqlite offers (the store reads
 * them so too). No validation, no hashing, no decoding: what the store adds is the difference.
 */
import { DatabaseSync } from 'node:sqlite';
import { type EventRow, eventColumns } from '../sqlite/event-row.ts';
import { applyDurabilityPragmas, eventsTableDdl } from '../sqlite/sqlite-schema.ts';

export type RawBaseline = {
  insert(batch: readonly EventRow[]): void;
  readStream(streamId: string): unknown[];
  /** Reads up to `limit` rows after `position`, in order; returns how many. */
  readAllAfter(position: number, limit: number): number;
  close(): void;
};

export function openRawBaseline(path: string): RawBaseline {
  const db = new DatabaseSync(path, { timeout: 5_000 });
  applyDurabilityPragmas(db);
  db.exec(eventsTableDdl);
  const insert = db.prepare(
    `INSERT INTO events (${eventColumns}) VALUES (${eventColumns
      .split(',')
      .map(() => '?')
      .join(', ')})`,
  );
  const stream = db.prepare(
    `SELECT ${eventColumns} FROM events WHERE stream_id = ? ORDER BY revision`,
  );
  const after = db.prepare(
    `SELECT ${eventColumns} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
  );
  stream.setReturnArrays(true);
  after.setReturnArrays(true);
  return {
    insert(batch) {
      db.exec('BEGIN IMMEDIATE');
      for (const row of batch) insert.run(...row);
      db.exec('COMMIT');
    },
    readStream: (streamId) => stream.all(streamId),
    readAllAfter(position, limit) {
      let count = 0;
      for (const _row of after.iterate(position, limit)) count += 1;
      return count;
    },
    close: () => db.close(),
  };
}
