/**
 * The embedded event store (the default): one SQLite file through Node's built-in
 * `node:sqlite`, WAL mode, `synchronous=FULL` (see sqlite-schema.ts for what that guarantees).
 * Implements the port and nothing more; it must never hand out an event that fails to decode,
 * and never acknowledge an append before it is durable.
 *
 * node:sqlite is synchronous: an append runs start to finish without yielding, which makes it
 * atomic within this process; BEGIN IMMEDIATE makes it atomic against other processes.
 */

import { StoreUnavailableError, StreamNotFoundError } from '../errors.ts';
import { parseAppend } from '../input/parse-append.ts';
import {
  parseReadAll,
  parseReadStream,
  parseStreamId,
  parseSubscribe,
} from '../input/parse-read-options.ts';
import type { EventStore } from '../port.ts';
import { localChangeFeed, waitForChange } from './change-feed.ts';
import { decodeEventRow } from './event-row.ts';
import { appendInTransaction } from './sqlite-append.ts';
import { openDatabase } from './sqlite-schema.ts';
import { type HeadRow, prepareStatements, type TailRow } from './sqlite-statements.ts';
import { syncPages } from './sync-pages.ts';
import { translateSqliteError } from './translate-sqlite-error.ts';

export type SqliteEventStoreOptions = {
  /** The database file; its directory is created when missing. */
  readonly path: string;
  /** How long a writer waits for another process's write lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** Store clock (for tests); defaults to the system clock. */
  readonly now?: () => Date;
};

export type SqliteEventStore = EventStore & { readonly path: string };

const pageSize = 500;

export async function openSqliteEventStore(
  options: SqliteEventStoreOptions,
): Promise<SqliteEventStore> {
  const { path, busyTimeoutMs = 5_000, now = () => new Date() } = options;
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase({ path, busyTimeoutMs });
  } catch (error) {
    throw new StoreUnavailableError(`cannot open the event store file ${path}`, { cause: error });
  }
  const statements = prepareStatements(db);
  const feed = localChangeFeed(path);
  const closing = new AbortController();

  const guard = <T>(work: () => T): T => {
    if (closing.signal.aborted) throw new StoreUnavailableError('event store is closed');
    try {
      return work();
    } catch (error) {
      throw translateSqliteError(error);
    }
  };
  const tailOf = (streamId: string) => statements.tail.get(streamId) as TailRow | undefined;

  return {
    path,
    async append(streamId, events, options) {
      const append = parseAppend(streamId, events, options);
      const result = guard(() => appendInTransaction(db, statements, append, now));
      feed.notify();
      return result;
    },

    readStream(streamId, options) {
      return syncPages(function* () {
        const read = parseReadStream(streamId, options);
        const backwards = read.direction === 'backwards';
        const statement = backwards ? statements.streamBackwards : statements.streamForwards;
        let next = read.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
        let remaining = read.maxCount ?? Number.POSITIVE_INFINITY;
        let first = true;
        while (remaining > 0) {
          const limit = Math.min(pageSize, remaining);
          const rows = guard(() => statement.all(read.streamId, next, limit));
          // An empty first page is either an empty range or no stream at all: only then ask.
          if (first && rows.length === 0 && !guard(() => tailOf(read.streamId))) {
            throw new StreamNotFoundError(read.streamId);
          }
          first = false;
          // Decoded one by one: the events before an undecodable row are still delivered.
          for (const row of rows) {
            const event = decodeEventRow(row);
            yield event;
            next = event.revision + (backwards ? -1 : 1);
          }
          remaining -= rows.length;
          if (rows.length < limit || next < 0) return;
        }
      });
    },

    readAll(options) {
      return syncPages(function* () {
        const read = parseReadAll(options);
        let after = read.afterPosition ?? 0;
        let remaining = read.maxCount ?? Number.POSITIVE_INFINITY;
        while (remaining > 0) {
          const limit = Math.min(pageSize, remaining);
          const rows = guard(() => statements.allAfter.all(after, limit));
          for (const row of rows) {
            const event = decodeEventRow(row);
            yield event;
            after = event.position;
          }
          remaining -= rows.length;
          if (rows.length < limit) return;
        }
      });
    },

    async *subscribeToAll(options) {
      const subscribe = parseSubscribe(options);
      const signal = subscribe.signal
        ? AbortSignal.any([subscribe.signal, closing.signal])
        : closing.signal;
      const dataVersion = () =>
        (statements.dataVersion.get() as { data_version: number }).data_version;
      let after = subscribe.afterPosition ?? 0;
      while (!signal.aborted) {
        // Observe the change markers BEFORE reading, so a commit after the read wakes us.
        const sinceSequence = feed.sequence;
        const sinceDataVersion = guard(dataVersion);
        const rows = guard(() => statements.allAfter.all(after, pageSize));
        for (const row of rows) {
          if (signal.aborted) return;
          const event = decodeEventRow(row);
          yield event;
          after = event.position;
        }
        if (rows.length === pageSize) continue;
        await waitForChange({ feed, sinceSequence, dataVersion, sinceDataVersion, signal });
      }
    },

    async streamRevision(streamId) {
      const id = parseStreamId(streamId);
      return guard(() => tailOf(id))?.revision;
    },

    async headPosition() {
      return guard(() => statements.head.get() as HeadRow | undefined)?.position;
    },

    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      db.close();
    },
  };
}
