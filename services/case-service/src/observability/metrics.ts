/**
 * The case service's Prometheus metrics, rendered in the text exposition format (0.0.4).
 * Written by hand because the service needs four series, not a client library. Labels are
 * route patterns and statuses only: never case ids or anything from a body (cardinality and
 * personal data both).
 */

const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Labels = Readonly<Record<string, string>>;

function labelKey(labels: Labels): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}="${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)
    .join(',');
}

type Histogram = { counts: number[]; sum: number; count: number };

export type CaseServiceMetrics = {
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  countAppend(events: number): void;
  countConflict(): void;
  countIdempotentReplay(): void;
  render(): string;
};

export function createMetrics(): CaseServiceMetrics {
  const requests = new Map<string, number>();
  const latencies = new Map<string, Histogram>();
  let appends = 0;
  let appendedEvents = 0;
  let conflicts = 0;
  let replays = 0;

  return {
    observeRequest(method, route, status, seconds) {
      const key = labelKey({ method, route, status: String(status) });
      requests.set(key, (requests.get(key) ?? 0) + 1);
      const histogram = latencies.get(key) ?? {
        counts: latencyBuckets.map(() => 0),
        sum: 0,
        count: 0,
      };
      latencyBuckets.forEach((bound, index) => {
        if (seconds <= bound) histogram.counts[index] = (histogram.counts[index] ?? 0) + 1;
      });
      histogram.sum += seconds;
      histogram.count += 1;
      latencies.set(key, histogram);
    },
    countAppend(events) {
      appends += 1;
      appendedEvents += events;
    },
    countConflict() {
      conflicts += 1;
    },
    countIdempotentReplay() {
      replays += 1;
    },
    render() {
      const lines = [
        '# HELP casetrail_http_requests_total HTTP requests by method, route pattern and status.',
        '# TYPE casetrail_http_requests_total counter',
        ...[...requests].map(([key, value]) => `casetrail_http_requests_total{${key}} ${value}`),
        '# HELP casetrail_http_request_duration_seconds HTTP request latency by method, route pattern and status.',
        '# TYPE casetrail_http_request_duration_seconds histogram',
        ...[...latencies].flatMap(([key, histogram]) => [
          ...latencyBuckets.map(
            (bound, index) =>
              `casetrail_http_request_duration_seconds_bucket{${key},le="${bound}"} ${histogram.counts[index]}`,
          ),
          `casetrail_http_request_duration_seconds_bucket{${key},le="+Inf"} ${histogram.count}`,
          `casetrail_http_request_duration_seconds_sum{${key}} ${histogram.sum}`,
          `casetrail_http_request_duration_seconds_count{${key}} ${histogram.count}`,
        ]),
        '# HELP casetrail_appends_total Successful appends to the event store.',
        '# TYPE casetrail_appends_total counter',
        `casetrail_appends_total ${appends}`,
        '# HELP casetrail_appended_events_total Events appended to the event store.',
        '# TYPE casetrail_appended_events_total counter',
        `casetrail_appended_events_total ${appendedEvents}`,
        '# HELP casetrail_concurrency_conflicts_total Appends refused because the stream had moved on.',
        '# TYPE casetrail_concurrency_conflicts_total counter',
        `casetrail_concurrency_conflicts_total ${conflicts}`,
        '# HELP casetrail_idempotent_replays_total Requests answered from the idempotency store.',
        '# TYPE casetrail_idempotent_replays_total counter',
        `casetrail_idempotent_replays_total ${replays}`,
      ];
      return `${lines.join('\n')}\n`;
    },
  };
}
