/**
 * `casetrail stats` as the ministry would read it: the Parliament-style figures, every
 * breakdown of DOMAIN.md, and the check that the parts add up to their totals.
 */
import type { NationalSummary } from '@casetrail/projections';
import type { NationalStatisticsSource } from '../statistics/national-statistics.ts';
import { textTable } from './text-table.ts';

export function renderStatistics(
  summary: NationalSummary,
  source: NationalStatisticsSource,
): string {
  const moment =
    summary.asOf === null
      ? 'now'
      : `${summary.asOf} (${summary.time === 'recorded' ? 'what was known then, by store time' : 'what had happened by then, by business time'})`;
  const rows: string[][] = [
    ['affected (people)', String(summary.affected)],
    ['  being tracked', String(summary.whereabouts.beingTracked)],
    ['  rescued, awaiting return', String(summary.whereabouts.rescuedAwaitingReturn)],
    ['  returned home', String(summary.whereabouts.returnedHome)],
    ['    at home', String(summary.returnedHome.atHome)],
    ['    left again', String(summary.returnedHome.reDeparted)],
    ['  closed', String(summary.whereabouts.closed)],
    ...breakdown('    ', summary.closedByReason),
    ['presumed victims', String(summary.classification.presumedVictim)],
    ['confirmed victims', String(summary.classification.confirmedVictim)],
    [
      'reclassified',
      `${summary.classification.reclassified} (${share(summary.reclassifiedShareOfAffected)} of affected)`,
    ],
    ...breakdown('  ', summary.reclassifiedByRole),
    ['prosecuted', String(summary.legal.prosecuted)],
    ['  pending', String(summary.legal.pending)],
    ['  convicted', String(summary.legal.convicted)],
    ['  acquitted', String(summary.legal.acquitted)],
    ['  discharged', String(summary.legal.discharged)],
    ['  withdrawn', String(summary.legal.withdrawn)],
    ['by report source', ''],
    ...breakdown('  ', summary.byReportSource),
    ['by country', ''],
    ...breakdown('  ', summary.byCountry),
    ['by year of report', ''],
    ...breakdown('  ', summary.byYearOfReport),
    ['duplicate reports (not counted)', String(summary.duplicatesExcluded)],
  ];
  const checks = summary.check.relations.map((relation) => [
    `${relation.relation} (${relation.total.path})`,
    String(relation.total.value),
    String(relation.sum),
    relation.addsUp ? 'adds up' : 'DOES NOT ADD UP',
  ]);
  return [
    `national summary as of ${moment}; from the ${source === 'log' ? 'event log' : 'read model'}, up to position ${summary.position ?? '-'}`,
    '',
    textTable(['figure', 'count'], rows),
    `check: the parts ${summary.check.addsUp ? 'add up to their totals' : 'DO NOT add up'}`,
    textTable(['total', 'value', 'sum of parts', ''], checks),
  ].join('\n');
}

function breakdown(indent: string, record: Readonly<Record<string, number>>): string[][] {
  return Object.entries(record)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => [`${indent}${key}`, String(value)]);
}

function share(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}
