import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UnknownEventTypeError } from '../domain-errors.ts';
import { bodies, caseReportedEvent, event, PERSONAL_MARKERS } from '../testing/case-fixtures.ts';
import { type CaseEventType, caseEventRegistry, caseEventTypes } from './case-event-registry.ts';
import {
  eventHoldsPersonalData,
  mapEventPersonalData,
  personalPaths,
  redactEvent,
} from './event-personal-data.ts';

/** The personal fields DOMAIN.md and the brief name, written out as the test's oracle. */
const expected: Record<CaseEventType, string[]> = {
  CaseReported: [
    '$.person.fullName',
    '$.person.myKadNumber',
    '$.person.passportNumber',
    '$.person.birthDate',
    '$.reporter.name',
    '$.reporter.contact',
    '$.narrative',
  ],
  PersonTracked: ['$.contact', '$.notes'],
  PersonRescued: ['$.notes'],
  PersonRepatriated: ['$.notes'],
  PersonReDeparted: ['$.notes'],
  PersonReclassified: ['$.notes'],
  VictimConfirmed: ['$.notes'],
  ReclassificationReversed: ['$.explanation'],
  PersonProsecuted: [],
  ProsecutionConcluded: ['$.notes'],
  CaseClosed: ['$.notes'],
  CaseReopened: ['$.notes'],
  DuplicateLinked: [],
  DetailsCorrected: [
    '$.changes.fullName',
    '$.changes.myKadNumber',
    '$.changes.passportNumber',
    '$.changes.birthDate',
    '$.changes.reporterName',
    '$.changes.reporterContact',
    '$.changes.narrative',
    '$.explanation',
  ],
  PersonalDataErased: [],
  HandoverOffered: ['$.note'],
  HandoverAccepted: [],
  HandoverRejected: ['$.note'],
  HandoverRevoked: ['$.note'],
};

/** Paths of `personal: true` nodes in a JSON Schema: an independent reading of the marks. */
function markedInJsonSchema(node: unknown, path = '$'): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Record<string, unknown>;
  if (n.personal === true) return [path];
  const props = (n.properties ?? {}) as Record<string, unknown>;
  return [
    ...Object.entries(props).flatMap(([k, v]) => markedInJsonSchema(v, `${path}.${k}`)),
    ...markedInJsonSchema(n.items, `${path}[*]`),
    ...((n.anyOf as unknown[] | undefined) ?? []).flatMap((v) => markedInJsonSchema(v, path)),
  ];
}

describe('personalPaths', () => {
  it.each(caseEventTypes)('%s: derived from the schema marks, as the domain names them', (type) => {
    expect(personalPaths(type)).toEqual(expected[type]);
    const jsonSchema = z.toJSONSchema(caseEventRegistry[type].schema);
    expect(markedInJsonSchema(jsonSchema)).toEqual(expected[type]);
  });

  it('accepts a schema as well as a type, and refuses unknown types', () => {
    expect(personalPaths(caseEventRegistry.PersonTracked.schema)).toEqual(['$.contact', '$.notes']);
    expect(() => mapEventPersonalData({ type: 'Nope', data: {} }, (v) => v)).toThrow(
      UnknownEventTypeError,
    );
  });
});

describe('redactEvent', () => {
  it('drops every personal field and keeps the rest intact', () => {
    const reported = caseReportedEvent();
    expect(redactEvent(reported)).toEqual({
      type: 'CaseReported',
      data: {
        person: { sex: 'male', ageBand: '25-34' },
        reporter: {},
        reportSource: 'family',
        country: 'KH',
        recruitmentChannel: 'social_media',
      },
    });
    const json = JSON.stringify(redactEvent(event('PersonTracked', bodies.tracking)));
    for (const marker of [...PERSONAL_MARKERS, '+855']) expect(json).not.toContain(marker);
    expect(json).toContain('Sihanoukville');
  });

  it('leaves the event it is given untouched', () => {
    const reported = caseReportedEvent();
    redactEvent(reported);
    expect(reported.data.person.fullName).toBe('PII Ahmad bin Abdullah');
  });
});

describe('eventHoldsPersonalData', () => {
  it('is true when a personal value is present, false when absent or null', () => {
    expect(eventHoldsPersonalData(event('PersonTracked', bodies.tracking))).toBe(true);
    expect(eventHoldsPersonalData(event('PersonTracked', { location: { country: 'KH' } }))).toBe(
      false,
    );
    expect(
      eventHoldsPersonalData({
        type: 'PersonTracked',
        data: { location: { country: 'KH' }, notes: null },
      }),
    ).toBe(false);
  });
});
