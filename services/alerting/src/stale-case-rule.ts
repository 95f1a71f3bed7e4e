/**
 * When a published case summary is a stale case: active (someone still has work to do) and
 * nothing recorded about it for `staleDays` days of store time (`updatedAt`). The same rule as
 * the engine's stale-cases read model (@casetrail/projections `isStale`); a unit test holds
 * the two together. Only the fields the rule and the alert need are parsed, so nothing else
 * of a document (there is nothing personal on NATS anyway) can reach an alert.
 */
import { z } from 'zod';

const DAY_MS = 86_400_000;

export const WatchedCaseSchema = z.object({
  caseId: z.string().min(1),
  revision: z.int().nonnegative(),
  updatedAt: z.iso.datetime({ offset: true }),
  status: z.string().min(1),
  closure: z.object({ reason: z.string() }).loose().nullable(),
  duplicateOf: z.string().nullable(),
  whereabouts: z.string().min(1),
  legal: z.object({ status: z.string().min(1) }).loose(),
  leadAgency: z.string().min(1),
  lastKnownCountry: z.string().nullable(),
});
export type WatchedCase = z.infer<typeof WatchedCaseSchema>;

export type StaleRule = { readonly now: Date; readonly staleDays: number };

const abroad: readonly string[] = ['reported', 'tracked', 'rescued'];

/** Open, not a duplicate, and the person abroad or a prosecution pending. */
export function isActive(summary: WatchedCase): boolean {
  if (summary.status === 'closed') return false;
  if (summary.duplicateOf !== null || summary.closure?.reason === 'duplicate') return false;
  return abroad.includes(summary.whereabouts) || summary.legal.status === 'prosecuted';
}

/** Whole days since the last update, as of `now` (negative when `now` is before it). */
export function daysWithoutUpdate(summary: WatchedCase, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(summary.updatedAt)) / DAY_MS);
}

export function isStale(summary: WatchedCase, { now, staleDays }: StaleRule): boolean {
  const cutoff = now.getTime() - staleDays * DAY_MS;
  return isActive(summary) && Date.parse(summary.updatedAt) <= cutoff;
}
