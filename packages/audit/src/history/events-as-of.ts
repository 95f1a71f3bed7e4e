/**
 * Which of a case's recorded events count "as of" a moment (DOMAIN.md "Time"):
 * - `recorded`: what we knew then: the events the store recorded at or before T;
 * - `occurred`: what had happened by then: the events whose business time is at or before T,
 *   kept in stream order (a late-recorded event about an earlier day counts).
 * A case whose report happened after T did not exist yet, so nothing of it counts (the same
 * rule as the national summary as of T). Pure; never reorders the stream.
 */
import type { RecordedEvent } from '@casetrail/event-store';
import type { AsOf } from '../input/audit-query.ts';

export function eventsAsOf<E extends RecordedEvent>(events: readonly E[], asOf: AsOf): E[] {
  if (asOf.at === null) return [...events];
  const cut = Date.parse(asOf.at);
  const timeOf = (event: E) =>
    Date.parse(asOf.time === 'recorded' ? event.recordedAt : event.metadata.occurredAt);
  const report = events[0];
  if (report === undefined || timeOf(report) > cut) return [];
  return events.filter((event) => timeOf(event) <= cut);
}
