/**
 * @casetrail/projections: the pure projection functions behind every read model (DOMAIN.md
 * "Read models"): case summary, national summary (live and "as of" any recorded or business
 * time), public statistics with small-cell suppression, prosecution register, open hand-overs
 * and stale cases. No I/O, no clock, no NATS, no store: events and `now` come in as values.
 * Must never read or emit a field the domain marks personal.
 */

export type { CaseEventEnvelope } from './case-event-envelope.ts';
export { envelopeOf } from './case-event-envelope.ts';
export {
  caseFigureKeys,
  caseFigureSignature,
  isDuplicate,
  legalStandingOf,
  whereaboutsOf,
} from './case-figures.ts';
export type { CaseSummaryDocument, LogPosition } from './case-summary.ts';
export { caseSummaryDocument } from './case-summary.ts';
export { caseSummaryOf } from './case-summary-of.ts';
export type { Counts } from './counts.ts';
export { addKeys, counterKey, countOf, keysOf } from './counts.ts';
export type {
  NationalSummary,
  SummaryCheck,
  SummaryMoment,
  TimeAxis,
} from './national-summary.ts';
export {
  checkSummary,
  LegalStanding,
  nationalSummaryFromCounts,
  Whereabouts,
} from './national-summary.ts';
export type { AsOfOptions, NationalTally } from './national-summary-as-of.ts';
export {
  createNationalTally,
  InvalidAsOfError,
  nationalSummaryAsOf,
  nationalSummaryAsOfLog,
} from './national-summary-as-of.ts';
export type { OpenHandover } from './open-handovers.ts';
export { openHandoversByAgency, openHandoversOf } from './open-handovers.ts';
export { personalFieldNames } from './personal-field-names.ts';
export { foldCase } from './project-case.ts';
export { isProjectionName, ProjectionName, projectionNames } from './projection-names.ts';
export type { ProsecutionEntry } from './prosecution-register.ts';
export { compareProsecutionEntries, prosecutionEntriesOf } from './prosecution-register.ts';
export type { PublicCount, PublicStatistics } from './public-statistics.ts';
export { publicStatistics, SUPPRESSION_THRESHOLD, suppressedCells } from './public-statistics.ts';
export type { StaleCase, StaleOptions } from './stale-cases.ts';
export { isActive, isActiveCase, isStale, staleCases, staleCutoff } from './stale-cases.ts';
export type { Cell, SummaryRelation } from './summary-relations.ts';
export { summaryRelations } from './summary-relations.ts';
