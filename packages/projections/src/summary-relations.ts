/**
 * The additive relations of the national summary: each names a total and the parts that must
 * add up to it. One list serves two purposes: the summary's `check` (proof that the parts add
 * up) and the public statistics' secondary suppression (a hidden cell must not be recoverable
 * by subtracting the visible members of any relation it belongs to).
 */
import type { NationalSummary } from './national-summary.ts';

export type Cell = { readonly path: string; readonly value: number };

export type SummaryRelation = {
  readonly relation: string;
  readonly total: Cell;
  readonly parts: readonly Cell[];
};

type Figures = Omit<NationalSummary, 'check' | 'kind'>;

function cells(prefix: string, record: Readonly<Record<string, number>>): Cell[] {
  return Object.entries(record).map(([key, value]) => ({ path: `${prefix}.${key}`, value }));
}

function cell(path: string, value: number): Cell {
  return { path, value };
}

export function summaryRelations(figures: Figures): SummaryRelation[] {
  const affected = cell('affected', figures.affected);
  const { whereabouts, classification, legal } = figures;
  return [
    { relation: 'whereabouts', total: affected, parts: cells('whereabouts', whereabouts) },
    {
      relation: 'returnedHome',
      total: cell('whereabouts.returnedHome', whereabouts.returnedHome),
      parts: cells('returnedHome', figures.returnedHome),
    },
    {
      relation: 'closedByReason',
      total: cell('whereabouts.closed', whereabouts.closed),
      parts: cells('closedByReason', figures.closedByReason),
    },
    { relation: 'classification', total: affected, parts: cells('classification', classification) },
    {
      relation: 'reclassifiedByRole',
      total: cell('classification.reclassified', classification.reclassified),
      parts: cells('reclassifiedByRole', figures.reclassifiedByRole),
    },
    {
      relation: 'legal',
      total: affected,
      parts: [
        cell('legal.notProsecuted', legal.notProsecuted),
        cell('legal.prosecuted', legal.prosecuted),
      ],
    },
    {
      relation: 'prosecutionOutcome',
      total: cell('legal.prosecuted', legal.prosecuted),
      parts: (['pending', 'convicted', 'acquitted', 'discharged', 'withdrawn'] as const).map(
        (outcome) => cell(`legal.${outcome}`, legal[outcome]),
      ),
    },
    {
      relation: 'byReportSource',
      total: affected,
      parts: cells('byReportSource', figures.byReportSource),
    },
    { relation: 'byCountry', total: affected, parts: cells('byCountry', figures.byCountry) },
    {
      relation: 'byYearOfReport',
      total: affected,
      parts: cells('byYearOfReport', figures.byYearOfReport),
    },
  ];
}
