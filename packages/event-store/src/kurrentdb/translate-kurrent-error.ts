/**
 * The KurrentDB adapter's edge for failures: the official client's errors become the port's
 * typed errors. Never lets a vendor error class escape the adapter.
 */
import { ErrorType, isCommandError } from '@kurrent/kurrentdb-client';
import {
  ConcurrencyError,
  CorruptEventError,
  EventIdConflictError,
  InvalidInputError,
  StoreUnavailableError,
  StreamNotFoundError,
} from '../errors.ts';
import type { ExpectedRevision } from '../port.ts';

export function isWrongExpectedVersion(error: unknown): boolean {
  return (
    error instanceof Error &&
    isCommandError(error) &&
    error.type === ErrorType.WRONG_EXPECTED_VERSION
  );
}

export function isVendorStreamNotFound(error: unknown): boolean {
  return (
    error instanceof Error &&
    isCommandError(error) &&
    (error.type === ErrorType.STREAM_NOT_FOUND || error.type === ErrorType.NO_STREAM)
  );
}

export function translateKurrentError(
  error: unknown,
  context: { readonly streamId?: string; readonly expected?: ExpectedRevision } = {},
): unknown {
  if (
    error instanceof ConcurrencyError ||
    error instanceof StreamNotFoundError ||
    error instanceof StoreUnavailableError ||
    error instanceof InvalidInputError ||
    error instanceof EventIdConflictError ||
    error instanceof CorruptEventError
  ) {
    return error;
  }
  if (!(error instanceof Error) || !isCommandError(error)) {
    return new StoreUnavailableError('KurrentDB request failed', { cause: error });
  }
  const { streamId } = context;
  if (error.type === ErrorType.WRONG_EXPECTED_VERSION && streamId !== undefined) {
    const actual = error.actualState;
    return new ConcurrencyError(
      streamId,
      context.expected ?? 'any',
      typeof actual === 'bigint' ? Number(actual) : undefined,
      { cause: error },
    );
  }
  if (
    (error.type === ErrorType.STREAM_NOT_FOUND ||
      error.type === ErrorType.NO_STREAM ||
      error.type === ErrorType.STREAM_DELETED ||
      error.type === ErrorType.STREAM_TOMBSTONED) &&
    streamId !== undefined
  ) {
    return new StreamNotFoundError(streamId, { cause: error });
  }
  return new StoreUnavailableError(`KurrentDB request failed (${error.type})`, { cause: error });
}
