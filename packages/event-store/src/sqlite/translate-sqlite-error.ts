/**
 * The SQLite adapter's edge for failures: node:sqlite errors become the port's typed errors.
 * Errors that are already the port's own pass through unchanged. Never copies row content
 * into a message.
 */
import {
  ConcurrencyError,
  CorruptEventError,
  EventIdConflictError,
  InvalidInputError,
  StoreUnavailableError,
  StreamNotFoundError,
} from '../errors.ts';

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CONSTRAINT_UNIQUE = 2067;

type SqliteError = Error & { code: 'ERR_SQLITE_ERROR'; errcode: number; errstr: string };

function isSqliteError(error: unknown): error is SqliteError {
  return error instanceof Error && (error as { code?: unknown }).code === 'ERR_SQLITE_ERROR';
}

function isPortError(error: unknown): boolean {
  return (
    error instanceof ConcurrencyError ||
    error instanceof StreamNotFoundError ||
    error instanceof StoreUnavailableError ||
    error instanceof InvalidInputError ||
    error instanceof EventIdConflictError ||
    error instanceof CorruptEventError
  );
}

/** A later event id of an append is already in the stream (the store names which one). */
export function isDuplicateEventId(error: unknown): boolean {
  return (
    isSqliteError(error) &&
    error.errcode === SQLITE_CONSTRAINT_UNIQUE &&
    error.message.includes('events.event_id')
  );
}

export function translateSqliteError(error: unknown): unknown {
  if (isPortError(error)) return error;
  if (!isSqliteError(error)) return error;
  const primary = error.errcode & 0xff;
  if (primary === SQLITE_BUSY || primary === SQLITE_LOCKED) {
    return new StoreUnavailableError('event store is locked by another writer; nothing written', {
      cause: error,
    });
  }
  return new StoreUnavailableError(`event store failed (${error.errstr})`, { cause: error });
}
