/**
 * The edge where recorded events enter the projections: a store's RecordedEvent is parsed
 * with the domain's `parseStoredEvent` (upcast to the current schema, non-personal fields
 * validated, personal fields left opaque) and paired with the metadata projections use.
 * Events of streams that are not case streams are not projected (undefined).
 */
import {
  caseIdFromStreamId,
  type EventMeta,
  eventMetaOf,
  parseStoredEvent,
  type StoredCaseEvent,
} from '@casetrail/domain';
import type { RecordedEvent } from '@casetrail/event-store';
import type { LogPosition } from './case-summary.ts';

export type CaseEventEnvelope = LogPosition & {
  readonly caseId: string;
  readonly event: StoredCaseEvent;
  /** Business time and recording agency, as `evolve` takes them. */
  readonly meta: EventMeta;
};

/** Throws the domain's typed errors for an event it cannot read (never naming values). */
export function envelopeOf(recorded: RecordedEvent): CaseEventEnvelope | undefined {
  const caseId = caseIdFromStreamId(recorded.streamId);
  if (caseId === undefined) return undefined;
  return {
    caseId,
    event: parseStoredEvent(recorded),
    meta: eventMetaOf(recorded),
    revision: recorded.revision,
    position: recorded.position,
    recordedAt: recorded.recordedAt,
  };
}
