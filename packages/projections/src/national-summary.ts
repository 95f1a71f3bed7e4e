/**
 * The national summary (DOMAIN.md "Read models"): the figures Parliament asks for, built from
 * per-case tallies. Every figure is a count of PEOPLE: a case linked as a duplicate of another
 * is excluded (counted in `duplicatesExcluded`) so two reports about one person count once.
 *
 * The summary is a pure function of a multiset of counter keys (see case-figures.ts), so the
 * live projector (which keeps the counters in SQLite) and the "as of" computation straight
 * from the log (which folds the events in memory) share one definition of every figure.
 */
import { ClosureReason, ReclassificationRole, ReportSource } from '@casetrail/domain';
import { type Counts, countOf, keysOf } from './counts.ts';
import { type SummaryRelation, summaryRelations } from './summary-relations.ts';

export const Whereabouts = {
  beingTracked: 'beingTracked',
  rescuedAwaitingReturn: 'rescuedAwaitingReturn',
  returnedHome: 'returnedHome',
  closed: 'closed',
} as const;
export type Whereabouts = (typeof Whereabouts)[keyof typeof Whereabouts];

export const LegalStanding = {
  notProsecuted: 'notProsecuted',
  pending: 'pending',
  convicted: 'convicted',
  acquitted: 'acquitted',
  discharged: 'discharged',
  withdrawn: 'withdrawn',
} as const;
export type LegalStanding = (typeof LegalStanding)[keyof typeof LegalStanding];

export type TimeAxis = 'recorded' | 'occurred';

/** What moment a summary describes: the live log (asOf null) or a point in one time axis. */
export type SummaryMoment = {
  readonly asOf: string | null;
  readonly time: TimeAxis;
  /** Last store position the figures reflect (null: the log was empty). */
  readonly position: number | null;
};

export type NationalSummary = SummaryMoment & {
  readonly kind: 'national-summary';
  /** People affected: every case that is not a duplicate of another. */
  readonly affected: number;
  /** Where the people are now; the four parts add up to `affected`. */
  readonly whereabouts: Record<Whereabouts, number>;
  /** `whereabouts.returnedHome` split: at home, or left again after return (re-departure). */
  readonly returnedHome: { readonly atHome: number; readonly reDeparted: number };
  /** `whereabouts.closed` split by closure reason (duplicates are excluded, not closed). */
  readonly closedByReason: Readonly<Record<string, number>>;
  /** Who the people are in the scheme; the three parts add up to `affected`. */
  readonly classification: {
    readonly presumedVictim: number;
    readonly confirmedVictim: number;
    readonly reclassified: number;
  };
  /** `classification.reclassified` split by role. */
  readonly reclassifiedByRole: Readonly<Record<string, number>>;
  /** reclassified / affected, 0..1 (null when nobody is affected). */
  readonly reclassifiedShareOfAffected: number | null;
  /** Legal standing: `notProsecuted` + `prosecuted` = affected; prosecuted splits by outcome. */
  readonly legal: Record<LegalStanding, number> & { readonly prosecuted: number };
  readonly byReportSource: Readonly<Record<string, number>>;
  readonly byCountry: Readonly<Record<string, number>>;
  readonly byYearOfReport: Readonly<Record<string, number>>;
  /** Reports linked as duplicates of another case: not people, so not in any figure above. */
  readonly duplicatesExcluded: number;
  /** Proof that the parts add up to their totals, with the numbers. */
  readonly check: SummaryCheck;
};

export type SummaryCheck = {
  readonly addsUp: boolean;
  readonly relations: readonly (SummaryRelation & {
    readonly sum: number;
    readonly addsUp: boolean;
  })[];
};

/**
 * Breakdowns over a closed list show every category, zero included, so that an empty
 * breakdown never tells its total (see public-statistics.ts). Duplicates are not a closure.
 */
const closureReasons = Object.values(ClosureReason).filter((reason) => reason !== 'duplicate');
const roles = Object.values(ReclassificationRole);
const reportSources = Object.values(ReportSource);

/** Builds the summary from counter keys (`dimension:value` -> number of people). */
export function nationalSummaryFromCounts(counts: Counts, moment: SummaryMoment): NationalSummary {
  const whereabouts = {
    beingTracked: countOf(counts, 'whereabouts', Whereabouts.beingTracked),
    rescuedAwaitingReturn: countOf(counts, 'whereabouts', Whereabouts.rescuedAwaitingReturn),
    returnedHome: countOf(counts, 'whereabouts', Whereabouts.returnedHome),
    closed: countOf(counts, 'whereabouts', Whereabouts.closed),
  };
  const classification = {
    presumedVictim: countOf(counts, 'classification', 'presumedVictim'),
    confirmedVictim: countOf(counts, 'classification', 'confirmedVictim'),
    reclassified: countOf(counts, 'classification', 'reclassified'),
  };
  const legalParts = {
    notProsecuted: countOf(counts, 'legal', LegalStanding.notProsecuted),
    pending: countOf(counts, 'legal', LegalStanding.pending),
    convicted: countOf(counts, 'legal', LegalStanding.convicted),
    acquitted: countOf(counts, 'legal', LegalStanding.acquitted),
    discharged: countOf(counts, 'legal', LegalStanding.discharged),
    withdrawn: countOf(counts, 'legal', LegalStanding.withdrawn),
  };
  const prosecuted =
    legalParts.pending +
    legalParts.convicted +
    legalParts.acquitted +
    legalParts.discharged +
    legalParts.withdrawn;
  const affected = countOf(counts, 'affected', 'all');
  const figures = {
    kind: 'national-summary' as const,
    asOf: moment.asOf,
    time: moment.time,
    position: moment.position,
    affected,
    whereabouts,
    returnedHome: {
      atHome: countOf(counts, 'returnedHome', 'atHome'),
      reDeparted: countOf(counts, 'returnedHome', 'reDeparted'),
    },
    closedByReason: keysOf(counts, 'closedByReason', closureReasons),
    classification,
    reclassifiedByRole: keysOf(counts, 'reclassifiedByRole', roles),
    reclassifiedShareOfAffected: affected === 0 ? null : classification.reclassified / affected,
    legal: { ...legalParts, prosecuted },
    byReportSource: keysOf(counts, 'byReportSource', reportSources),
    byCountry: keysOf(counts, 'byCountry'),
    byYearOfReport: keysOf(counts, 'byYearOfReport'),
    duplicatesExcluded: countOf(counts, 'duplicate', 'all'),
  };
  return { ...figures, check: checkSummary(figures) };
}

/** Recomputes every relation's sum from the figures themselves. */
export function checkSummary(figures: Omit<NationalSummary, 'check'>): SummaryCheck {
  const relations = summaryRelations(figures).map((relation) => {
    const sum = relation.parts.reduce((total, part) => total + part.value, 0);
    return { ...relation, sum, addsUp: sum === relation.total.value };
  });
  return { addsUp: relations.every((relation) => relation.addsUp), relations };
}
