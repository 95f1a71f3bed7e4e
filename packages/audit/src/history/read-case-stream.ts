/**
 * Reads one case's whole stream from the event store, in revision order. A case stream is
 * one person's events: small enough to hold. An unknown case is CaseNotFoundError.
 */
import { caseStreamId } from '@casetrail/domain';
import { type EventStore, isStreamNotFoundError, type RecordedEvent } from '@casetrail/event-store';
import { CaseNotFoundError } from '../errors.ts';

export async function readCaseStream(store: EventStore, caseId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readStream(caseStreamId(caseId))) events.push(event);
  } catch (error) {
    if (isStreamNotFoundError(error)) throw new CaseNotFoundError(caseId, { cause: error });
    throw error;
  }
  if (events.length === 0) throw new CaseNotFoundError(caseId);
  return events;
}

/** True when the stream records the erasure of the person's personal data. */
export function recordsErasure(events: readonly { readonly type: string }[]): boolean {
  return events.some((event) => event.type === 'PersonalDataErased');
}
