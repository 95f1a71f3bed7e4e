/**
 * How a verification names a bad event: where it is (stream, case, revision, position, id)
 * and which rule it breaks, in words that never quote its data.
 */
import { caseIdFromStreamId } from '@casetrail/domain';
import type { VerificationProblem } from '@casetrail/event-store';

export type BadEvent = {
  /** hash-mismatch, broken-link, revision-gap, bad-row, log-chain-broken, anchor-mismatch. */
  readonly failure: string;
  readonly streamId: string | null;
  readonly caseId: string | null;
  readonly revision: number | null;
  readonly position: number | null;
  readonly eventId: string | null;
  readonly detail: string;
};

export function badEventOf(problem: VerificationProblem): BadEvent {
  return {
    failure: problem.failure,
    streamId: problem.streamId ?? null,
    caseId: problem.streamId === undefined ? null : (caseIdFromStreamId(problem.streamId) ?? null),
    revision: problem.revision ?? null,
    position: problem.position ?? null,
    eventId: problem.eventId ?? null,
    detail: problem.detail,
  };
}

/** One line naming the event, e.g. `case 01J… revision 3 (position 17): hash-mismatch: …`. */
export function describeBadEvent(bad: BadEvent): string {
  const where =
    bad.caseId !== null
      ? `case ${bad.caseId}`
      : bad.streamId !== null
        ? `stream ${bad.streamId}`
        : 'the log';
  const revision = bad.revision !== null ? ` revision ${bad.revision}` : '';
  const position = bad.position !== null ? ` (position ${bad.position})` : '';
  const id = bad.eventId !== null ? ` event ${bad.eventId}` : '';
  return `${where}${revision}${position}${id}: ${bad.failure}: ${bad.detail}`;
}
