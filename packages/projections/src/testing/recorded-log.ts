/**
 * Test support: builds a log of RecordedEvents in memory, as a store would hand them back,
 * with personal fields as sealed-looking placeholders (the projections must ignore them).
 * Event data is checked against the domain's stored-event parse, so a fixture that drifts
 * from a schema fails loudly. Never used outside tests.
 */
import { caseStreamId, parseStoredEvent } from '@casetrail/domain';
import type { RecordedEvent } from '@casetrail/event-store';

export const SEALED = { sealed: 'PII-SEALED-PLACEHOLDER' } as const;

export type Append = {
  readonly occurredAt: string;
  readonly recordedAt?: string;
  readonly agency?: string;
};

export type RecordedLog = {
  readonly events: RecordedEvent[];
  append(caseId: string, type: string, data: Record<string, unknown>, at: Append): RecordedEvent;
};

export function recordedLog(): RecordedLog {
  const events: RecordedEvent[] = [];
  const revisions = new Map<string, number>();
  return {
    events,
    append(caseId, type, data, at) {
      parseStoredEvent({ type, schemaVersion: schemaVersionOf(type), data });
      const streamId = caseStreamId(caseId);
      const revision = (revisions.get(streamId) ?? -1) + 1;
      revisions.set(streamId, revision);
      const position = events.length + 1;
      const recorded: RecordedEvent = {
        id: `01JBK3C45E${String(position).padStart(16, '0')}`,
        type,
        schemaVersion: schemaVersionOf(type),
        data,
        metadata: {
          actor: { agency: at.agency ?? 'pdrm', sub: 'officer-1' },
          correlationId: `correlation-${position}`,
          occurredAt: at.occurredAt,
        },
        streamId,
        revision,
        position,
        recordedAt: at.recordedAt ?? at.occurredAt,
        previousHash: '0'.repeat(64),
        hash: '0'.repeat(64),
      };
      events.push(recorded);
      return recorded;
    },
  };
}

function schemaVersionOf(type: string): number {
  return type === 'CaseReported' ? 2 : 1;
}

/** The data of a CaseReported with placeholders for every personal field. */
export function reportData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    person: { fullName: SEALED, myKadNumber: SEALED, sex: 'male', ageBand: '25-34' },
    reporter: { name: SEALED, contact: SEALED },
    reportSource: 'family',
    country: 'KH',
    recruitmentChannel: 'social_media',
    narrative: SEALED,
    ...overrides,
  };
}

/** A case id (ULID shape) from a small number. */
export function caseIdOf(index: number): string {
  return `01JBK3C45E${String(index).padStart(16, '0')}`;
}
