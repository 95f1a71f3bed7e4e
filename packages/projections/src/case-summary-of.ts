/**
 * The case summary of one case straight from its stream, for callers that read a case on
 * demand (the case service's GET /v1/cases/{id}): the same fold, so the same shape as the
 * projector's read model and the documents published over NATS.
 */
import { type CaseState, initialCaseState } from '@casetrail/domain';
import type { RecordedEvent } from '@casetrail/event-store';
import { envelopeOf } from './case-event-envelope.ts';
import { type CaseSummaryDocument, caseSummaryDocument, type LogPosition } from './case-summary.ts';
import { foldCase } from './project-case.ts';

export function caseSummaryOf(events: Iterable<RecordedEvent>): CaseSummaryDocument | undefined {
  let state: CaseState = initialCaseState;
  let caseId: string | undefined;
  let at: LogPosition | undefined;
  for (const event of events) {
    const envelope = envelopeOf(event);
    if (envelope === undefined) continue;
    state = foldCase(state, envelope);
    caseId = envelope.caseId;
    at = envelope;
  }
  if (state.status === 'unreported' || caseId === undefined || at === undefined) return undefined;
  return caseSummaryDocument(caseId, state, at);
}
