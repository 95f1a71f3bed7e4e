import { InvalidCaseStreamError } from '../domain-errors.ts';
import { parseStoredEvent, type StoredEventInput } from '../events/parse-case-event.ts';
import { agencySchema } from '../vocabulary/agency.ts';
import { type CaseState, initialCaseState } from './case-state.ts';
import { type EventMeta, evolve } from './evolve.ts';

/**
 * Rebuilds a case's state from its stream as the event store returns it (the port's
 * RecordedEvent fits `StoredEventRecord`): each event is upcast and validated with personal
 * fields opaque, then folded with `evolve`.
 */
export type StoredEventRecord = StoredEventInput & {
  readonly metadata: { readonly occurredAt: string; readonly actor: { readonly agency: string } };
};

/** The `EventMeta` evolve needs, from a recorded event's metadata. */
export function eventMetaOf(record: StoredEventRecord): EventMeta {
  const agency = agencySchema.safeParse(record.metadata.actor.agency);
  if (!agency.success) {
    throw new InvalidCaseStreamError(`${record.type} was recorded by an unknown agency`);
  }
  return { occurredAt: record.metadata.occurredAt, agency: agency.data };
}

export function caseStateFromHistory(records: Iterable<StoredEventRecord>): CaseState {
  let state = initialCaseState;
  for (const record of records) {
    state = evolve(state, parseStoredEvent(record), eventMetaOf(record));
  }
  return state;
}
