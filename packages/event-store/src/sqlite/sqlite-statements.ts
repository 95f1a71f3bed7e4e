/**
 * The prepared statements of the embedded store, prepared once per connection. Event rows come
 * back as arrays in `eventColumns` order (see event-row.ts). Reads are
 * paged (LIMIT) and fetched whole, so no statement keeps a read transaction open while a
 * consumer takes its time: a slow subscriber never pins the write-ahead log.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { eventColumns } from './event-row.ts';

export type SqliteStatements = {
  readonly revisionOfEventId: StatementSync;
  readonly streamRange: StatementSync;
  readonly tail: StatementSync;
  readonly head: StatementSync;
  readonly insert: StatementSync;
  readonly streamForwards: StatementSync;
  readonly streamBackwards: StatementSync;
  readonly allAfter: StatementSync;
  readonly dataVersion: StatementSync;
};

export function prepareStatements(db: DatabaseSync): SqliteStatements {
  const rows = (sql: string) => {
    const statement = db.prepare(sql);
    statement.setReturnArrays(true);
    return statement;
  };
  return {
    revisionOfEventId: db.prepare(
      'SELECT revision FROM events WHERE stream_id = ? AND event_id = ?',
    ),
    streamRange: rows(
      `SELECT ${eventColumns} FROM events WHERE stream_id = ? AND revision >= ? AND revision <= ? ORDER BY revision`,
    ),
    tail: db.prepare(
      'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    head: db.prepare(
      'SELECT position, log_hash, recorded_at FROM events ORDER BY position DESC LIMIT 1',
    ),
    insert: db.prepare(
      `INSERT INTO events (${eventColumns}) VALUES (${eventColumns
        .split(',')
        .map(() => '?')
        .join(', ')})`,
    ),
    streamForwards: rows(
      `SELECT ${eventColumns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    streamBackwards: rows(
      `SELECT ${eventColumns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    allAfter: rows(
      `SELECT ${eventColumns} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ),
    dataVersion: db.prepare('PRAGMA data_version'),
  };
}

export type TailRow = { revision: number; hash: string };
export type HeadRow = { position: number; log_hash: string; recorded_at: string };
