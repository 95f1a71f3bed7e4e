/**
 * The case state after each event: the domain's own fold (parseStoredEvent, which upcasts and
 * leaves personal fields opaque, then evolve), summarised without personal data. Pure; used
 * by the history, by exports, and by the offline check of an export, so all three agree.
 */
import {
  type CaseState,
  type CaseSummary,
  eventMetaOf,
  evolve,
  initialCaseState,
  parseStoredEvent,
  type StoredEventRecord,
  summarizeCase,
} from '@casetrail/domain';

export function statesAfter(events: readonly StoredEventRecord[]): CaseSummary[] {
  const summaries: CaseSummary[] = [];
  let state: CaseState = initialCaseState;
  for (const event of events) {
    state = evolve(state, parseStoredEvent(event), eventMetaOf(event));
    // evolve refuses anything before CaseReported, so the state is a reported case here.
    if (state.status === 'unreported') throw new Error('unreachable: unreported after evolve');
    summaries.push(summarizeCase(state));
  }
  return summaries;
}
