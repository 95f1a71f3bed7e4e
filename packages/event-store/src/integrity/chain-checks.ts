/**
 * The rules a verifier applies to each event, one link at a time. Pure: they see the event and
 * what the verifier remembers about its predecessor, nothing else. They report the first rule
 * broken, never the event's data (it may be personal).
 */
import type { RecordedEvent } from '../port.ts';
import { GENESIS_HASH, hashEvent, hashLogLink } from './hash-chain.ts';

export const VerificationFailure = {
  /** The stored hash is not the hash of the stored fields: a field was changed. */
  hashMismatch: 'hash-mismatch',
  /** previousHash is not the hash of the stream's previous event: a predecessor was changed. */
  brokenLink: 'broken-link',
  /** Revisions do not run 0, 1, 2, … in the stream: an event was removed, added or moved. */
  revisionGap: 'revision-gap',
  /** The stored event cannot be decoded at all. */
  badRow: 'bad-row',
  /** The log-wide chain does not hold: global order was changed, or rows removed or added. */
  logChainBroken: 'log-chain-broken',
} as const;
export type VerificationFailure = (typeof VerificationFailure)[keyof typeof VerificationFailure];

export type VerificationProblem = {
  readonly failure: VerificationFailure;
  readonly streamId: string | undefined;
  readonly revision: number | undefined;
  readonly position: number | undefined;
  readonly eventId: string | undefined;
  /** What does not hold, in words; names revisions and positions, never data. */
  readonly detail: string;
};

export type StreamLink = { readonly revision: number; readonly hash: string };
export type LogLink = { readonly position: number; readonly logHash: string | undefined };

function problem(
  event: RecordedEvent,
  failure: VerificationFailure,
  detail: string,
): VerificationProblem {
  return {
    failure,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    eventId: event.id,
    detail,
  };
}

export function checkStreamLink(
  previous: StreamLink | undefined,
  event: RecordedEvent,
): VerificationProblem | undefined {
  const expectedRevision = previous === undefined ? 0 : previous.revision + 1;
  if (event.revision !== expectedRevision) {
    return problem(
      event,
      VerificationFailure.revisionGap,
      `expected revision ${expectedRevision}, found ${event.revision}`,
    );
  }
  let recomputed: string;
  try {
    recomputed = hashEvent(event);
  } catch {
    return problem(event, VerificationFailure.badRow, 'fields cannot be canonically encoded');
  }
  if (recomputed !== event.hash) {
    return problem(
      event,
      VerificationFailure.hashMismatch,
      'stored hash does not match its fields',
    );
  }
  const expectedPrevious = previous?.hash ?? GENESIS_HASH;
  if (event.previousHash !== expectedPrevious) {
    return problem(
      event,
      VerificationFailure.brokenLink,
      previous === undefined
        ? 'first event does not start from the genesis hash'
        : `previousHash is not the hash of revision ${previous.revision}`,
    );
  }
  return undefined;
}

/** The log-wide chain; events without a logHash (KurrentDB) are checked for order only. */
export function checkLogLink(
  previous: LogLink | undefined,
  event: RecordedEvent,
): VerificationProblem | undefined {
  if (previous !== undefined && event.position <= previous.position) {
    return problem(
      event,
      VerificationFailure.logChainBroken,
      `position ${event.position} does not follow position ${previous.position}`,
    );
  }
  if (event.logHash === undefined) {
    if (previous?.logHash !== undefined) {
      return problem(event, VerificationFailure.logChainBroken, 'log chain link missing');
    }
    return undefined;
  }
  const expected = hashLogLink({
    position: event.position,
    hash: event.hash,
    previousLogHash: previous?.logHash ?? GENESIS_HASH,
  });
  if (expected !== event.logHash) {
    return problem(
      event,
      VerificationFailure.logChainBroken,
      previous === undefined
        ? `log chain does not start from the genesis hash at position ${event.position}`
        : `log chain does not link position ${event.position} to position ${previous.position}`,
    );
  }
  return undefined;
}
