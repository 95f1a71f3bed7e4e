/**
 * One line of a case's history as auditors read it: the event as recorded (type, who, both
 * clocks, revision, position, hashes), its data as the reader may see it, and the case state
 * after it. The state is the domain's summary of CaseState, which holds no personal data.
 */
import type { CaseSummary } from '@casetrail/domain';
import type { RecordedEvent } from '@casetrail/event-store';
import type { AsOf } from '../input/audit-query.ts';

/** How personal fields appear in `data`: decrypted, `{ $masked: true }` or `{ $erased: true }`. */
export const PersonalDataView = { OPEN: 'open', MASKED: 'masked', ERASED: 'erased' } as const;
export type PersonalDataView = (typeof PersonalDataView)[keyof typeof PersonalDataView];

export type HistoryEntry = {
  readonly revision: number;
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** Who recorded it: the agency and the user (`sub`) of the token. */
  readonly recordedBy: { readonly agency: string; readonly sub: string };
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Business time: when it happened, as the agency said. */
  readonly occurredAt: string;
  /** Store time: when the store recorded it. */
  readonly recordedAt: string;
  readonly previousHash: string;
  readonly hash: string;
  /** The event's data as stored, with personal fields shown per `CaseHistory.personalData`. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The case after this event (and the ones before it that count as of the moment asked). */
  readonly stateAfter: CaseSummary;
};

/** The part of a history entry that restates the event as recorded. */
export type RecordedFields = Omit<HistoryEntry, 'data' | 'stateAfter'>;

/** The event as recorded, in the history entry's shape (history and export check share it). */
export function recordedFields(event: RecordedEvent): RecordedFields {
  return {
    revision: event.revision,
    position: event.position,
    eventId: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    recordedBy: { agency: event.metadata.actor.agency, sub: event.metadata.actor.sub },
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId ?? null,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    previousHash: event.previousHash,
    hash: event.hash,
  };
}

export type CaseHistory = {
  readonly caseId: string;
  readonly streamId: string;
  readonly asOf: AsOf;
  /** Events in the stream now, whether or not they count as of the moment asked. */
  readonly eventsInStream: number;
  /** The stream's head now: anchor for an export or a later verification. */
  readonly head: { readonly revision: number; readonly hash: string };
  readonly personalData: PersonalDataView;
  readonly entries: readonly HistoryEntry[];
  /** The case as of the moment asked; null when it did not exist yet. */
  readonly state: CaseSummary | null;
};
