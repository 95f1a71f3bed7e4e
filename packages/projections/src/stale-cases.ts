/**
 * Stale cases: active cases nobody recorded anything about for `staleDays` days. "Active"
 * means someone still has work to do: the case is open, not a duplicate, and the person is
 * abroad (reported, tracked or rescued) or a prosecution is pending. People brought home, or
 * who left again on their own after return, are not chased by this list.
 * Staleness is measured from store time (`updatedAt`): a back-dated entry made today is work
 * done today. Pure: `now` is a parameter, never a clock.
 */

import type { ReportedCase } from '@casetrail/domain';
import type { CaseSummaryDocument } from './case-summary.ts';

const DAY_MS = 86_400_000;

export type StaleOptions = { readonly now: Date; readonly staleDays: number };

export type StaleCase = {
  readonly caseId: string;
  readonly revision: number;
  readonly whereabouts: string;
  readonly legal: string;
  readonly leadAgency: string;
  readonly lastKnownCountry: string | null;
  readonly updatedAt: string;
  readonly daysWithoutUpdate: number;
};

export function isActive(summary: CaseSummaryDocument): boolean {
  const duplicate = summary.duplicateOf !== null || summary.closure?.reason === 'duplicate';
  return activeFrom(summary.status, duplicate, summary.whereabouts, summary.legal.status);
}

/** The same rule on the domain's state (the projector stores it without building a document). */
export function isActiveCase(state: ReportedCase): boolean {
  const duplicate = state.duplicateOf !== undefined || state.closure?.reason === 'duplicate';
  return activeFrom(state.status, duplicate, state.whereabouts.stage, state.legal.status);
}

function activeFrom(status: string, duplicate: boolean, stage: string, legal: string): boolean {
  if (status === 'closed' || duplicate) return false;
  return (
    stage === 'reported' || stage === 'tracked' || stage === 'rescued' || legal === 'prosecuted'
  );
}

/** Cases last updated at or before this instant are stale (ISO 8601 UTC). */
export function staleCutoff({ now, staleDays }: StaleOptions): string {
  if (!Number.isFinite(staleDays) || staleDays < 1) {
    throw new RangeError('staleDays must be a number of days, at least 1');
  }
  return new Date(now.getTime() - staleDays * DAY_MS).toISOString();
}

export function isStale(summary: CaseSummaryDocument, options: StaleOptions): boolean {
  return isActive(summary) && Date.parse(summary.updatedAt) <= Date.parse(staleCutoff(options));
}

/** The stale cases among `summaries`, longest without an update first. */
export function staleCases(
  summaries: Iterable<CaseSummaryDocument>,
  options: StaleOptions,
): StaleCase[] {
  const stale: StaleCase[] = [];
  for (const summary of summaries) {
    if (!isStale(summary, options)) continue;
    stale.push({
      caseId: summary.caseId,
      revision: summary.revision,
      whereabouts: summary.whereabouts,
      legal: summary.legal.status,
      leadAgency: summary.leadAgency,
      lastKnownCountry: summary.lastKnownCountry,
      updatedAt: summary.updatedAt,
      daysWithoutUpdate: Math.floor(
        (options.now.getTime() - Date.parse(summary.updatedAt)) / DAY_MS,
      ),
    });
  }
  return stale.sort(
    (a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.caseId.localeCompare(b.caseId),
  );
}
