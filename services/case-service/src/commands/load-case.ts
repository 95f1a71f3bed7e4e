/**
 * Loads a case from its stream: every recorded event, the decider's state folded from them,
 * and the stream's revision and position. Served from the store itself, never from a
 * projection: a command or a GET sees everything recorded before it.
 */
import {
  type CaseState,
  caseStateFromHistory,
  caseStreamId,
  initialCaseState,
} from '@casetrail/domain';
import { type EventStore, isStreamNotFoundError, type RecordedEvent } from '@casetrail/event-store';

export type LoadedCase = {
  readonly records: readonly RecordedEvent[];
  readonly state: CaseState;
  /** Revision of the last event; undefined when the stream does not exist. */
  readonly revision: number | undefined;
  readonly position: number | undefined;
};

export async function loadCase(store: EventStore, caseId: string): Promise<LoadedCase> {
  const records: RecordedEvent[] = [];
  try {
    for await (const record of store.readStream(caseStreamId(caseId))) records.push(record);
  } catch (error) {
    if (!isStreamNotFoundError(error)) throw error;
  }
  const last = records.at(-1);
  return {
    records,
    state: records.length === 0 ? initialCaseState : caseStateFromHistory(records),
    revision: last?.revision,
    position: last?.position,
  };
}
