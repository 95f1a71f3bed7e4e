/**
 * The national figures auditors and the public ask for (GET /v1/stats/national and
 * /v1/stats/public, `casetrail stats`). As of a moment they come straight from the log, with
 * the projections' own fold, so they agree with the read model wherever both apply. For "now"
 * the projector's read model is used when one is wired and has caught up, else the log.
 * Reads only; never computes a figure of its own.
 */
import type { EventStore } from '@casetrail/event-store';
import {
  type NationalSummary,
  nationalSummaryAsOfLog,
  type PublicStatistics,
  publicStatistics,
} from '@casetrail/projections';
import type { AsOf } from '../input/audit-query.ts';

export type NationalStatisticsSource = 'read-model' | 'log';

export type NationalStatisticsDeps = {
  readonly store: EventStore;
  /** The projector's national summary, when this process has one (undefined: none yet). */
  readonly readModel?: (() => Promise<NationalSummary | undefined>) | undefined;
};

export type NationalStatistics = {
  readonly source: NationalStatisticsSource;
  readonly summary: NationalSummary;
};

export async function nationalStatistics(
  deps: NationalStatisticsDeps,
  asOf: AsOf,
): Promise<NationalStatistics> {
  if (asOf.at === null && asOf.time === 'recorded' && deps.readModel) {
    const summary = await deps.readModel();
    if (summary !== undefined) return { source: 'read-model', summary };
  }
  const summary = await nationalSummaryAsOfLog(deps.store.readAll(), {
    asOf: asOf.at,
    time: asOf.time,
  });
  return { source: 'log', summary };
}

/** The public statistics: small cells suppressed by the projections' method. */
export async function publicNationalStatistics(
  deps: NationalStatisticsDeps,
  asOf: AsOf,
): Promise<{ readonly source: NationalStatisticsSource; readonly statistics: PublicStatistics }> {
  const { source, summary } = await nationalStatistics(deps, asOf);
  return { source, statistics: publicStatistics(summary) };
}
