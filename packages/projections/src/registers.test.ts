import { describe, expect, it } from 'vitest';
import { caseSummaryOf } from './case-summary-of.ts';
import { openHandoversByAgency, openHandoversOf } from './open-handovers.ts';
import { compareProsecutionEntries, prosecutionEntriesOf } from './prosecution-register.ts';
import { isStale, staleCases, staleCutoff } from './stale-cases.ts';
import { caseIdOf, recordedLog, reportData } from './testing/recorded-log.ts';

const day = (date: string) => `${date}T00:00:00.000Z`;

function caseWith(
  index: number,
  build: (log: ReturnType<typeof recordedLog>, caseId: string) => void,
  recordedAt = day('2024-01-01'),
) {
  const log = recordedLog();
  const caseId = caseIdOf(index);
  log.append(caseId, 'CaseReported', reportData(), { occurredAt: day('2024-01-01'), recordedAt });
  build(log, caseId);
  const summary = caseSummaryOf(log.events);
  if (!summary) throw new Error('no summary');
  return summary;
}

describe('prosecution register', () => {
  it('lists every prosecution of a case, pending or concluded', () => {
    const summary = caseWith(1, (log, caseId) => {
      log.append(
        caseId,
        'PersonReclassified',
        { role: 'operator', basis: 'admission', decidingAgency: 'pdrm' },
        { occurredAt: day('2024-02-01') },
      );
      const charge = {
        act: 'atipsom_2007',
        sections: ['13', '14'],
        court: 'Sessions Court Kuala Lumpur',
      };
      log.append(
        caseId,
        'PersonProsecuted',
        { ...charge, courtReference: 'WA-1' },
        { occurredAt: day('2024-03-01') },
      );
      log.append(
        caseId,
        'ProsecutionConcluded',
        { outcome: 'acquitted', courtReference: 'WA-1' },
        { occurredAt: day('2024-06-01') },
      );
      log.append(
        caseId,
        'PersonProsecuted',
        { ...charge, courtReference: 'WA-2' },
        { occurredAt: day('2024-07-01') },
      );
    });
    const entries = prosecutionEntriesOf(summary);
    expect(
      entries.map(({ sequence, status, outcome, courtReference }) => ({
        sequence,
        status,
        outcome,
        courtReference,
      })),
    ).toEqual([
      { sequence: 1, status: 'concluded', outcome: 'acquitted', courtReference: 'WA-1' },
      { sequence: 2, status: 'pending', outcome: null, courtReference: 'WA-2' },
    ]);
    expect(entries[0]).toMatchObject({
      role: 'operator',
      sections: ['13', '14'],
      chargedAt: day('2024-03-01'),
    });
    expect([...entries].reverse().sort(compareProsecutionEntries)).toEqual(entries);
    expect(prosecutionEntriesOf(caseWith(2, () => {}))).toEqual([]);
  });
});

describe('open hand-overs', () => {
  it('lists an open offer under the receiving agency until it is settled', () => {
    const offered = (index: number, to: string, settle?: string) =>
      caseWith(index, (log, caseId) => {
        const parties = { handoverId: caseIdOf(100 + index), fromAgency: 'pdrm', toAgency: to };
        log.append(caseId, 'HandoverOffered', parties, { occurredAt: day(`2024-02-0${index}`) });
        if (settle) log.append(caseId, settle, parties, { occurredAt: day('2024-03-01') });
      });
    const open = [
      ...openHandoversOf(offered(2, 'wisma-putra')),
      ...openHandoversOf(offered(1, 'wisma-putra')),
      ...openHandoversOf(offered(3, 'mapo')),
      ...openHandoversOf(offered(4, 'mapo', 'HandoverAccepted')),
      ...openHandoversOf(offered(5, 'mapo', 'HandoverRevoked')),
    ];
    const byAgency = openHandoversByAgency(open);
    expect(Object.keys(byAgency).sort()).toEqual(['mapo', 'wisma-putra']);
    expect(byAgency['wisma-putra']?.map((handover) => handover.caseId)).toEqual([
      caseIdOf(1),
      caseIdOf(2),
    ]);
    expect(byAgency.mapo).toEqual([
      {
        caseId: caseIdOf(3),
        handoverId: caseIdOf(103),
        fromAgency: 'pdrm',
        toAgency: 'mapo',
        offeredAt: day('2024-02-03'),
      },
    ]);
  });
});

describe('stale cases', () => {
  const now = new Date('2024-03-01T00:00:00.000Z');

  it('lists active cases without an update for the given number of days, oldest first', () => {
    const quiet = caseWith(1, () => {}, day('2024-01-01'));
    const quieter = caseWith(2, () => {}, day('2023-12-01'));
    const recent = caseWith(3, () => {}, day('2024-02-25'));
    const home = caseWith(
      4,
      (log, caseId) => {
        log.append(
          caseId,
          'PersonRepatriated',
          { route: 'self_return', fromCountry: 'TH' },
          { occurredAt: day('2024-01-02'), recordedAt: day('2024-01-02') },
        );
      },
      day('2024-01-01'),
    );
    const closed = caseWith(5, (log, caseId) => {
      log.append(
        caseId,
        'CaseClosed',
        { reason: 'withdrawn' },
        { occurredAt: day('2024-01-02'), recordedAt: day('2024-01-02') },
      );
    });
    const stale = staleCases([quiet, quieter, recent, home, closed], { now, staleDays: 30 });
    expect(stale.map((entry) => [entry.caseId, entry.daysWithoutUpdate])).toEqual([
      [caseIdOf(2), 91],
      [caseIdOf(1), 60],
    ]);
    expect(staleCases([quiet], { now, staleDays: 61 })).toEqual([]);
    expect(isStale(recent, { now, staleDays: 5 })).toBe(true);
  });

  it('keeps a case with a pending prosecution active after the return home', () => {
    const pending = caseWith(6, (log, caseId) => {
      log.append(
        caseId,
        'PersonRepatriated',
        { route: 'deportation', fromCountry: 'KH' },
        { occurredAt: day('2024-01-02') },
      );
      log.append(
        caseId,
        'PersonReclassified',
        { role: 'sponsor', basis: 'investigation', decidingAgency: 'pdrm' },
        { occurredAt: day('2024-01-03') },
      );
      log.append(
        caseId,
        'PersonProsecuted',
        { act: 'amla_2001', sections: ['4(1)'], court: 'High Court', courtReference: 'WA-9' },
        { occurredAt: day('2024-01-04') },
      );
    });
    expect(isStale(pending, { now, staleDays: 30 })).toBe(true);
  });

  it('refuses a number of days under one', () => {
    expect(() => staleCutoff({ now, staleDays: 0 })).toThrow(/at least 1/);
  });
});
