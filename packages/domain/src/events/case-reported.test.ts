import { describe, expect, it } from 'vitest';
import { StoredEventInvalidError } from '../domain-errors.ts';
import { caseReportedEvent } from '../testing/case-fixtures.ts';
import { caseReported } from './case-reported.ts';
import { mapEventPersonalData } from './event-personal-data.ts';
import { parseStoredEvent } from './parse-case-event.ts';

/** CaseReported v1 spelled the source in legacy capitals and the country in lower case. */
describe('CaseReported upcasting v1 -> v2', () => {
  const sealed = mapEventPersonalData(caseReportedEvent(), (_, path) => ({ $sealed: path })).data;
  const { reportSource: _, country: __, ...common } = sealed;

  it('is the current version 2, with one upcaster from 1', () => {
    expect(caseReported.schemaVersion).toBe(2);
    expect(caseReported.upcasters.map((u) => u.fromVersion)).toEqual([1]);
  });

  it.each([
    ['FAMILY', 'family'],
    ['MP_OFFICE', 'mp_service_centre'],
    ['NGO', 'ngo'],
  ])('reads source %s as reportSource %s and upper-cases the country', (source, reportSource) => {
    const v1 = { ...common, source, country: 'kh' };
    const read = parseStoredEvent({ type: 'CaseReported', schemaVersion: 1, data: v1 });
    expect(read).toEqual({
      type: 'CaseReported',
      data: { ...common, reportSource, country: 'KH' },
    });
  });

  it('moves personal fields untouched (sealed envelopes keep their paths)', () => {
    const read = parseStoredEvent({
      type: 'CaseReported',
      schemaVersion: 1,
      data: { ...common, source: 'SELF', country: 'mm' },
    });
    expect(read.data).toMatchObject({ person: { fullName: { $sealed: '$.person.fullName' } } });
  });

  it('refuses v1 data that is not v1 (e.g. a v2 body labelled v1)', () => {
    expect(() =>
      parseStoredEvent({ type: 'CaseReported', schemaVersion: 1, data: sealed }),
    ).toThrow(StoredEventInvalidError);
    expect(() =>
      parseStoredEvent({
        type: 'CaseReported',
        schemaVersion: 1,
        data: { ...common, source: 'RADIO', country: 'kh' },
      }),
    ).toThrow(/data\.source/);
  });
});
