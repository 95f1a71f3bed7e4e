/**
 * @casetrail/alerting: a downstream service that follows the published case summaries over
 * NATS (through @casetrail/subscriber, as any downstream team would) and raises an alert when
 * a case has had no update for N days, clearing it when the case moves. It also holds the
 * publication latency benchmark (command accepted -> subscriber holds the new summary).
 * It must never publish to NATS, write to the engine, or emit personal data.
 */

export type { AlertBook, PublishedCase } from './alert-book.ts';
export { createAlertBook } from './alert-book.ts';
export { AlertingOptionsInvalidError } from './alerting-errors.ts';
export type { Alerting, AlertingOptions, AlertingStatus, AlertSink } from './alerting-options.ts';
export { parseAlertingOptions } from './alerting-options.ts';
export type {
  BenchResult,
  PublicationLatencyBenchOptions,
} from './bench/run-publication-latency-benchmark.ts';
export { runPublicationLatencyBenchmark } from './bench/run-publication-latency-benchmark.ts';
export type { StaleCaseAlert, StaleCaseCleared, StaleCaseRaised } from './stale-case-alert.ts';
export { ClearReason, clearedAlert, raisedAlert } from './stale-case-alert.ts';
export type { StaleRule, WatchedCase } from './stale-case-rule.ts';
export { daysWithoutUpdate, isActive, isStale, WatchedCaseSchema } from './stale-case-rule.ts';
export { startAlerting } from './start-alerting.ts';
