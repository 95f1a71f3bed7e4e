import type { z } from 'zod';
import type { Redacted, Sealed } from '../personal-data/personal.ts';
import {
  caseClosed,
  caseReopened,
  detailsCorrected,
  duplicateLinked,
  personalDataErased,
} from './administration-events.ts';
import { caseReported } from './case-reported.ts';
import {
  personReclassified,
  reclassificationReversed,
  victimConfirmed,
} from './classification-events.ts';
import {
  handoverAccepted,
  handoverOffered,
  handoverRejected,
  handoverRevoked,
} from './handover-events.ts';
import { personProsecuted, prosecutionConcluded } from './legal-events.ts';
import {
  personReDeparted,
  personRepatriated,
  personRescued,
  personTracked,
} from './whereabouts-events.ts';

/**
 * Every case event: type name -> { schemaVersion, schema, storedSchema, personalPaths, ... }.
 * An event is a plain `{ type, data }`; its schema version is the registry's, and its times
 * (business and store) live in the store's metadata, never in the data.
 */
export const caseEventRegistry = {
  CaseReported: caseReported,
  PersonTracked: personTracked,
  PersonRescued: personRescued,
  PersonRepatriated: personRepatriated,
  PersonReDeparted: personReDeparted,
  PersonReclassified: personReclassified,
  VictimConfirmed: victimConfirmed,
  ReclassificationReversed: reclassificationReversed,
  PersonProsecuted: personProsecuted,
  ProsecutionConcluded: prosecutionConcluded,
  CaseClosed: caseClosed,
  CaseReopened: caseReopened,
  DuplicateLinked: duplicateLinked,
  DetailsCorrected: detailsCorrected,
  PersonalDataErased: personalDataErased,
  HandoverOffered: handoverOffered,
  HandoverAccepted: handoverAccepted,
  HandoverRejected: handoverRejected,
  HandoverRevoked: handoverRevoked,
} as const;

type Registry = typeof caseEventRegistry;
export type CaseEventType = keyof Registry;

/** Every event type name, in registry order. */
export const caseEventTypes = Object.keys(caseEventRegistry) as CaseEventType[];

export function isCaseEventType(type: string): type is CaseEventType {
  return Object.hasOwn(caseEventRegistry, type);
}

/** The data of a fresh event of type `K`, personal fields included. */
export type CaseEventData<K extends CaseEventType> = z.output<Registry[K]['schema']>;

/** A fresh event, as `decide` produces it (personal fields in the clear). */
export type CaseEvent = {
  [K in CaseEventType]: { type: K; data: CaseEventData<K> };
}[CaseEventType];

/**
 * An event read back from a store: personal fields opaque (sealed envelope) or absent
 * (erased). `evolve` and the projections need nothing more. A `CaseEvent` is one too.
 */
export type StoredCaseEvent = {
  [K in CaseEventType]: { type: K; data: Sealed<CaseEventData<K>> };
}[CaseEventType];

/** An event with every personal field removed: what NATS and logs may carry. */
export type RedactedCaseEvent = {
  [K in CaseEventType]: { type: K; data: Redacted<CaseEventData<K>> };
}[CaseEventType];

/** The event of type `K` within one of the unions above. */
export type EventOfType<E extends { type: CaseEventType }, K extends CaseEventType> = Extract<
  E,
  { type: K }
>;
