/**
 * The case projection: the domain's `evolve` over recorded events. The case summary document
 * is `caseSummaryDocument(caseId, state, position of the last event folded)`; the projector
 * keeps the state and that position, and builds the document when it is read or published.
 *
 * `strict` (the projector): a stream that does not make a case (an event before its report)
 * throws, as the log is then not what the domain recorded. Lenient (an "as of" cut): events
 * of a case whose report falls after the cut are skipped (the same state comes back); the
 * case does not exist yet.
 */
import { type CaseState, evolve } from '@casetrail/domain';
import type { CaseEventEnvelope } from './case-event-envelope.ts';

export function foldCase(
  state: CaseState,
  envelope: CaseEventEnvelope,
  { strict }: { readonly strict: boolean } = { strict: true },
): CaseState {
  if (!strict && state.status === 'unreported' && envelope.event.type !== 'CaseReported') {
    return state;
  }
  return evolve(state, envelope.event, envelope.meta);
}
