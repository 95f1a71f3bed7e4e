/**
 * Verifies one stream (one case) through the port: revisions contiguous from 0, every hash
 * recomputes, every link points at its predecessor. Names the first event that does not hold.
 * Throws StreamNotFoundError for an unknown stream. Reads only.
 */
import { CorruptEventError } from '../errors.ts';
import type { EventStore } from '../port.ts';
import {
  checkStreamLink,
  type StreamLink,
  VerificationFailure,
  type VerificationProblem,
} from './chain-checks.ts';

export type StreamVerification = {
  readonly streamId: string;
  readonly ok: boolean;
  readonly eventsChecked: number;
  /** The first event whose hash, link or revision does not hold. */
  readonly problem: VerificationProblem | undefined;
  /** The last good link: revision and hash of the stream's head when ok. */
  readonly head: StreamLink | undefined;
};

export async function verifyStream(
  store: EventStore,
  streamId: string,
): Promise<StreamVerification> {
  let head: StreamLink | undefined;
  let eventsChecked = 0;
  const done = (problem?: VerificationProblem): StreamVerification => ({
    streamId,
    ok: problem === undefined,
    eventsChecked,
    problem,
    head,
  });
  try {
    for await (const event of store.readStream(streamId)) {
      eventsChecked += 1;
      const problem = checkStreamLink(head, event);
      if (problem) return done(problem);
      head = { revision: event.revision, hash: event.hash };
    }
  } catch (error) {
    if (!(error instanceof CorruptEventError)) throw error;
    return done({
      failure: VerificationFailure.badRow,
      streamId,
      revision: error.revision,
      position: error.position,
      eventId: undefined,
      detail: error.message,
    });
  }
  return done();
}
