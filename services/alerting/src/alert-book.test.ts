import { describe, expect, it } from 'vitest';
import { createAlertBook } from './alert-book.ts';
import { caseSummary } from './alerting-test-kit.ts';

const DAY = 86_400_000;
const jan = (day: number) => `2025-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
const at = (iso: string, plusDays = 0) => new Date(Date.parse(iso) + plusDays * DAY);

describe('the alert book', () => {
  it('raises each stale case once, oldest update first, with the alert fields', () => {
    const book = createAlertBook();
    book.load('B', caseSummary('B', 4, jan(10)));
    book.load('A', caseSummary('A', 2, jan(5), { whereabouts: 'rescued' }));
    book.load('C', caseSummary('C', 1, jan(20)));
    book.load('R', caseSummary('R', 6, jan(1), { whereabouts: 'repatriated' }));
    const now = at(jan(10), 7);
    expect(book.evaluate({ now, staleDays: 7 })).toEqual([
      {
        alert: 'stale-case',
        state: 'raised',
        id: 'stale-case.A.2',
        caseId: 'A',
        revision: 2,
        whereabouts: 'rescued',
        legal: 'none',
        leadAgency: 'embassy',
        lastKnownCountry: 'KH',
        updatedAt: jan(5),
        daysWithoutUpdate: 12,
        staleDays: 7,
        at: now.toISOString(),
      },
      expect.objectContaining({ state: 'raised', id: 'stale-case.B.4', daysWithoutUpdate: 7 }),
    ]);
    expect(book.evaluate({ now, staleDays: 7 })).toEqual([]);
    expect(book.open().map((alert) => alert.caseId)).toEqual(['A', 'B']);
    expect(book.watched()).toBe(4);
  });

  it('clears an alert as soon as the case moves, and only then', () => {
    const book = createAlertBook();
    book.load('A', caseSummary('A', 2, jan(1)));
    book.evaluate({ now: at(jan(1), 30), staleDays: 30 });
    const replayed = book.update('A', caseSummary('A', 2, jan(1)), at(jan(1), 31));
    expect(replayed.alerts).toEqual([]);
    const moved = book.update('A', caseSummary('A', 3, jan(31)), at(jan(31)));
    expect(moved).toEqual({
      problem: undefined,
      alerts: [
        {
          alert: 'stale-case',
          state: 'cleared',
          id: 'stale-case.A.2',
          caseId: 'A',
          revision: 3,
          reason: 'moved',
          at: jan(31),
        },
      ],
    });
    expect(book.open()).toEqual([]);
    // Not stale any more: the move was the update.
    expect(book.evaluate({ now: at(jan(31), 29), staleDays: 30 })).toEqual([]);
    expect(book.evaluate({ now: at(jan(31), 30), staleDays: 30 })).toEqual([
      expect.objectContaining({ state: 'raised', id: 'stale-case.A.3' }),
    ]);
  });

  it('clears when the case leaves the bucket or is no longer stale by the rule', () => {
    const book = createAlertBook();
    book.load('A', caseSummary('A', 0, jan(1)));
    book.load('B', caseSummary('B', 0, jan(1)));
    book.evaluate({ now: at(jan(1), 10), staleDays: 5 });
    expect(book.update('A', undefined, at(jan(1), 11)).alerts).toEqual([
      expect.objectContaining({ state: 'cleared', caseId: 'A', revision: null, reason: 'removed' }),
    ]);
    expect(book.evaluate({ now: at(jan(1), 2), staleDays: 5 })).toEqual([
      expect.objectContaining({
        state: 'cleared',
        id: 'stale-case.B.0',
        reason: 'no-longer-stale',
      }),
    ]);
    expect(book.watched()).toBe(1);
  });

  it('does not watch an unreadable summary, and says which field is wrong, not its value', () => {
    const book = createAlertBook();
    book.load('A', caseSummary('A', 0, jan(1)));
    book.evaluate({ now: at(jan(1), 10), staleDays: 5 });
    const broken = { ...caseSummary('A', 1, jan(1)), updatedAt: 'Siti Aminah' };
    const changed = book.update('A', broken, at(jan(1), 10));
    expect(changed.problem).toMatch(/^updatedAt: /);
    expect(changed.problem).not.toContain('Siti');
    expect(changed.alerts.map((alert) => alert.state)).toEqual(['cleared']);
    expect(book.watched()).toBe(0);
    expect(book.unreadable()).toBe(1);
    expect(book.evaluate({ now: at(jan(1), 20), staleDays: 5 })).toEqual([]);
    expect(book.load('B', caseSummary('A', 0, jan(1)))).toBe('caseId: does not match the key');
    book.update('A', caseSummary('A', 2, jan(1)), at(jan(1), 20));
    expect(book.unreadable()).toBe(1);
    expect(book.watched()).toBe(1);
  });
});
