import type { DecisionContext } from '../case-lifecycle/decision-context.ts';
import type { CaseCommandOf, CaseCommandType } from '../commands/case-command-registry.ts';
import { parseCommand } from '../commands/parse-command.ts';
import type { CaseEvent, CaseEventType, EventOfType } from '../events/case-event-registry.ts';
import { parseCaseEvent } from '../events/parse-case-event.ts';

/**
 * Test fixtures: valid commands and events built THROUGH the schemas (so a fixture that
 * drifts from a schema fails loudly), fixed ids and times. Personal values carry the marker
 * `PII` or are the fixed id numbers below, so leak checks can search for them.
 */
export const CASE_ID = '01JBK3C45E0000000000000001';
export const OTHER_CASE_ID = '01JBK3C45E0000000000000002';
export const THIRD_CASE_ID = '01JBK3C45E0000000000000003';
export const HANDOVER_ID = '01JBK3C45EH000000000000001';
export const REPORTED_AT = '2024-10-01T00:00:00.000Z';
export const NOW = '2024-10-29T08:00:00.000Z';
export const MYKAD = '900101-14-5678';
export const PASSPORT = 'A12345678';

export const PERSONAL_MARKERS: readonly string[] = [
  'PII',
  MYKAD,
  PASSPORT,
  '1990-01-01',
  '+60 12-345 6789',
];

export const bodies = {
  reportCase: {
    person: {
      fullName: 'PII Ahmad bin Abdullah',
      myKadNumber: MYKAD,
      passportNumber: PASSPORT,
      birthDate: '1990-01-01',
      sex: 'male',
    },
    reporter: { name: 'PII Siti binti Ahmad', contact: { phone: '+60 12-345 6789' } },
    reportSource: 'family',
    country: 'KH',
    recruitmentChannel: 'social_media',
    narrative: 'PII took a job offer seen on social media',
  },
  tracking: {
    location: { country: 'KH', locality: 'Sihanoukville' },
    contact: { phone: '+855 12 345 678' },
    tracedVia: 'family',
    notes: 'PII called his sister',
  },
  rescue: { country: 'KH', rescuedBy: 'foreign_authority', awaitingReturnAt: 'immigration_depot' },
  repatriation: { route: 'via_rescue', fromCountry: 'KH' },
  selfReturn: { route: 'self_return', fromCountry: 'TH' },
  reclassify: { role: 'operator', basis: 'investigation', notes: 'PII recruited others' },
  confirmVictim: { basis: 'protection_order' },
  reverse: { reasons: ['forced_criminality'], explanation: 'PII was forced to scam' },
  prosecution: {
    act: 'atipsom_2007',
    sections: ['13'],
    court: 'Sessions Court Kuala Lumpur',
    courtReference: 'WA-62R-123-10/2024',
  },
  immuneProsecution: {
    act: 'immigration_act_1959_63',
    sections: ['6(1)(c)'],
    court: 'Magistrates Court Bukit Mertajam',
    courtReference: 'BM-83-45-10/2024',
  },
  outcome: { outcome: 'convicted' },
  close: { reason: 'unfounded' },
  reopen: { reason: 'new_information' },
  link: { duplicateOf: OTHER_CASE_ID },
  correct: { changes: { fullName: 'PII Ahmad bin Abdullah Jr' }, reason: 'data_entry_error' },
  reDeparture: { destinationCountry: 'MM' },
  erase: { basis: 'data_subject_request', requestReference: 'DPO-2024-17' },
  offer: { toAgency: 'wisma-putra', reason: 'repatriation' },
  accept: {},
  reject: { reason: 'no_capacity' },
  revoke: {},
} as const;

/** A command parsed through its schema; throws with the issues if the fixture is invalid. */
export function command<K extends CaseCommandType>(
  type: K,
  body: unknown,
  params?: Record<string, string>,
): CaseCommandOf<K> {
  const result = parseCommand(type, body, params);
  if (!result.ok) throw new Error(`invalid ${type} fixture: ${JSON.stringify(result.issues)}`);
  return result.value as CaseCommandOf<K>;
}

/** An event parsed through its strict schema; throws if the fixture is invalid. */
export function event<K extends CaseEventType>(type: K, data: unknown): EventOfType<CaseEvent, K> {
  const result = parseCaseEvent({ type, data });
  if (!result.ok) throw new Error(`invalid ${type} fixture: ${JSON.stringify(result.issues)}`);
  return result.value as EventOfType<CaseEvent, K>;
}

export function context(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return { now: NOW, actor: { agency: 'pdrm', sub: 'officer-7' }, caseId: CASE_ID, ...overrides };
}

/** The CaseReported event `bodies.reportCase` leads to (age band derived from birth date). */
export function caseReportedEvent(): EventOfType<CaseEvent, 'CaseReported'> {
  const { person, ...rest } = bodies.reportCase;
  return event('CaseReported', { ...rest, person: { ...person, ageBand: '25-34' } });
}
