/**
 * Walks the whole log in global order and keeps, per stream, only what the next link needs.
 * Reports the first bad event of each bad stream and the first break of the log-wide chain,
 * and keeps walking: one damaged case must not hide another. Pure (fed event by event), so the
 * same logic serves `verifyLog` and offline checkers.
 */
import type { CorruptEventError } from '../errors.ts';
import type { RecordedEvent } from '../port.ts';
import {
  checkLogLink,
  checkStreamLink,
  type LogLink,
  type StreamLink,
  VerificationFailure,
  type VerificationProblem,
} from './chain-checks.ts';

export type LogVerification = {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  /** First problem of each bad stream, then (at most one) break of the log-wide chain. */
  readonly problems: readonly VerificationProblem[];
  /** The last event's position and log hash: anchor them elsewhere to detect truncation. */
  readonly head: { readonly position: number; readonly logHash: string | undefined } | undefined;
};

export type LogVerifier = {
  visit(event: RecordedEvent): void;
  visitCorrupt(error: CorruptEventError): void;
  result(): LogVerification;
};

export function createLogVerifier(): LogVerifier {
  const streams = new Map<string, StreamLink | 'failed'>();
  const problems: VerificationProblem[] = [];
  let log: LogLink | undefined;
  let logFailed = false;
  // After an undecodable row the next link cannot be checked; it re-anchors the chain.
  let logResync = false;
  let eventsChecked = 0;

  return {
    visit(event) {
      eventsChecked += 1;
      if (!logFailed && !logResync) {
        const broken = checkLogLink(log, event);
        if (broken) {
          problems.push(broken);
          logFailed = true;
        }
      }
      logResync = false;
      log = { position: event.position, logHash: event.logHash };
      const previous = streams.get(event.streamId);
      if (previous === 'failed') return;
      const broken = checkStreamLink(previous, event);
      if (broken) {
        problems.push(broken);
        streams.set(event.streamId, 'failed');
      } else {
        streams.set(event.streamId, { revision: event.revision, hash: event.hash });
      }
    },

    visitCorrupt(error) {
      eventsChecked += 1;
      logResync = true;
      log = { position: error.position, logHash: undefined };
      if (error.streamId !== undefined && streams.get(error.streamId) === 'failed') return;
      problems.push({
        failure: VerificationFailure.badRow,
        streamId: error.streamId,
        revision: error.revision,
        position: error.position,
        eventId: undefined,
        detail: error.message,
      });
      if (error.streamId !== undefined) streams.set(error.streamId, 'failed');
    },

    result() {
      return {
        ok: problems.length === 0,
        eventsChecked,
        streamsChecked: streams.size,
        problems: [...problems],
        head: log === undefined ? undefined : { position: log.position, logHash: log.logHash },
      };
    },
  };
}
