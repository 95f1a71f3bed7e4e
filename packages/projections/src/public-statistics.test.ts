import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addKeys, counterKey } from './counts.ts';
import { type NationalSummary, nationalSummaryFromCounts } from './national-summary.ts';
import { publicStatistics, suppressedCells } from './public-statistics.ts';
import { summaryRelations } from './summary-relations.ts';

/** A person as the counters see them (the keys case-figures.ts would produce). */
type Person = {
  whereabouts: 'beingTracked' | 'rescuedAwaitingReturn' | 'returnedHome' | 'closed';
  reDeparted: boolean;
  closedReason: 'unfounded' | 'deceased' | 'withdrawn';
  classification: 'presumedVictim' | 'confirmedVictim' | 'reclassified';
  role: 'operator' | 'sponsor' | 'involved';
  legal: 'notProsecuted' | 'pending' | 'convicted' | 'acquitted';
  source: string;
  country: string;
  year: string;
};

function keysOfPerson(person: Person): string[] {
  const keys = [
    counterKey('affected', 'all'),
    counterKey('whereabouts', person.whereabouts),
    counterKey('classification', person.classification),
    counterKey('legal', person.legal),
    counterKey('byReportSource', person.source),
    counterKey('byCountry', person.country),
    counterKey('byYearOfReport', person.year),
  ];
  if (person.whereabouts === 'returnedHome') {
    keys.push(counterKey('returnedHome', person.reDeparted ? 'reDeparted' : 'atHome'));
  }
  if (person.whereabouts === 'closed') keys.push(counterKey('closedByReason', person.closedReason));
  if (person.classification === 'reclassified') {
    keys.push(counterKey('reclassifiedByRole', person.role));
  }
  return keys;
}

function summaryOf(people: readonly Person[], duplicates = 0): NationalSummary {
  const counts = new Map<string, number>();
  for (const person of people) addKeys(counts, keysOfPerson(person), 1);
  addKeys(counts, [counterKey('duplicate', 'all')], duplicates);
  return nationalSummaryFromCounts(counts, { asOf: null, time: 'recorded', position: 1 });
}

const base: Person = {
  whereabouts: 'returnedHome',
  reDeparted: false,
  closedReason: 'unfounded',
  classification: 'reclassified',
  role: 'operator',
  legal: 'notProsecuted',
  source: 'family',
  country: 'KH',
  year: '2023',
};

function many(count: number, overrides: Partial<Person> = {}): Person[] {
  return Array.from({ length: count }, () => ({ ...base, ...overrides }));
}

describe('publicStatistics', () => {
  it('publishes every figure unchanged when no cell is under 11', () => {
    const people = [
      ...many(20, { whereabouts: 'beingTracked', classification: 'presumedVictim' }),
      ...many(15, {
        whereabouts: 'beingTracked',
        classification: 'confirmedVictim',
        legal: 'pending',
      }),
      ...many(15, { whereabouts: 'rescuedAwaitingReturn', legal: 'pending' }),
      ...many(15, { whereabouts: 'closed', legal: 'pending' }),
      ...many(15, { reDeparted: true, legal: 'convicted', role: 'sponsor' }),
      ...many(25, { legal: 'acquitted', role: 'involved' }),
    ];
    // Fill the remaining fixed cells (discharged, withdrawn, reasons) so none is small.
    const summary = summaryOf(people);
    const published = publicStatistics(summary);
    expect(published.affected).toBe(105);
    expect(published.whereabouts).toEqual({
      beingTracked: 35,
      rescuedAwaitingReturn: 15,
      returnedHome: 40,
      closed: 15,
    });
    expect(published.byCountry).toEqual({ KH: 105 });
    // legal.discharged and legal.withdrawn are 0: fixed cells under 11 are withheld too.
    expect(published.legal.discharged).toBeNull();
    expect(published.legal.withdrawn).toBeNull();
    expect(published.suppression.primary).toEqual(
      expect.arrayContaining(['legal.discharged', 'legal.withdrawn', 'duplicatesExcluded']),
    );
    expect(published.addsUp).toBe(true);
  });

  it('withholds a small country and the next smallest so it cannot be subtracted out', () => {
    const people = [
      ...many(50, { country: 'KH' }),
      ...many(30, { country: 'MM' }),
      ...many(5, { country: 'LA' }),
    ];
    const published = publicStatistics(summaryOf(people));
    expect(published.byCountry).toEqual({ KH: 50, MM: null, LA: null });
    expect(published.suppression.primary).toContain('byCountry.LA');
    expect(published.suppression.secondary).toContain('byCountry.MM');
    expect(published.affected).toBe(85);
  });

  it('hides the smallest other part when one part of a breakdown is small', () => {
    const published = publicStatistics(
      summaryOf([
        ...many(40, { whereabouts: 'closed', closedReason: 'deceased' }),
        ...many(12, { whereabouts: 'closed', closedReason: 'withdrawn' }),
        ...many(3, { whereabouts: 'closed', closedReason: 'unfounded' }),
      ]),
    );
    // 55 closed = 40 + 12 + 3: hiding 3 alone would leave it as 55 - 40 - 12.
    expect(published.closedByReason).toEqual({ deceased: 40, unfounded: null, withdrawn: null });
    expect(published.suppression.primary).toContain('closedByReason.unfounded');
    expect(published.suppression.secondary).toContain('closedByReason.withdrawn');
  });

  it('cascades: a cell hidden in one relation exposes the relations it totals', () => {
    // 12 reclassified (9 operators, 3 sponsors) among 60 people; 48 presumed victims.
    const people = [
      ...many(48, { classification: 'presumedVictim' }),
      ...many(9, { role: 'operator' }),
      ...many(3, { role: 'sponsor' }),
    ];
    const published = publicStatistics(summaryOf(people));
    expect(published.reclassifiedByRole).toEqual({ involved: null, operator: null, sponsor: null });
    // confirmedVictim is 0 (primary) in the classification relation: hiding it alone would
    // leave it recoverable as 60 - 48 - 12 = 0; so one more visible cell goes.
    expect(published.classification.confirmedVictim).toBeNull();
    const hiddenInClassification = Object.values(published.classification).filter(
      (value) => value === null,
    );
    expect(hiddenInClassification.length).toBeGreaterThanOrEqual(2);
    if (published.classification.reclassified === null) {
      expect(published.reclassifiedShareOfAffected).toBeNull();
    }
  });

  it('withholds everything when the total itself is under 11', () => {
    const published = publicStatistics(summaryOf(many(7)));
    expect(published.affected).toBeNull();
    expect(published.whereabouts.returnedHome).toBeNull();
    expect(published.byCountry).toEqual({ KH: null });
    expect(published.reclassifiedShareOfAffected).toBeNull();
  });

  const person = fc.record<Person>({
    whereabouts: fc.constantFrom('beingTracked', 'rescuedAwaitingReturn', 'returnedHome', 'closed'),
    reDeparted: fc.boolean(),
    closedReason: fc.constantFrom('unfounded', 'deceased', 'withdrawn'),
    classification: fc.constantFrom('presumedVictim', 'confirmedVictim', 'reclassified'),
    role: fc.constantFrom('operator', 'sponsor', 'involved'),
    legal: fc.constantFrom('notProsecuted', 'pending', 'convicted', 'acquitted'),
    source: fc.constantFrom('family', 'police', 'self', 'ngo'),
    country: fc.constantFrom('KH', 'MM', 'LA', 'TH', 'PH'),
    year: fc.constantFrom('2021', '2022', '2023', '2024'),
  });
  // Weighted groups of identical people make both large and small cells likely.
  // At least one person: with nobody affected every breakdown is empty, which tells that
  // the total is 0, and there is nobody to single out (docs/projections.md).
  const population = fc
    .array(fc.tuple(person, fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 12 })
    .map((groups) => groups.flatMap(([who, count]) => many(count, who)));

  it('never publishes a count under 11 (property)', () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 0, max: 30 }), (people, duplicates) => {
        const published = publicStatistics(summaryOf(people, duplicates));
        for (const value of publishedCounts(published)) {
          expect(value === null || value >= 11).toBe(true);
        }
      }),
    );
  });

  it('leaves no withheld cell determined by the published figures (property)', () => {
    fc.assert(
      fc.property(population, (people) => {
        const summary = summaryOf(people);
        const { check: _check, ...figures } = summary;
        const relations = summaryRelations(figures);
        const { primary, secondary } = suppressedCells(relations, []);
        const hidden = [...new Set([...primary, ...secondary])];
        for (const path of hidden) {
          expect(determinedByLinearAlgebra(path, hidden, relations)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function publishedCounts(value: unknown): (number | null)[] {
  const out: (number | null)[] = [];
  const walk = (node: unknown, key: string): void => {
    if (key === 'suppression' || key === 'position' || key === 'reclassifiedShareOfAffected') {
      return;
    }
    if (node === null || typeof node === 'number') out.push(node);
    else if (typeof node === 'object') {
      for (const [child, inner] of Object.entries(node)) walk(inner, child);
    }
  };
  walk(value, '');
  return out;
}

/**
 * Independent check by a different method: Gaussian elimination over the relations, with
 * the published cells as known constants. A hidden cell is determined exactly when its unit
 * vector lies in the row space of the equations restricted to the hidden cells.
 */
function determinedByLinearAlgebra(
  target: string,
  hidden: readonly string[],
  relations: ReturnType<typeof summaryRelations>,
): boolean {
  const index = new Map(hidden.map((path, position) => [path, position]));
  const rows: number[][] = [];
  for (const relation of relations) {
    const row = new Array<number>(hidden.length).fill(0);
    const total = index.get(relation.total.path);
    if (total !== undefined) row[total] = (row[total] ?? 0) + 1;
    for (const part of relation.parts) {
      const at = index.get(part.path);
      if (at !== undefined) row[at] = (row[at] ?? 0) - 1;
    }
    if (row.some((value) => value !== 0)) rows.push(row);
  }
  const rank = (matrix: number[][]): number => {
    const m = matrix.map((row) => [...row]);
    let r = 0;
    for (let column = 0; column < hidden.length && r < m.length; column += 1) {
      const pivot = m.findIndex((row, at) => at >= r && Math.abs(row[column] ?? 0) > 1e-9);
      if (pivot === -1) continue;
      [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
      const pivotRow = m[r] as number[];
      for (let other = 0; other < m.length; other += 1) {
        if (other === r) continue;
        const row = m[other] as number[];
        const factor = (row[column] ?? 0) / (pivotRow[column] ?? 1);
        for (let c = 0; c < hidden.length; c += 1)
          row[c] = (row[c] ?? 0) - factor * (pivotRow[c] ?? 0);
      }
      r += 1;
    }
    return r;
  };
  const unit = hidden.map((path) => (path === target ? 1 : 0));
  return rank([...rows, unit]) === rank(rows);
}
