import { type CaseSummaryDocument, isStale as readModelIsStale } from '@casetrail/projections';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSummary } from './alerting-test-kit.ts';
import { daysWithoutUpdate, isActive, isStale, WatchedCaseSchema } from './stale-case-rule.ts';

const DAY = 86_400_000;
const updatedAt = '2025-03-01T08:00:00.000Z';
const rule = (days: number, staleDays = 30) => ({
  now: new Date(Date.parse(updatedAt) + days * DAY),
  staleDays,
});
const watched = (overrides: Parameters<typeof caseSummary>[3] = {}) =>
  WatchedCaseSchema.parse(caseSummary('C1', 3, updatedAt, overrides));

describe('the stale-case rule', () => {
  it('is stale from exactly staleDays after the last update, not a millisecond before', () => {
    expect(isStale(watched(), rule(30))).toBe(true);
    expect(isStale(watched(), { ...rule(30), now: new Date(rule(30).now.getTime() - 1) })).toBe(
      false,
    );
    expect(isStale(watched(), rule(29, 30))).toBe(false);
    expect(isStale(watched(), rule(29, 7))).toBe(true);
    expect(daysWithoutUpdate(watched(), rule(45).now)).toBe(45);
  });

  it('chases only active cases: open, not a duplicate, abroad or a prosecution pending', () => {
    expect(isActive(watched({ whereabouts: 'reported' }))).toBe(true);
    expect(isActive(watched({ whereabouts: 'rescued' }))).toBe(true);
    expect(isActive(watched({ whereabouts: 'repatriated' }))).toBe(false);
    expect(isActive(watched({ whereabouts: 're_departed' }))).toBe(false);
    expect(
      isActive(
        watched({ whereabouts: 'repatriated', legal: { status: 'prosecuted', prosecutions: [] } }),
      ),
    ).toBe(true);
    expect(isActive(watched({ status: 'closed' }))).toBe(false);
    expect(isActive(watched({ duplicateOf: 'C0' }))).toBe(false);
  });

  it('agrees with the engine stale-cases read model on every combination', () => {
    const document = fc.record({
      whereabouts: fc.constantFrom('reported', 'tracked', 'rescued', 'repatriated', 're_departed'),
      status: fc.constantFrom('open', 'closed'),
      duplicateOf: fc.constantFrom(null, 'C0'),
      closureReason: fc.constantFrom(null, 'duplicate', 'unfounded', 'deceased'),
      legal: fc.constantFrom('none', 'prosecuted', 'concluded'),
      ageMs: fc.integer({ min: -5 * DAY, max: 400 * DAY }),
      staleDays: fc.integer({ min: 1, max: 365 }),
    });
    fc.assert(
      fc.property(document, (d) => {
        const summary: CaseSummaryDocument = caseSummary('C1', 2, updatedAt, {
          whereabouts: d.whereabouts as CaseSummaryDocument['whereabouts'],
          status: d.status as CaseSummaryDocument['status'],
          duplicateOf: d.duplicateOf,
          closure:
            d.closureReason === null
              ? null
              : ({ reason: d.closureReason } as CaseSummaryDocument['closure']),
          legal: { status: d.legal as CaseSummaryDocument['legal']['status'], prosecutions: [] },
        });
        const options = { now: new Date(Date.parse(updatedAt) + d.ageMs), staleDays: d.staleDays };
        expect(isStale(WatchedCaseSchema.parse(summary), options)).toBe(
          readModelIsStale(summary, options),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('reads only the fields it needs and names what is wrong by path', () => {
    const parsed = WatchedCaseSchema.parse({ ...caseSummary('C1', 0, updatedAt), extra: 'x' });
    expect(Object.keys(parsed).sort()).toEqual(
      [
        'caseId',
        'closure',
        'duplicateOf',
        'lastKnownCountry',
        'leadAgency',
        'legal',
        'revision',
        'status',
        'updatedAt',
        'whereabouts',
      ].sort(),
    );
    const bad = WatchedCaseSchema.safeParse({ ...caseSummary('C1', 0, updatedAt), updatedAt: 7 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['updatedAt']);
  });
});
