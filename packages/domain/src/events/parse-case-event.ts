import {
  StoredEventInvalidError,
  UnknownEventTypeError,
  UnsupportedSchemaVersionError,
} from '../domain-errors.ts';
import { issuesOf, type ParseResult } from '../input-issues.ts';
import {
  type CaseEvent,
  caseEventRegistry,
  isCaseEventType,
  type StoredCaseEvent,
} from './case-event-registry.ts';

/**
 * The two ways into the event types. Fresh input is parsed strictly, personal fields
 * included. Events read back from a store are upcast to the current schema version and
 * validated with personal fields opaque: they may be sealed envelopes or erased.
 */

/** Strict parse of a fresh event `{ type, data }` against its current full schema. */
export function parseCaseEvent(input: { type: string; data: unknown }): ParseResult<CaseEvent> {
  if (!isCaseEventType(input.type)) {
    return { ok: false, issues: [{ field: 'type', message: `unknown event type` }] };
  }
  const result = caseEventRegistry[input.type].schema.safeParse(input.data);
  if (!result.success) return { ok: false, issues: issuesOf(result.error, 'data') };
  return { ok: true, value: { type: input.type, data: result.data } as CaseEvent };
}

/** What a store hands back (the port's RecordedEvent fits). */
export type StoredEventInput = {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
};

/**
 * Reads an event back from a store: runs the upcasters from its schema version to the
 * current one, then validates the non-personal fields. Throws (these are not expected):
 * UnknownEventTypeError, UnsupportedSchemaVersionError, StoredEventInvalidError.
 */
export function parseStoredEvent(stored: StoredEventInput): StoredCaseEvent {
  if (!isCaseEventType(stored.type)) throw new UnknownEventTypeError(stored.type);
  const definition = caseEventRegistry[stored.type];
  const current = definition.schemaVersion;
  if (!Number.isInteger(stored.schemaVersion) || stored.schemaVersion > current) {
    throw new UnsupportedSchemaVersionError(stored.type, stored.schemaVersion, current);
  }
  let data = stored.data;
  for (let version = stored.schemaVersion; version < current; version++) {
    const upcaster = definition.upcasters.find((u) => u.fromVersion === version);
    if (upcaster === undefined) {
      throw new UnsupportedSchemaVersionError(stored.type, stored.schemaVersion, current);
    }
    const old = upcaster.storedSchema.safeParse(data);
    if (!old.success) {
      throw new StoredEventInvalidError(stored.type, version, issuesOf(old.error, 'data'));
    }
    data = upcaster.upcast(old.data as never);
  }
  const result = definition.storedSchema.safeParse(data);
  if (!result.success) {
    throw new StoredEventInvalidError(stored.type, current, issuesOf(result.error, 'data'));
  }
  return { type: stored.type, data: result.data } as StoredCaseEvent;
}
