/**
 * The alerting state, pure: the cases watched (parsed summaries) and the alerts open. It
 * decides which alerts to raise or clear; it never emits, reads a clock or touches NATS
 * (start-alerting.ts does, in one queue). An unreadable summary is named by case id and
 * the paths that failed, never by value.
 */
import {
  ClearReason,
  clearedAlert,
  raisedAlert,
  type StaleCaseAlert,
  type StaleCaseRaised,
} from './stale-case-alert.ts';
import { isStale, type StaleRule, type WatchedCase, WatchedCaseSchema } from './stale-case-rule.ts';

/** What the subscriber hands over: any case summary with its revision. */
export type PublishedCase = { readonly revision: number };

export type AlertBook = {
  /** Takes a summary in without deciding anything (the snapshot). Returns a problem, if any. */
  load(caseId: string, document: PublishedCase): string | undefined;
  /** A case changed: clears its open alert when it moved or left. */
  update(
    caseId: string,
    document: PublishedCase | undefined,
    now: Date,
  ): { readonly alerts: StaleCaseAlert[]; readonly problem: string | undefined };
  /** Raises alerts for stale cases without one, clears those no longer stale. */
  evaluate(rule: StaleRule): StaleCaseAlert[];
  open(): readonly StaleCaseRaised[];
  watched(): number;
  /** Cases whose latest summary could not be read for the rule. */
  unreadable(): number;
};

export function createAlertBook(): AlertBook {
  const watched = new Map<string, WatchedCase>();
  const open = new Map<string, StaleCaseRaised>();
  const unreadable = new Set<string>();

  function load(caseId: string, document: PublishedCase): string | undefined {
    const parsed = WatchedCaseSchema.safeParse(document);
    if (parsed.success && parsed.data.caseId === caseId) {
      watched.set(caseId, parsed.data);
      unreadable.delete(caseId);
      return undefined;
    }
    // An unreadable summary must not keep an older readable one alive in the rule.
    watched.delete(caseId);
    unreadable.add(caseId);
    if (parsed.success) return 'caseId: does not match the key';
    return parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`)
      .join('; ');
  }

  return {
    load,
    update(caseId, document, now) {
      const problem = document === undefined ? undefined : load(caseId, document);
      if (document === undefined) {
        watched.delete(caseId);
        unreadable.delete(caseId);
      }
      const raised = open.get(caseId);
      if (raised === undefined) return { alerts: [], problem };
      if (document === undefined) {
        open.delete(caseId);
        return { alerts: [clearedAlert(raised, null, ClearReason.removed, now)], problem };
      }
      if (document.revision <= raised.revision) return { alerts: [], problem };
      open.delete(caseId);
      return {
        alerts: [clearedAlert(raised, document.revision, ClearReason.moved, now)],
        problem,
      };
    },
    evaluate(rule) {
      const alerts: StaleCaseAlert[] = [];
      for (const [caseId, raised] of open) {
        const summary = watched.get(caseId);
        if (summary && isStale(summary, rule)) continue;
        open.delete(caseId);
        const revision = summary?.revision ?? raised.revision;
        alerts.push(clearedAlert(raised, revision, ClearReason.noLongerStale, rule.now));
      }
      const newlyStale = [...watched.values()]
        .filter((summary) => !open.has(summary.caseId) && isStale(summary, rule))
        .sort(
          (a, b) =>
            Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.caseId.localeCompare(b.caseId),
        );
      for (const summary of newlyStale) {
        const raised = raisedAlert(summary, rule);
        open.set(summary.caseId, raised);
        alerts.push(raised);
      }
      return alerts;
    },
    open: () => [...open.values()],
    watched: () => watched.size,
    unreadable: () => unreadable.size,
  };
}
