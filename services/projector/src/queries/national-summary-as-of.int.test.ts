/**
 * The "as of" national figures, computed by the projections from a real store's log, checked
 * against an independent recomputation written here by a different method: per case, the
 * last relevant event of each kind decides (no `evolve`, no counter keys), then plain counts.
 */
import { join } from 'node:path';
import { type EventStore, openSqliteEventStore, type RecordedEvent } from '@casetrail/event-store';
import type { NationalSummary, TimeAxis } from '@casetrail/projections';
import { type TempDir, tempDir } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticLog } from '../bench/write-synthetic-log.ts';
import { computeNationalSummaryAsOf } from './national-summary-as-of-store.ts';

type Facts = {
  duplicate: boolean;
  closed: string | null;
  stage: string;
  classification: string;
  role: string | null;
  legal: string;
  source: string;
  country: string;
  year: string;
};

function independentFigures(events: readonly RecordedEvent[], cut: number, time: TimeAxis) {
  const cases = new Map<string, Facts>();
  for (const event of events) {
    const at = Date.parse(time === 'recorded' ? event.recordedAt : event.metadata.occurredAt);
    if (at > cut) continue;
    const data = event.data as {
      reportSource: string;
      country: string;
      role: string;
      outcome: string;
      reason: string;
      changes: { reportSource?: string; country?: string };
    };
    if (event.type === 'CaseReported') {
      cases.set(event.streamId, {
        duplicate: false,
        closed: null,
        stage: 'reported',
        classification: 'presumedVictim',
        role: null,
        legal: 'notProsecuted',
        source: data.reportSource,
        country: data.country,
        year: event.metadata.occurredAt.slice(0, 4),
      });
      continue;
    }
    const facts = cases.get(event.streamId);
    if (!facts) continue;
    const stages: Record<string, string> = {
      PersonTracked: 'tracked',
      PersonRescued: 'rescued',
      PersonRepatriated: 'repatriated',
      PersonReDeparted: 're_departed',
    };
    if (stages[event.type]) facts.stage = stages[event.type] as string;
    if (event.type === 'PersonReclassified')
      Object.assign(facts, { classification: 'reclassified', role: data.role });
    if (event.type === 'VictimConfirmed')
      Object.assign(facts, { classification: 'confirmedVictim', role: null });
    if (event.type === 'ReclassificationReversed')
      Object.assign(facts, { classification: 'presumedVictim', role: null });
    if (event.type === 'PersonProsecuted') facts.legal = 'pending';
    if (event.type === 'ProsecutionConcluded') facts.legal = data.outcome;
    if (event.type === 'DuplicateLinked') facts.duplicate = true;
    if (event.type === 'CaseClosed') {
      facts.closed = data.reason;
      if (data.reason === 'duplicate') facts.duplicate = true;
    }
    if (event.type === 'CaseReopened') Object.assign(facts, { closed: null, duplicate: false });
    if (event.type === 'DetailsCorrected') {
      facts.source = data.changes.reportSource ?? facts.source;
      facts.country = data.changes.country ?? facts.country;
    }
  }
  const people = [...cases.values()].filter((facts) => !facts.duplicate);
  const count = (predicate: (facts: Facts) => boolean) => people.filter(predicate).length;
  const tally = (key: (facts: Facts) => string | null) => {
    const out: Record<string, number> = {};
    for (const facts of people) {
      const value = key(facts);
      if (value !== null) out[value] = (out[value] ?? 0) + 1;
    }
    return out;
  };
  const where = (facts: Facts) =>
    facts.closed !== null
      ? 'closed'
      : facts.stage === 'rescued'
        ? 'rescuedAwaitingReturn'
        : facts.stage === 'repatriated' || facts.stage === 're_departed'
          ? 'returnedHome'
          : 'beingTracked';
  return {
    affected: people.length,
    duplicatesExcluded: cases.size - people.length,
    whereabouts: tally(where),
    reDeparted: count((facts) => where(facts) === 'returnedHome' && facts.stage === 're_departed'),
    closedByReason: tally((facts) => facts.closed),
    classification: tally((facts) => facts.classification),
    roles: tally((facts) => facts.role),
    legal: tally((facts) => facts.legal),
    bySource: tally((facts) => facts.source),
    byCountry: tally((facts) => facts.country),
    byYear: tally((facts) => facts.year),
  };
}

const nonZero = (record: Readonly<Record<string, number>>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== 0));

function comparable(summary: NationalSummary) {
  return {
    affected: summary.affected,
    duplicatesExcluded: summary.duplicatesExcluded,
    whereabouts: nonZero(summary.whereabouts),
    reDeparted: summary.returnedHome.reDeparted,
    closedByReason: nonZero(summary.closedByReason),
    classification: nonZero(summary.classification),
    roles: nonZero(summary.reclassifiedByRole),
    legal: nonZero({ ...summary.legal, prosecuted: 0 }),
    bySource: nonZero(summary.byReportSource),
    byCountry: nonZero(summary.byCountry),
    byYear: nonZero(summary.byYearOfReport),
  };
}

describe('national summary as of a moment, from a real store', () => {
  let dir: TempDir;
  let store: EventStore;
  let events: RecordedEvent[];

  beforeAll(async () => {
    dir = tempDir('casetrail-asof-');
    // A store clock one hour on per append: recorded times spread over months.
    let clock = Date.parse('2024-01-01T00:00:00.000Z');
    store = await openSqliteEventStore({
      path: join(dir.path, 'events.db'),
      now: () => {
        clock += 3_600_000;
        return new Date(clock);
      },
    });
    await writeSyntheticLog(store, { events: 6_000, seed: 51, interleave: 60 });
    events = [];
    for await (const event of store.readAll()) events.push(event);
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  const recordedCuts = [0.1, 0.4, 0.75, 1];
  it.each(recordedCuts)(
    'as of the recorded time of the event at %s of the log',
    async (fraction) => {
      const at = events[
        Math.min(events.length - 1, Math.floor(fraction * events.length))
      ] as RecordedEvent;
      const summary = await computeNationalSummaryAsOf(store, {
        asOf: at.recordedAt,
        time: 'recorded',
      });
      expect(comparable(summary)).toEqual(
        independentFigures(events, Date.parse(at.recordedAt), 'recorded'),
      );
      expect(summary.check.addsUp).toBe(true);
      expect(summary.affected).toBeGreaterThan(0);
    },
  );

  const occurredCuts = [
    '2021-06-30T23:59:59+08:00',
    '2023-01-01T00:00:00Z',
    '2024-10-29T23:59:59+08:00',
    '2027-01-01T00:00:00Z',
  ];
  it.each(occurredCuts)('as of business time %s', async (asOf) => {
    const summary = await computeNationalSummaryAsOf(store, { asOf, time: 'occurred' });
    expect(comparable(summary)).toEqual(independentFigures(events, Date.parse(asOf), 'occurred'));
    expect(summary.check.addsUp).toBe(true);
  });

  it('differs between what was known and what had happened at the same moment', async () => {
    const asOf = events[Math.floor(events.length / 2)]?.recordedAt as string;
    const known = await computeNationalSummaryAsOf(store, { asOf, time: 'recorded' });
    const happened = await computeNationalSummaryAsOf(store, { asOf, time: 'occurred' });
    expect(comparable(known)).not.toEqual(comparable(happened));
  });
});
