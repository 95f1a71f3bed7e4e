/**
 * The event store's own error classes. Adapters translate vendor failures into these at
 * their edge, so callers never see a SQLite or gRPC error. Messages name streams, ids,
 * revisions and positions only: never event data, which may hold personal data.
 */
import type { ExpectedRevision } from './port.ts';

/** The stream was not at the revision the caller expected: someone else wrote first. */
export class ConcurrencyError extends Error {
  readonly code = 'ConcurrencyConflict' as const;
  override readonly name = 'ConcurrencyError';
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  /** The stream's revision at the time of the attempt; undefined when it did not exist. */
  readonly actual: number | undefined;

  constructor(
    streamId: string,
    expected: ExpectedRevision,
    actual: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `stream ${streamId}: expected revision ${String(expected)}, actual ${actual === undefined ? 'no stream' : actual}`,
      options,
    );
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
}

export class StreamNotFoundError extends Error {
  readonly code = 'StreamNotFound' as const;
  override readonly name = 'StreamNotFoundError';
  readonly streamId: string;

  constructor(streamId: string, options?: { cause?: unknown }) {
    super(`stream ${streamId} does not exist`, options);
    this.streamId = streamId;
  }
}

/** The store cannot be reached or used right now (closed, locked too long, I/O, network). */
export class StoreUnavailableError extends Error {
  readonly code = 'StoreUnavailable' as const;
  override readonly name = 'StoreUnavailableError';
}

/** The caller handed the store something it must not record or cannot read. Nothing was written. */
export class InvalidInputError extends Error {
  readonly code = 'InvalidInput' as const;
  override readonly name = 'InvalidInputError';
  /** One line per problem, each naming the offending field (never its value). */
  readonly problems: readonly string[];

  constructor(problems: readonly string[], options?: { cause?: unknown }) {
    super(`invalid input: ${problems.join('; ')}`, options);
    this.problems = problems;
  }
}

/**
 * Some of the event ids are already in the stream, but not as the same sequence: this is not
 * an idempotent retry, and recording it would duplicate history.
 */
export class EventIdConflictError extends Error {
  readonly code = 'EventIdConflict' as const;
  override readonly name = 'EventIdConflictError';
  readonly streamId: string;
  readonly eventId: string;

  constructor(streamId: string, eventId: string, options?: { cause?: unknown }) {
    super(
      `stream ${streamId}: event ${eventId} is already recorded, but not as part of the same sequence`,
      options,
    );
    this.streamId = streamId;
    this.eventId = eventId;
  }
}

/** A stored event cannot be decoded. Readers refuse it rather than hand on a damaged event. */
export class CorruptEventError extends Error {
  readonly code = 'CorruptEvent' as const;
  override readonly name = 'CorruptEventError';
  readonly position: number;
  readonly streamId: string | undefined;
  readonly revision: number | undefined;

  constructor(
    at: { position: number; streamId?: string | undefined; revision?: number | undefined },
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`stored event at position ${at.position} cannot be decoded: ${reason}`, options);
    this.position = at.position;
    this.streamId = at.streamId;
    this.revision = at.revision;
  }
}

/** A store URL whose scheme is unknown, or known but without an adapter yet (postgres://). */
export class UnsupportedStoreError extends Error {
  readonly code = 'UnsupportedStore' as const;
  override readonly name = 'UnsupportedStoreError';
}

export type EventStoreError =
  | ConcurrencyError
  | StreamNotFoundError
  | StoreUnavailableError
  | InvalidInputError
  | EventIdConflictError
  | CorruptEventError
  | UnsupportedStoreError;

export function isConcurrencyError(error: unknown): error is ConcurrencyError {
  return error instanceof ConcurrencyError;
}

export function isStreamNotFoundError(error: unknown): error is StreamNotFoundError {
  return error instanceof StreamNotFoundError;
}

export function isStoreUnavailableError(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}
