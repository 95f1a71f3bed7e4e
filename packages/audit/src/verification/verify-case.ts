/**
 * The integrity check of one case's stream (GET /v1/cases/{caseId}/verification,
 * `casetrail verify --case ID`): every hash recomputed, every link followed, revisions
 * contiguous from 0. Names the first event that does not hold. Reads only, repairs nothing.
 */
import { caseStreamId } from '@casetrail/domain';
import { type EventStore, isStreamNotFoundError, verifyStream } from '@casetrail/event-store';
import { CaseNotFoundError } from '../errors.ts';
import { type BadEvent, badEventOf } from './bad-event.ts';

export type CaseVerification = {
  readonly caseId: string;
  readonly streamId: string;
  readonly ok: boolean;
  readonly eventsChecked: number;
  /** Revision and hash of the last good event: the stream's head when ok. */
  readonly head: { readonly revision: number; readonly hash: string } | null;
  /** The first event that does not hold, or null. */
  readonly firstBadEvent: BadEvent | null;
  readonly checkedAt: string;
};

export async function verifyCase(
  store: EventStore,
  caseId: string,
  now: () => Date = () => new Date(),
): Promise<CaseVerification> {
  const streamId = caseStreamId(caseId);
  let result: Awaited<ReturnType<typeof verifyStream>>;
  try {
    result = await verifyStream(store, streamId);
  } catch (error) {
    if (isStreamNotFoundError(error)) throw new CaseNotFoundError(caseId, { cause: error });
    throw error;
  }
  if (result.eventsChecked === 0) throw new CaseNotFoundError(caseId);
  return {
    caseId,
    streamId,
    ok: result.ok,
    eventsChecked: result.eventsChecked,
    head: result.head ? { revision: result.head.revision, hash: result.head.hash } : null,
    firstBadEvent: result.problem ? badEventOf(result.problem) : null,
    checkedAt: now().toISOString(),
  };
}
