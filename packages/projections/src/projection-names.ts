/**
 * The read models the projector keeps, by the names `pnpm casetrail rebuild [PROJECTION]`
 * accepts. Stale cases are a query over the case summaries, not a model of their own.
 */
export const ProjectionName = {
  caseSummaries: 'case-summaries',
  nationalSummary: 'national-summary',
  prosecutionRegister: 'prosecution-register',
  openHandovers: 'open-handovers',
} as const;
export type ProjectionName = (typeof ProjectionName)[keyof typeof ProjectionName];

export const projectionNames: readonly ProjectionName[] = Object.values(ProjectionName);

export function isProjectionName(value: string): value is ProjectionName {
  return (projectionNames as readonly string[]).includes(value);
}
