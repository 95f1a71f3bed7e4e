/**
 * The alerts the service emits, one JSON object each: `raised` when a case becomes stale,
 * `cleared` when it moves (a newer revision arrives), stops being stale or leaves the bucket.
 * An alert names the case and its state, never a person: it is built from the parsed
 * WatchedCase fields only.
 */
import { daysWithoutUpdate, type StaleRule, type WatchedCase } from './stale-case-rule.ts';

export const ClearReason = {
  /** A newer revision of the case arrived: someone recorded something. */
  moved: 'moved',
  /** Same revision, but no longer stale by the rule (e.g. the clock was set back). */
  noLongerStale: 'no-longer-stale',
  /** The case left the KV bucket (an operator purged it). */
  removed: 'removed',
} as const;
export type ClearReason = (typeof ClearReason)[keyof typeof ClearReason];

export type StaleCaseRaised = {
  readonly alert: 'stale-case';
  readonly state: 'raised';
  /** `stale-case.<caseId>.<revision>`: the same case at the same revision is one alert. */
  readonly id: string;
  readonly caseId: string;
  readonly revision: number;
  readonly whereabouts: string;
  readonly legal: string;
  readonly leadAgency: string;
  readonly lastKnownCountry: string | null;
  readonly updatedAt: string;
  readonly daysWithoutUpdate: number;
  readonly staleDays: number;
  /** When the service decided (its clock). */
  readonly at: string;
};

export type StaleCaseCleared = {
  readonly alert: 'stale-case';
  readonly state: 'cleared';
  /** The id of the alert this clears. */
  readonly id: string;
  readonly caseId: string;
  /** The case's revision now (null when it left the bucket). */
  readonly revision: number | null;
  readonly reason: ClearReason;
  readonly at: string;
};

export type StaleCaseAlert = StaleCaseRaised | StaleCaseCleared;

export function raisedAlert(summary: WatchedCase, rule: StaleRule): StaleCaseRaised {
  return {
    alert: 'stale-case',
    state: 'raised',
    id: `stale-case.${summary.caseId}.${summary.revision}`,
    caseId: summary.caseId,
    revision: summary.revision,
    whereabouts: summary.whereabouts,
    legal: summary.legal.status,
    leadAgency: summary.leadAgency,
    lastKnownCountry: summary.lastKnownCountry,
    updatedAt: summary.updatedAt,
    daysWithoutUpdate: daysWithoutUpdate(summary, rule.now),
    staleDays: rule.staleDays,
    at: rule.now.toISOString(),
  };
}

export function clearedAlert(
  raised: StaleCaseRaised,
  revision: number | null,
  reason: ClearReason,
  now: Date,
): StaleCaseCleared {
  return {
    alert: 'stale-case',
    state: 'cleared',
    id: raised.id,
    caseId: raised.caseId,
    revision,
    reason,
    at: now.toISOString(),
  };
}
