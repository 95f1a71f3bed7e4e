/**
 * The one conformance suite every event-store adapter passes (SQLite always; KurrentDB when a
 * server is reachable). Call it from an adapter's `*.int.test.ts`. When the adapter cannot get
 * its real server, pass `skip` with the reason: the suite is then reported as skipped, with
 * the reason in its name and on stderr, never faked.
 */
import { announceSkip } from '@casetrail/test-harness';
import { describe } from 'vitest';
import { appendCases } from './append-cases.ts';
import { concurrencyCases } from './concurrency-cases.ts';
import type { ConformanceTarget } from './conformance-target.ts';
import { crashCases } from './crash-cases.ts';
import { readCases } from './read-cases.ts';
import { subscriptionCases } from './subscription-cases.ts';
import { tamperCases } from './tamper-cases.ts';

export type ConformanceRun = ConformanceTarget | { readonly skip: string };

export function describeEventStoreConformance(name: string, run: ConformanceRun): void {
  const skip = 'skip' in run ? run.skip : undefined;
  if (skip !== undefined) announceSkip(`${name} event-store conformance`, skip);
  const title = `${name} event-store conformance${skip === undefined ? '' : ` (SKIPPED: ${skip})`}`;
  // Skipped suites still register every case, so each shows as skipped under the reason.
  const target: ConformanceTarget =
    'skip' in run
      ? {
          open: () => {
            throw new Error(`skipped: ${run.skip}`);
          },
        }
      : run;
  describe.skipIf(skip !== undefined)(title, () => {
    describe('appends', () => appendCases(target));
    describe('optimistic concurrency', () => concurrencyCases(target));
    describe('reads', () => readCases(target));
    describe('subscriptions', () => subscriptionCases(target));
    describe('crash safety', () => crashCases(target));
    // When the whole suite is skipped its reason covers these too.
    const tamperSkip =
      target.tamper || skip !== undefined
        ? undefined
        : (target.tamperSkipReason ?? 'this store offers no way to edit stored events');
    describe.skipIf(tamperSkip !== undefined)(
      `tamper evidence${tamperSkip === undefined ? '' : ` (SKIPPED: ${tamperSkip})`}`,
      () => tamperCases(target),
    );
  });
}
