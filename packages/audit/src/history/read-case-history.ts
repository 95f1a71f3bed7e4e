/**
 * A case's history for auditors (GET /v1/cases/{caseId}/history, `casetrail replay`): every
 * event that counts as of the moment asked, in stream order, with who recorded it, both
 * clocks, revision, position, hashes, its data as the reader may see it, and the case state
 * after it. Reads only; the one write is the access-log entry of a decrypted read.
 */
import type { EventStore, RecordedEvent } from '@casetrail/event-store';
import type { AsOf } from '../input/audit-query.ts';
import { eventsAsOf } from './events-as-of.ts';
import { type CaseHistory, type HistoryEntry, recordedFields } from './history-entry.ts';
import { readCaseStream, recordsErasure } from './read-case-stream.ts';
import { statesAfter } from './states-after.ts';
import { type PersonalDataAccess, type Reader, viewPersonalData } from './view-personal-data.ts';

export type AuditDeps = {
  readonly store: EventStore;
  /** Needed only for readers allowed to see decrypted personal data. */
  readonly personalData?: PersonalDataAccess | undefined;
  readonly now?: () => Date;
};

export type HistoryRequest = {
  readonly caseId: string;
  readonly asOf: AsOf;
  readonly reader: Reader;
};

export async function readCaseHistory(
  deps: AuditDeps,
  request: HistoryRequest,
): Promise<CaseHistory> {
  return caseHistoryOfStream(deps, await readCaseStream(deps.store, request.caseId), request);
}

/** The history of a stream already read (an export reads once and uses it twice). */
export async function caseHistoryOfStream(
  deps: Omit<AuditDeps, 'store'>,
  stream: readonly RecordedEvent[],
  request: HistoryRequest,
): Promise<CaseHistory> {
  const { caseId, asOf, reader } = request;
  const selected = eventsAsOf(stream, asOf);
  const states = statesAfter(selected);
  const viewed = await viewPersonalData({
    caseId,
    events: selected,
    erasedInStream: recordsErasure(stream),
    reader,
    access: deps.personalData,
    now: deps.now ?? (() => new Date()),
  });
  const entries = selected.map(
    (event, index): HistoryEntry => ({
      ...recordedFields(event),
      data: viewed.data[index]!,
      stateAfter: states[index]!,
    }),
  );
  const last = stream[stream.length - 1]!;
  return {
    caseId,
    streamId: last.streamId,
    asOf,
    eventsInStream: stream.length,
    head: { revision: last.revision, hash: last.hash },
    personalData: viewed.view,
    entries,
    state: states[states.length - 1] ?? null,
  };
}
