import { describe, expect, it } from 'vitest';
import { nationalSummaryAsOf } from './national-summary-as-of.ts';
import { caseIdOf, type RecordedLog, recordedLog, reportData } from './testing/recorded-log.ts';

const day = (date: string) => `${date}T00:00:00.000Z`;

function report(
  log: RecordedLog,
  index: number,
  date: string,
  extra: Record<string, unknown> = {},
) {
  log.append(caseIdOf(index), 'CaseReported', reportData(extra), { occurredAt: day(date) });
}

function track(log: RecordedLog, index: number, date: string, country = 'KH') {
  log.append(
    caseIdOf(index),
    'PersonTracked',
    { location: { country } },
    { occurredAt: day(date) },
  );
}

function repatriate(log: RecordedLog, index: number, date: string) {
  log.append(
    caseIdOf(index),
    'PersonRepatriated',
    { route: 'deportation', fromCountry: 'KH' },
    { occurredAt: day(date) },
  );
}

function reclassify(log: RecordedLog, index: number, date: string, role = 'operator') {
  log.append(
    caseIdOf(index),
    'PersonReclassified',
    { role, basis: 'investigation', decidingAgency: 'pdrm' },
    { occurredAt: day(date) },
  );
}

describe('national summary', () => {
  it('expresses the Parliament answer: 707 returned home, 199 being tracked, 906 affected', () => {
    const log = recordedLog();
    for (let index = 1; index <= 906; index += 1) {
      report(log, index, `${2020 + (index % 5)}-03-01`);
      if (index <= 707) {
        repatriate(log, index, '2025-01-01');
        // About 90% of those returned were found to be operators, sponsors or involved.
        if (index <= 637)
          reclassify(log, index, '2025-02-01', index % 3 === 0 ? 'sponsor' : 'operator');
        if (index <= 5) {
          log.append(
            caseIdOf(index),
            'PersonProsecuted',
            {
              act: 'atipsom_2007',
              sections: ['13'],
              court: 'Sessions Court',
              courtReference: `WA-${index}`,
            },
            { occurredAt: day('2025-03-01') },
          );
        }
      } else {
        track(log, index, '2024-06-01');
      }
    }
    const summary = nationalSummaryAsOf(log.events, { asOf: null, time: 'recorded' });
    expect(summary.affected).toBe(906);
    expect(summary.whereabouts).toEqual({
      beingTracked: 199,
      rescuedAwaitingReturn: 0,
      returnedHome: 707,
      closed: 0,
    });
    expect(summary.classification.reclassified).toBe(637);
    expect(summary.reclassifiedShareOfAffected).toBeCloseTo(637 / 906);
    expect(summary.legal.prosecuted).toBe(5);
    expect(summary.legal.pending).toBe(5);
    expect(summary.byYearOfReport).toEqual({
      '2020': 181,
      '2021': 182,
      '2022': 181,
      '2023': 181,
      '2024': 181,
    });
    expect(summary.check.addsUp).toBe(true);
    const whereabouts = summary.check.relations.find(
      (relation) => relation.relation === 'whereabouts',
    );
    expect(whereabouts).toMatchObject({
      total: { path: 'affected', value: 906 },
      sum: 906,
      addsUp: true,
    });
    expect(summary.position).toBe(log.events.length);
  });

  it('counts people, not reports: a linked duplicate is excluded', () => {
    const log = recordedLog();
    report(log, 1, '2024-01-01');
    report(log, 2, '2024-01-05');
    log.append(
      caseIdOf(2),
      'DuplicateLinked',
      { duplicateOf: caseIdOf(1) },
      { occurredAt: day('2024-01-06') },
    );
    log.append(
      caseIdOf(2),
      'CaseClosed',
      { reason: 'duplicate' },
      { occurredAt: day('2024-01-06') },
    );
    const summary = nationalSummaryAsOf(log.events, { asOf: null, time: 'recorded' });
    expect(summary.affected).toBe(1);
    expect(summary.duplicatesExcluded).toBe(1);
    expect(summary.whereabouts.closed).toBe(0);
    expect(summary.check.addsUp).toBe(true);
    // Reopened, the report counts as a person again.
    log.append(
      caseIdOf(2),
      'CaseReopened',
      { reason: 'not_a_duplicate' },
      { occurredAt: day('2024-02-01') },
    );
    const after = nationalSummaryAsOf(log.events, { asOf: null, time: 'recorded' });
    expect(after.affected).toBe(2);
    expect(after.duplicatesExcluded).toBe(0);
  });

  it('keeps a person who left again after return under returned home until traced again', () => {
    const log = recordedLog();
    report(log, 1, '2023-01-01');
    repatriate(log, 1, '2023-06-01');
    log.append(
      caseIdOf(1),
      'PersonReDeparted',
      { destinationCountry: 'MM' },
      { occurredAt: day('2024-01-01') },
    );
    let summary = nationalSummaryAsOf(log.events, { asOf: null, time: 'recorded' });
    expect(summary.whereabouts.returnedHome).toBe(1);
    expect(summary.returnedHome).toEqual({ atHome: 0, reDeparted: 1 });
    track(log, 1, '2024-03-01', 'MM');
    summary = nationalSummaryAsOf(log.events, { asOf: null, time: 'recorded' });
    expect(summary.whereabouts).toMatchObject({ returnedHome: 0, beingTracked: 1 });
    expect(summary.check.addsUp).toBe(true);
  });

  it('counts closed cases by reason and prosecutions by outcome', () => {
    const log = recordedLog();
    report(log, 1, '2023-01-01');
    log.append(
      caseIdOf(1),
      'CaseClosed',
      { reason: 'deceased' },
      { occurredAt: day('2023-02-01') },
    );
    report(log, 2, '2023-01-01');
    reclassify(log, 2, '2023-03-01', 'involved');
    log.append(
      caseIdOf(2),
      'PersonProsecuted',
      { act: 'penal_code', sections: ['420'], court: 'Sessions Court', courtReference: 'WA-1' },
      { occurredAt: day('2023-04-01') },
    );
    log.append(
      caseIdOf(2),
      'ProsecutionConcluded',
      { outcome: 'convicted', courtReference: 'WA-1' },
      { occurredAt: day('2023-09-01') },
    );
    const summary = nationalSummaryAsOf(log.events, { asOf: null, time: 'recorded' });
    expect(summary.closedByReason).toEqual({ deceased: 1, unfounded: 0, withdrawn: 0 });
    expect(summary.reclassifiedByRole).toEqual({ involved: 1, operator: 0, sponsor: 0 });
    expect(summary.legal).toMatchObject({
      prosecuted: 1,
      convicted: 1,
      pending: 0,
      notProsecuted: 1,
    });
    expect(summary.check.addsUp).toBe(true);
  });

  it('answers as of a recorded time and as of a business time differently', () => {
    const log = recordedLog();
    log.append(caseIdOf(1), 'CaseReported', reportData(), {
      occurredAt: day('2024-10-01'),
      recordedAt: day('2024-10-02'),
    });
    // The return happened on 25 October but was only recorded on 5 November.
    log.append(
      caseIdOf(1),
      'PersonRepatriated',
      { route: 'self_return', fromCountry: 'KH' },
      { occurredAt: day('2024-10-25'), recordedAt: day('2024-11-05') },
    );
    const known = nationalSummaryAsOf(log.events, {
      asOf: '2024-10-29T23:59:59+08:00',
      time: 'recorded',
    });
    const happened = nationalSummaryAsOf(log.events, {
      asOf: '2024-10-29T23:59:59+08:00',
      time: 'occurred',
    });
    expect(known.whereabouts).toMatchObject({ beingTracked: 1, returnedHome: 0 });
    expect(happened.whereabouts).toMatchObject({ beingTracked: 0, returnedHome: 1 });
    expect(known.asOf).toBe('2024-10-29T15:59:59.000Z');
    expect(known.position).toBe(1);
    const before = nationalSummaryAsOf(log.events, {
      asOf: '2024-09-30T00:00:00Z',
      time: 'occurred',
    });
    expect(before.affected).toBe(0);
    expect(before.position).toBeNull();
  });

  it('ignores events of a case whose report is after a business-time cut', () => {
    const log = recordedLog();
    log.append(caseIdOf(1), 'CaseReported', reportData(), { occurredAt: day('2024-10-10') });
    // Recorded later with an earlier business time than the report itself.
    track(log, 1, '2024-10-01');
    const summary = nationalSummaryAsOf(log.events, { asOf: day('2024-10-05'), time: 'occurred' });
    expect(summary.affected).toBe(0);
  });

  it('refuses an asOf that is not a date-time', () => {
    expect(() => nationalSummaryAsOf([], { asOf: 'yesterday', time: 'recorded' })).toThrow(
      /ISO 8601/,
    );
  });
});
