import {
  StreamNotFoundError as KurrentStreamNotFound,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { ConcurrencyError, StoreUnavailableError, StreamNotFoundError } from '../errors.ts';
import { isWrongExpectedVersion, translateKurrentError } from './translate-kurrent-error.ts';

describe('translateKurrentError', () => {
  it('turns a wrong expected version into the port conflict with the actual revision', () => {
    const vendor = new WrongExpectedVersionError(undefined, {
      streamName: 'case-1',
      expected: 2n,
      current: 5n,
    });
    expect(isWrongExpectedVersion(vendor)).toBe(true);
    const error = translateKurrentError(vendor, { streamId: 'case-1', expected: 2 });
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 'case-1', expected: 2, actual: 5 });
  });

  it('turns stream-not-found and unavailability into the port errors', () => {
    expect(
      translateKurrentError(new KurrentStreamNotFound(undefined, 'case-1'), { streamId: 'case-1' }),
    ).toBeInstanceOf(StreamNotFoundError);
    expect(translateKurrentError(new UnavailableError())).toBeInstanceOf(StoreUnavailableError);
    expect(translateKurrentError(new Error('socket hang up'))).toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it('lets the port errors through unchanged', () => {
    const own = new ConcurrencyError('case-1', 0, 1);
    expect(translateKurrentError(own)).toBe(own);
  });
});
