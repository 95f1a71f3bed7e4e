import { describe, expect, it } from 'vitest';
import { caseSummaryOf } from './case-summary-of.ts';
import { personalFieldNames } from './personal-field-names.ts';
import { caseIdOf, recordedLog, reportData, SEALED } from './testing/recorded-log.ts';

const CASE = caseIdOf(1);

function keysAtAnyDepth(value: unknown, into = new Set<string>()): Set<string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!Array.isArray(value)) into.add(key);
      keysAtAnyDepth(child, into);
    }
  }
  return into;
}

describe('case summary', () => {
  it('follows a case from report to return, with revision, position and stage times', () => {
    const log = recordedLog();
    log.append(caseIdOf(9), 'CaseReported', reportData(), {
      occurredAt: '2024-01-01T00:00:00.000Z',
    });
    log.append(CASE, 'CaseReported', reportData({ country: 'KH' }), {
      occurredAt: '2024-02-01T00:00:00.000Z',
      recordedAt: '2024-02-02T00:00:00.000Z',
      agency: 'mp-centre',
    });
    log.append(
      CASE,
      'PersonTracked',
      { location: { country: 'MM' }, contact: SEALED, notes: SEALED },
      { occurredAt: '2024-02-10T00:00:00.000Z', agency: 'embassy' },
    );
    log.append(
      CASE,
      'PersonRescued',
      { country: 'MM', rescuedBy: 'foreign_authority', awaitingReturnAt: 'immigration_depot' },
      { occurredAt: '2024-03-01T00:00:00.000Z', agency: 'embassy' },
    );
    log.append(
      CASE,
      'PersonRepatriated',
      { route: 'via_rescue', fromCountry: 'MM' },
      { occurredAt: '2024-03-20T00:00:00.000Z', recordedAt: '2024-03-21T00:00:00.000Z' },
    );
    const summary = caseSummaryOf(log.events.filter((event) => event.streamId.endsWith(CASE)));
    expect(summary).toMatchObject({
      kind: 'case-summary',
      caseId: CASE,
      revision: 3,
      position: 5,
      whereabouts: 'repatriated',
      status: 'open',
      reportedCountry: 'KH',
      lastKnownCountry: 'MM',
      reportSource: 'family',
      reportedBy: 'mp-centre',
      leadAgency: 'mp-centre',
      updatedAt: '2024-03-21T00:00:00.000Z',
      classification: { status: 'presumed_victim', role: null },
      legal: { status: 'none', prosecutions: [] },
      openHandovers: [],
    });
    expect(summary?.stages).toMatchObject({
      reportedAt: '2024-02-01T00:00:00.000Z',
      firstTrackedAt: '2024-02-10T00:00:00.000Z',
      rescuedAt: '2024-03-01T00:00:00.000Z',
      repatriatedAt: '2024-03-20T00:00:00.000Z',
    });
    expect([...(summary?.agenciesInvolved ?? [])].sort()).toEqual(['embassy', 'mp-centre', 'pdrm']);
  });

  it('carries no personal data and no key the publication guard refuses', () => {
    const log = recordedLog();
    log.append(CASE, 'CaseReported', reportData(), { occurredAt: '2024-02-01T00:00:00.000Z' });
    log.append(
      CASE,
      'PersonReclassified',
      { role: 'operator', basis: 'investigation', decidingAgency: 'pdrm', notes: SEALED },
      { occurredAt: '2024-04-01T00:00:00.000Z' },
    );
    log.append(
      CASE,
      'HandoverOffered',
      {
        handoverId: caseIdOf(77),
        fromAgency: 'pdrm',
        toAgency: 'ag-chambers',
        reason: 'investigation',
        note: SEALED,
      },
      { occurredAt: '2024-04-02T00:00:00.000Z' },
    );
    log.append(
      CASE,
      'DetailsCorrected',
      {
        changes: { fullName: SEALED, country: 'LA' },
        reason: 'data_entry_error',
        explanation: SEALED,
      },
      { occurredAt: '2024-04-03T00:00:00.000Z' },
    );
    const summary = caseSummaryOf(log.events);
    expect(JSON.stringify(summary)).not.toContain('PII');
    const denied = new Set(personalFieldNames());
    expect([...keysAtAnyDepth(summary)].filter((key) => denied.has(key))).toEqual([]);
    expect(summary?.reportedCountry).toBe('LA');
    expect(summary?.openHandovers).toEqual([
      {
        handoverId: caseIdOf(77),
        fromAgency: 'pdrm',
        toAgency: 'ag-chambers',
        offeredAt: '2024-04-02T00:00:00.000Z',
      },
    ]);
  });

  it('projects a case whose personal data was erased (fields absent)', () => {
    const log = recordedLog();
    log.append(
      CASE,
      'CaseReported',
      { person: { sex: 'female' }, reporter: {}, reportSource: 'self', country: 'TH' },
      { occurredAt: '2024-02-01T00:00:00.000Z' },
    );
    log.append(
      CASE,
      'PersonalDataErased',
      { basis: 'data_subject_request' },
      { occurredAt: '2024-05-01T00:00:00.000Z', agency: 'dpo' },
    );
    expect(caseSummaryOf(log.events)).toMatchObject({ personalData: 'erased', sex: 'female' });
  });

  it('returns nothing for a stream without a report, and throws for a malformed one', () => {
    expect(caseSummaryOf([])).toBeUndefined();
    const log = recordedLog();
    log.append(
      CASE,
      'PersonTracked',
      { location: { country: 'KH' } },
      { occurredAt: '2024-01-01T00:00:00Z' },
    );
    expect(() => caseSummaryOf(log.events)).toThrow(/before CaseReported/);
  });
});

describe('personalFieldNames', () => {
  it('derives the personal field names from the domain marks', () => {
    const names = personalFieldNames();
    for (const name of [
      'fullName',
      'myKadNumber',
      'passportNumber',
      'birthDate',
      'contact',
      'notes',
    ]) {
      expect(names).toContain(name);
    }
    for (const name of ['country', 'reportSource', 'role', 'caseId'])
      expect(names).not.toContain(name);
  });
});
