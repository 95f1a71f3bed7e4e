/**
 * The national summary "as of" a moment, computed straight from the log (GET
 * /v1/stats/national?asOf=&time=, `pnpm casetrail stats --as-of`): streams the whole log
 * through the pure tally, so it holds one small state per case, never the log.
 */
import type { EventStore } from '@casetrail/event-store';
import {
  type AsOfOptions,
  type NationalSummary,
  nationalSummaryAsOfLog,
} from '@casetrail/projections';

export function computeNationalSummaryAsOf(
  store: EventStore,
  options: AsOfOptions,
): Promise<NationalSummary> {
  return nationalSummaryAsOfLog(store.readAll(), options);
}
