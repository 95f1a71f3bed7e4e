import { describe, expect, it } from 'vitest';
import {
  StoredEventInvalidError,
  UnknownEventTypeError,
  UnsupportedSchemaVersionError,
} from '../domain-errors.ts';
import { bodies, caseReportedEvent, MYKAD, PERSONAL_MARKERS } from '../testing/case-fixtures.ts';
import { caseEventRegistry } from './case-event-registry.ts';
import { mapEventPersonalData } from './event-personal-data.ts';
import { parseCaseEvent, parseStoredEvent } from './parse-case-event.ts';

describe('parseCaseEvent (fresh input, strict)', () => {
  it('accepts a valid event', () => {
    expect(parseCaseEvent(caseReportedEvent())).toEqual({ ok: true, value: caseReportedEvent() });
  });

  it('names every bad field, never its value', () => {
    const data = {
      ...bodies.reportCase,
      person: { ...bodies.reportCase.person, myKadNumber: `${MYKAD}-9` },
      country: 'Cambodia',
      surprise: 1,
    };
    const result = parseCaseEvent({ type: 'CaseReported', data });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field).sort()).toEqual([
      'data',
      'data.country',
      'data.person.myKadNumber',
    ]);
    const text = JSON.stringify(result.issues);
    for (const marker of [...PERSONAL_MARKERS, 'Cambodia']) expect(text).not.toContain(marker);
  });

  it('requires personal fields in fresh input and refuses unknown types', () => {
    const { fullName: _, ...person } = bodies.reportCase.person;
    const result = parseCaseEvent({ type: 'CaseReported', data: { ...bodies.reportCase, person } });
    expect(result).toMatchObject({ ok: false, issues: [{ field: 'data.person.fullName' }] });
    expect(parseCaseEvent({ type: 'CaseDeleted', data: {} })).toMatchObject({
      ok: false,
      issues: [{ field: 'type' }],
    });
  });
});

describe('parseStoredEvent (read back from a store)', () => {
  const version = caseEventRegistry.CaseReported.schemaVersion;
  const sealed = mapEventPersonalData(caseReportedEvent(), () => ({ v: 1, iv: 'x', ct: 'y' }));

  it('treats personal fields as opaque: sealed envelopes or erased', () => {
    expect(parseStoredEvent({ ...sealed, schemaVersion: version })).toEqual(sealed);
    const erased = mapEventPersonalData(caseReportedEvent(), () => undefined);
    expect(parseStoredEvent({ ...erased, schemaVersion: version })).toEqual(erased);
  });

  it('validates the non-personal fields, naming them and no value', () => {
    const bad = { ...sealed.data, country: 'kh', person: { ...sealed.data.person, sex: 'x' } };
    const attempt = () =>
      parseStoredEvent({ type: 'CaseReported', schemaVersion: version, data: bad });
    expect(attempt).toThrow(StoredEventInvalidError);
    expect(attempt).toThrow(/data\.country.*data\.person\.sex|data\.person\.sex.*data\.country/);
  });

  it('refuses unknown types and versions it cannot read', () => {
    expect(() => parseStoredEvent({ type: 'Nope', schemaVersion: 1, data: {} })).toThrow(
      UnknownEventTypeError,
    );
    for (const schemaVersion of [version + 1, 0, 1.5]) {
      expect(() => parseStoredEvent({ ...sealed, schemaVersion })).toThrow(
        UnsupportedSchemaVersionError,
      );
    }
  });
});
