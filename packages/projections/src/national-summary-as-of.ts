/**
 * The national summary "as of" any moment, straight from the log (DOMAIN.md "Time"):
 * - `time: 'recorded'`: what we knew then: events the store recorded at or before T;
 * - `time: 'occurred'`: what had happened by then: events whose business time is at or before
 *   T, folded per case in stream order (a late-recorded event about an earlier day counts).
 * A case whose report falls after the cut does not exist yet, even if a later-recorded event
 * says something happened earlier. `asOf: null` takes the whole log.
 * Pure: the caller hands in the events (any order the store gives is the global order).
 */
import { type CaseState, initialCaseState } from '@casetrail/domain';
import type { RecordedEvent } from '@casetrail/event-store';
import { envelopeOf } from './case-event-envelope.ts';
import { caseFigureKeys } from './case-figures.ts';
import { addKeys } from './counts.ts';
import {
  type NationalSummary,
  nationalSummaryFromCounts,
  type TimeAxis,
} from './national-summary.ts';
import { foldCase } from './project-case.ts';

export type AsOfOptions = {
  /** ISO 8601 date-time (any zone) or null for the whole log. */
  readonly asOf: string | null;
  readonly time: TimeAxis;
};

export class InvalidAsOfError extends Error {
  readonly code = 'InvalidAsOf' as const;
  override readonly name = 'InvalidAsOfError';
  constructor() {
    super('asOf must be an ISO 8601 date-time, e.g. 2024-10-29T23:59:59+08:00');
  }
}

export type NationalTally = {
  add(event: RecordedEvent): void;
  summary(): NationalSummary;
};

/** An accumulator, for callers that stream the log rather than hold it. */
export function createNationalTally({ asOf, time }: AsOfOptions): NationalTally {
  const cut = asOf === null ? Number.POSITIVE_INFINITY : Date.parse(asOf);
  if (Number.isNaN(cut)) throw new InvalidAsOfError();
  const cases = new Map<string, CaseState>();
  let position: number | null = null;
  return {
    add(event) {
      const at = time === 'recorded' ? event.recordedAt : event.metadata.occurredAt;
      if (Date.parse(at) > cut) return;
      const envelope = envelopeOf(event);
      if (envelope === undefined) return;
      const current = cases.get(envelope.caseId) ?? initialCaseState;
      cases.set(envelope.caseId, foldCase(current, envelope, { strict: false }));
      position = Math.max(position ?? 0, event.position);
    },
    summary() {
      const counts = new Map<string, number>();
      for (const state of cases.values()) addKeys(counts, caseFigureKeys(state), 1);
      const normalised = asOf === null ? null : new Date(cut).toISOString();
      return nationalSummaryFromCounts(counts, { asOf: normalised, time, position });
    },
  };
}

export function nationalSummaryAsOf(
  events: Iterable<RecordedEvent>,
  options: AsOfOptions,
): NationalSummary {
  const tally = createNationalTally(options);
  for (const event of events) tally.add(event);
  return tally.summary();
}

export async function nationalSummaryAsOfLog(
  events: AsyncIterable<RecordedEvent>,
  options: AsOfOptions,
): Promise<NationalSummary> {
  const tally = createNationalTally(options);
  for await (const event of events) tally.add(event);
  return tally.summary();
}
