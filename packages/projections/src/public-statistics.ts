/**
 * The public statistics export: the national summary with small cells suppressed so that no
 * person can be singled out (IOM/CTDC practice: every count under 11 is withheld).
 *
 * Primary suppression withholds every cell under the threshold (zero included: the rule is
 * applied literally, so an empty category looks like any other small one).
 * Secondary suppression then makes sure no withheld cell can be recovered by subtraction:
 * every additive relation of the summary (a total and the parts that add up to it, see
 * summary-relations.ts) must hide either none or at least two of its members. While a relation
 * hides exactly one, the smallest visible part of it is hidden too (the total only when no
 * part is left), and the pass repeats until no relation changes: a cell hidden in one
 * relation can expose another relation it belongs to. The relations form a tree (every
 * breakdown hangs under one total), where "none or at least two per relation" leaves every
 * hidden value undetermined. Ratios are withheld when a count they are made of is withheld.
 * Must never publish a figure computed from a withheld cell.
 */
import type { NationalSummary } from './national-summary.ts';
import { type SummaryRelation, summaryRelations } from './summary-relations.ts';

export const SUPPRESSION_THRESHOLD = 11;

/** A figure of the public export: the count, or null when withheld. */
export type PublicCount = number | null;

type Published<T> = {
  readonly [K in keyof T]: T[K] extends number
    ? PublicCount
    : T[K] extends number | null
      ? PublicCount
      : T[K] extends Readonly<Record<string, number>>
        ? { readonly [P in keyof T[K]]: PublicCount }
        : T[K];
};

export type PublicStatistics = Published<Omit<NationalSummary, 'kind' | 'check'>> & {
  readonly kind: 'public-statistics';
  readonly suppression: {
    readonly threshold: number;
    /** Cells withheld because they are under the threshold. */
    readonly primary: readonly string[];
    /** Cells withheld so that a primary one cannot be recovered by subtraction. */
    readonly secondary: readonly string[];
  };
  /** Whether the full (unpublished) figures add up: a yes/no reveals no cell. */
  readonly addsUp: boolean;
};

/** Which cells to withhold; exported for its tests and for the method's documentation. */
export function suppressedCells(
  relations: readonly SummaryRelation[],
  standalone: readonly { path: string; value: number }[],
  threshold = SUPPRESSION_THRESHOLD,
): { primary: string[]; secondary: string[] } {
  const hidden = new Set<string>();
  const primary: string[] = [];
  const consider = (path: string, value: number): void => {
    if (value < threshold && !hidden.has(path)) {
      hidden.add(path);
      primary.push(path);
    }
  };
  for (const relation of relations) {
    consider(relation.total.path, relation.total.value);
    for (const part of relation.parts) consider(part.path, part.value);
  }
  for (const cell of standalone) consider(cell.path, cell.value);

  const secondary: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) {
      // A total without parts (an empty breakdown) gives nothing away by subtraction.
      if (relation.parts.length === 0) continue;
      const members = [relation.total, ...relation.parts];
      if (members.filter((member) => hidden.has(member.path)).length !== 1) continue;
      const visibleParts = relation.parts.filter((part) => !hidden.has(part.path));
      const pick = smallest(visibleParts) ?? relation.total;
      if (hidden.has(pick.path)) continue;
      hidden.add(pick.path);
      secondary.push(pick.path);
      changed = true;
    }
  }
  return { primary: primary.sort(), secondary: secondary.sort() };
}

function smallest<T extends { path: string; value: number }>(cells: readonly T[]): T | undefined {
  return [...cells].sort((a, b) => a.value - b.value || (a.path < b.path ? -1 : 1))[0];
}

/** The national summary as it may be published. Pure. */
export function publicStatistics(summary: NationalSummary): PublicStatistics {
  const { kind: _kind, check, ...figures } = summary;
  const relations = summaryRelations(figures);
  const { primary, secondary } = suppressedCells(relations, [
    { path: 'duplicatesExcluded', value: figures.duplicatesExcluded },
  ]);
  const hidden = new Set([...primary, ...secondary]);
  const show = (path: string, value: number): PublicCount => (hidden.has(path) ? null : value);
  const showAll = (prefix: string, record: Readonly<Record<string, number>>) =>
    Object.fromEntries(
      Object.entries(record).map(([key, value]) => [key, show(`${prefix}.${key}`, value)]),
    );
  const shareHidden = hidden.has('affected') || hidden.has('classification.reclassified');
  return {
    kind: 'public-statistics',
    asOf: figures.asOf,
    time: figures.time,
    position: figures.position,
    affected: show('affected', figures.affected),
    whereabouts: showAll('whereabouts', figures.whereabouts) as PublicStatistics['whereabouts'],
    returnedHome: showAll('returnedHome', figures.returnedHome) as PublicStatistics['returnedHome'],
    closedByReason: showAll('closedByReason', figures.closedByReason),
    classification: showAll(
      'classification',
      figures.classification,
    ) as PublicStatistics['classification'],
    reclassifiedByRole: showAll('reclassifiedByRole', figures.reclassifiedByRole),
    reclassifiedShareOfAffected: shareHidden ? null : figures.reclassifiedShareOfAffected,
    legal: showAll('legal', figures.legal) as PublicStatistics['legal'],
    byReportSource: showAll('byReportSource', figures.byReportSource),
    byCountry: showAll('byCountry', figures.byCountry),
    byYearOfReport: showAll('byYearOfReport', figures.byYearOfReport),
    duplicatesExcluded: show('duplicatesExcluded', figures.duplicatesExcluded),
    suppression: { threshold: SUPPRESSION_THRESHOLD, primary, secondary },
    addsUp: check.addsUp,
  };
}
