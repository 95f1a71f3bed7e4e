/**
 * The NATS names downstream services are written against (docs CONTRACT.md, "NATS"). They are
 * fixed: renaming one breaks every subscriber. Never derive them from configuration.
 */

export const NatsNames = {
  casesBucket: 'casetrail_cases',
  statsBucket: 'casetrail_stats',
  stream: 'CASETRAIL_PROJECTIONS',
  streamSubjects: 'casetrail.projection.>',
  caseSubjectPrefix: 'casetrail.projection.case.',
  nationalStatsSubject: 'casetrail.projection.stats.national',
} as const;

/** CloudEvents `type` of each published document (not fixed by the contract; documented). */
export const CloudEventTypes = {
  case: 'casetrail.case-summary.updated.v1',
  stats: 'casetrail.national-summary.updated.v1',
} as const;

export function caseSubject(caseId: string): string {
  return `${NatsNames.caseSubjectPrefix}${caseId}`;
}
