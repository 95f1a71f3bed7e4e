import { describe, expect, it } from 'vitest';
import { InvalidCaseStreamError } from '../domain-errors.ts';
import { mapEventPersonalData } from '../events/event-personal-data.ts';
import {
  bodies,
  caseReportedEvent,
  event,
  HANDOVER_ID,
  OTHER_CASE_ID,
} from '../testing/case-fixtures.ts';
import { caseStateFromHistory, type StoredEventRecord } from './case-history.ts';
import { caseInvariantViolations } from './case-invariants.ts';
import { summarizeCase } from './summarize-case.ts';

/** Records shaped as the event store returns them, personal fields sealed. */
function recorded(
  e: { type: string; data: unknown },
  occurredAt: string,
  agency: string,
  schemaVersion = e.type === 'CaseReported' ? 2 : 1,
): StoredEventRecord {
  const sealed = mapEventPersonalData(e, (_, path) => ({ $sealed: path }));
  return { ...sealed, schemaVersion, metadata: { occurredAt, actor: { agency } } };
}

const parties = { handoverId: HANDOVER_ID, fromAgency: 'pdrm', toAgency: 'wisma-putra' };
const lifecycle: StoredEventRecord[] = [
  recorded(caseReportedEvent(), '2024-03-01T02:00:00.000Z', 'mp-centre'),
  recorded(event('PersonTracked', bodies.tracking), '2024-03-05T00:00:00.000Z', 'embassy'),
  recorded(
    event('PersonTracked', { location: { country: 'MM' } }),
    '2024-03-09T00:00:00.000Z',
    'embassy',
  ),
  recorded(
    event('PersonRescued', { ...bodies.rescue, country: 'MM' }),
    '2024-04-01T00:00:00.000Z',
    'pdrm',
  ),
  recorded(event('HandoverOffered', parties), '2024-04-02T00:00:00.000Z', 'pdrm'),
  recorded(event('HandoverAccepted', parties), '2024-04-03T00:00:00.000Z', 'wisma-putra'),
  recorded(
    event('PersonRepatriated', { route: 'via_rescue', fromCountry: 'MM' }),
    '2024-04-20T00:00:00.000Z',
    'immigration',
  ),
  recorded(
    event('PersonReclassified', { role: 'sponsor', basis: 'admission', decidingAgency: 'pdrm' }),
    '2024-05-01T00:00:00.000Z',
    'pdrm',
  ),
  recorded(
    event('PersonProsecuted', bodies.prosecution),
    '2024-05-10T00:00:00.000Z',
    'ag-chambers',
  ),
  recorded(
    event('ProsecutionConcluded', {
      outcome: 'convicted',
      courtReference: bodies.prosecution.courtReference,
    }),
    '2024-09-10T00:00:00.000Z',
    'ag-chambers',
  ),
  recorded(
    event('DetailsCorrected', { changes: { sex: 'female', fullName: 'PII' }, reason: 'other' }),
    '2024-09-11T00:00:00.000Z',
    'pdrm',
  ),
];

describe('caseStateFromHistory', () => {
  it('rebuilds a whole lifecycle from sealed records, and the summary shows every dimension', () => {
    const state = caseStateFromHistory(lifecycle);
    expect(caseInvariantViolations(state)).toEqual([]);
    if (state.status === 'unreported') throw new Error('expected a case');
    expect(summarizeCase(state)).toEqual({
      status: 'open',
      closure: null,
      duplicateOf: null,
      stage: 'repatriated',
      stages: {
        reportedAt: '2024-03-01T02:00:00.000Z',
        firstTrackedAt: '2024-03-05T00:00:00.000Z',
        lastTrackedAt: '2024-03-09T00:00:00.000Z',
        rescuedAt: '2024-04-01T00:00:00.000Z',
        repatriatedAt: '2024-04-20T00:00:00.000Z',
        reDepartedAt: null,
        closedAt: null,
        reopenedAt: null,
      },
      lastKnownCountry: 'MM',
      awaitingReturnAt: null,
      repatriationRoute: 'via_rescue',
      counts: { trackingUpdates: 2, rescues: 1, repatriations: 1, reDepartures: 0 },
      classification: {
        status: 'reclassified',
        role: 'sponsor',
        basis: 'admission',
        decidingAgency: 'pdrm',
        since: '2024-05-01T00:00:00.000Z',
        reversals: 0,
      },
      legal: {
        status: 'concluded',
        prosecutions: [
          {
            ...bodies.prosecution,
            chargedAt: '2024-05-10T00:00:00.000Z',
            outcome: 'convicted',
            concludedAt: '2024-09-10T00:00:00.000Z',
          },
        ],
      },
      reportSource: 'family',
      reportedCountry: 'KH',
      recruitmentChannel: 'social_media',
      sex: 'female',
      ageBand: '25-34',
      reportedBy: 'mp-centre',
      leadAgency: 'wisma-putra',
      agenciesInvolved: [
        'mp-centre',
        'embassy',
        'pdrm',
        'wisma-putra',
        'immigration',
        'ag-chambers',
      ],
      openHandover: null,
      personalData: 'held',
      lastEventAt: '2024-09-11T00:00:00.000Z',
    });
  });

  it('holds no personal data, whether the records are sealed or in the clear', () => {
    const sealed = caseStateFromHistory(lifecycle);
    const clear = caseStateFromHistory(
      lifecycle.map((r, i) => ({ ...r, data: i === 0 ? caseReportedEvent().data : r.data })),
    );
    expect(clear).toEqual(sealed);
    const json = JSON.stringify(sealed);
    for (const marker of ['PII', '$sealed', 'Sihanoukville']) expect(json).not.toContain(marker);
  });

  it('reads a CaseReported stored under schema v1 through its upcaster', () => {
    const { reportSource: _, country: __, ...rest } = caseReportedEvent().data;
    const v1 = {
      type: 'CaseReported',
      schemaVersion: 1,
      data: { ...rest, source: 'MP_OFFICE', country: 'th' },
    };
    const state = caseStateFromHistory([
      {
        ...v1,
        metadata: { occurredAt: '2023-01-01T00:00:00.000Z', actor: { agency: 'mp-centre' } },
      },
    ]);
    expect(state).toMatchObject({
      profile: { reportSource: 'mp_service_centre', reportedCountry: 'TH' },
      whereabouts: { lastKnownCountry: 'TH', stage: 'reported' },
    });
  });

  it('keeps the reported country as last known until a location of its own is recorded', () => {
    const corrected = recorded(
      event('DetailsCorrected', { changes: { country: 'LA' }, reason: 'data_entry_error' }),
      '2024-03-02T00:00:00.000Z',
      'pdrm',
    );
    expect(caseStateFromHistory([lifecycle[0]!, corrected])).toMatchObject({
      profile: { reportedCountry: 'LA' },
      whereabouts: { lastKnownCountry: 'LA' },
    });
    expect(caseStateFromHistory([...lifecycle, corrected])).toMatchObject({
      profile: { reportedCountry: 'LA' },
      whereabouts: { lastKnownCountry: 'MM' },
    });
  });

  it('tracks closure as a duplicate, and re-departure after return', () => {
    const state = caseStateFromHistory([
      ...lifecycle.slice(0, 7),
      recorded(
        event('PersonReDeparted', { destinationCountry: 'LA' }),
        '2024-06-01T00:00:00.000Z',
        'immigration',
      ),
      recorded(
        event('DuplicateLinked', { duplicateOf: OTHER_CASE_ID }),
        '2024-06-02T00:00:00.000Z',
        'pdrm',
      ),
      recorded(event('CaseClosed', { reason: 'duplicate' }), '2024-06-02T00:00:00.000Z', 'pdrm'),
    ]);
    expect(state).toMatchObject({
      status: 'closed',
      duplicateOf: OTHER_CASE_ID,
      closure: { reason: 'duplicate', closedAt: '2024-06-02T00:00:00.000Z' },
      whereabouts: {
        stage: 're_departed',
        lastKnownCountry: 'LA',
        repatriations: 1,
        reDepartures: 1,
      },
    });
    expect(caseInvariantViolations(state)).toEqual([]);
  });

  it('refuses streams that do not make a case', () => {
    expect(() => caseStateFromHistory(lifecycle.slice(1))).toThrow(InvalidCaseStreamError);
    expect(() => caseStateFromHistory([lifecycle[0]!, lifecycle[0]!])).toThrow(
      InvalidCaseStreamError,
    );
    const stranger = {
      ...lifecycle[0]!,
      metadata: { occurredAt: '2024-01-01T00:00:00Z', actor: { agency: 'cia' } },
    };
    expect(() => caseStateFromHistory([stranger])).toThrow(/unknown agency/);
  });
});
