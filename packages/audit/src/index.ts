/**
 * @casetrail/audit: what auditors ask of casetrail (DOMAIN.md "The users", issue 6): a case's
 * history with the state after each event, as of any recorded or business time; the integrity
 * check of one case or of the whole log; a self-contained export of a case that a third party
 * checks offline; the national figures as of any moment; the access log of personal-data
 * reads. It reads the event store and never writes to it; it shows personal data only as the
 * policy allows (decrypted reads are written to the access log first) and never logs any.
 */

export type { AccessLogFilter, AccessLogListing } from './access/list-access-log.ts';
export { listAccessLog, parseAccessLogFilter } from './access/list-access-log.ts';
export {
  CaseNotFoundError,
  InvalidAuditQueryError,
  PersonalDataUnavailableError,
} from './errors.ts';
export type { CaseExport, CaseExportDocument } from './export/case-export-document.ts';
export {
  CASE_EXPORT_FORMAT,
  CASE_EXPORT_FORMAT_VERSION,
  caseExportSchema,
} from './export/case-export-document.ts';
export type { ExportCheck, ExportProblem } from './export/check-case-export.ts';
export { checkCaseExport } from './export/check-case-export.ts';
export { exportCase, OFFLINE_CHECK_COMMAND } from './export/export-case.ts';
export { eventsAsOf } from './history/events-as-of.ts';
export type { CaseHistory, HistoryEntry } from './history/history-entry.ts';
export { PersonalDataView } from './history/history-entry.ts';
export type { AuditDeps, HistoryRequest } from './history/read-case-history.ts';
export { caseHistoryOfStream, readCaseHistory } from './history/read-case-history.ts';
export { readCaseStream, recordsErasure } from './history/read-case-stream.ts';
export { statesAfter } from './history/states-after.ts';
export type { PersonalDataAccess, Reader, ViewedData } from './history/view-personal-data.ts';
export { markPersonalFields, viewPersonalData } from './history/view-personal-data.ts';
export type { AsOf } from './input/audit-query.ts';
export {
  AS_OF_EXAMPLE,
  asOfQuerySchema,
  parseAsOf,
  parseCaseId,
  TimeAxis,
} from './input/audit-query.ts';
export { auditOpenApiPaths } from './openapi/audit-openapi-paths.ts';
export { renderAccessLog } from './render/render-access-log.ts';
export { describeState, renderHistory } from './render/render-history.ts';
export { renderStatistics } from './render/render-statistics.ts';
export {
  renderCaseVerification,
  renderExportCheck,
  renderStoreVerification,
} from './render/render-verification.ts';
export type {
  NationalStatistics,
  NationalStatisticsDeps,
  NationalStatisticsSource,
} from './statistics/national-statistics.ts';
export { nationalStatistics, publicNationalStatistics } from './statistics/national-statistics.ts';
export type { BadEvent } from './verification/bad-event.ts';
export { badEventOf, describeBadEvent } from './verification/bad-event.ts';
export type { CaseVerification } from './verification/verify-case.ts';
export { verifyCase } from './verification/verify-case.ts';
export type {
  LogAnchor,
  StoreVerification,
  VerifyStoreOptions,
} from './verification/verify-store.ts';
export { logAnchorSchema, verifyStore } from './verification/verify-store.ts';
