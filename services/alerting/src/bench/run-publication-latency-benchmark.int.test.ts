import { announceSkip, natsServerBinary } from '@casetrail/test-harness';
import { describe, expect, it } from 'vitest';
import { runPublicationLatencyBenchmark } from './run-publication-latency-benchmark.ts';

const missing = natsServerBinary() === undefined;
if (missing) announceSkip('publication latency benchmark', 'no nats-server binary');

describe.skipIf(missing)('the publication latency benchmark (smoke run)', () => {
  it('measures every accepted command to the subscriber and reports it next to the raw floor', async () => {
    const progress: string[] = [];
    const results = await runPublicationLatencyBenchmark({
      ratePerSecond: 10,
      durationSeconds: 2,
      cases: 5,
      onProgress: (line) => progress.push(line),
    });
    expect(results.map((result) => [result.group, result.unit])).toEqual([
      ['publication', 'ms'],
      ['publication', 'ms'],
      ['publication', 'ms'],
      ['publication', 'commands/s'],
    ]);
    expect(results[0]!.name).toBe(
      'command to subscriber p50 (10 commands/s over HTTP, 20 commands)',
    );
    expect(results[1]!.baseline).toContain('bare NATS publish -> subscribe p99');
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(
        ['baseline', 'baselineValue', 'group', 'name', 'ratio', 'unit', 'value'].sort(),
      );
      expect(result.value).toBeGreaterThan(0);
      expect(result.baselineValue).toBeGreaterThan(0);
      expect(Number.isFinite(result.ratio)).toBe(true);
    }
    // A p99 is never below the p50 of the same samples.
    expect(results[1]!.value).toBeGreaterThanOrEqual(results[0]!.value);
    expect(results[1]!.baselineValue).toBeGreaterThanOrEqual(results[0]!.baselineValue);
    expect(results[3]!.baselineValue).toBe(10);
    expect(progress.some((line) => line.includes('bare NATS floor'))).toBe(true);
  });
});
