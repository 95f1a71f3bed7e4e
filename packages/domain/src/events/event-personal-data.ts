import type { z } from 'zod';
import { UnknownEventTypeError } from '../domain-errors.ts';
import {
  holdsPersonalData,
  mapPersonalData,
  type PersonalValueReplacer,
} from '../personal-data/map-personal-data.ts';
import { personalPathsOf } from '../personal-data/personal-paths.ts';
import {
  type CaseEventType,
  caseEventRegistry,
  isCaseEventType,
  type RedactedCaseEvent,
  type StoredCaseEvent,
} from './case-event-registry.ts';

/**
 * Personal data of events, by event type: where it is, how to rewrite it (seal, unseal,
 * erase) and how to drop it for NATS and logs. Everything follows the marks in the schemas.
 */

/**
 * JSON paths (`$.person.fullName`) of the personal fields of an event type, or of any zod
 * schema carrying `personal()` marks.
 */
export function personalPaths(typeOrSchema: CaseEventType | z.core.$ZodType): readonly string[] {
  if (typeof typeOrSchema === 'string') return schemaOf(typeOrSchema).personalPaths;
  return personalPathsOf(typeOrSchema);
}

/**
 * Rebuilds `event` with each present personal value replaced by what `replace` returns
 * (`undefined` drops the field). Used to seal, unseal and erase; non-personal fields are
 * copied as they are.
 */
export function mapEventPersonalData<E extends { type: string; data: unknown }>(
  event: E,
  replace: PersonalValueReplacer,
): E {
  const { schema } = schemaOf(event.type);
  return { ...event, data: mapPersonalData(schema, event.data, replace) };
}

/** The event without any personal field: safe for NATS publication and logs. */
export function redactEvent(event: StoredCaseEvent): RedactedCaseEvent {
  return mapEventPersonalData(event, () => undefined) as RedactedCaseEvent;
}

/** True when the event carries at least one personal value (null counts as none). */
export function eventHoldsPersonalData(event: { type: string; data: unknown }): boolean {
  return holdsPersonalData(schemaOf(event.type).schema, event.data);
}

function schemaOf(type: string) {
  if (!isCaseEventType(type)) throw new UnknownEventTypeError(type);
  return caseEventRegistry[type];
}
