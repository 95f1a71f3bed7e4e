/**
 * The NATS names a downstream service reads (docs CONTRACT.md, "NATS"). The same constants
 * live in @casetrail/publication, which writes them; the subscriber tests run against the
 * real publisher, so the two cannot drift apart unnoticed. Never make these configurable.
 */

export const NatsNames = {
  casesBucket: 'casetrail_cases',
  statsBucket: 'casetrail_stats',
  stream: 'CASETRAIL_PROJECTIONS',
  caseSubjectPrefix: 'casetrail.projection.case.',
} as const;

export const statsKeys = ['national', 'public'] as const;
export type StatsKey = (typeof statsKeys)[number];
