import { existsSync, readdirSync } from 'node:fs';
import { tempDir } from '@casetrail/test-harness';
import { describe, expect, it } from 'vitest';
import { runProjectorBenchmarks } from './run-projector-benchmarks.ts';

describe('runProjectorBenchmarks', () => {
  it('measures the rebuild next to the bare scan of the same generated log, and the hook', async () => {
    const dir = tempDir('casetrail-bench-test-');
    try {
      const lines: string[] = [];
      const probe = async (samples: number) =>
        Array.from({ length: samples }, (_, index) => index + 1);
      const results = await runProjectorBenchmarks({
        events: 3_000,
        logDirectory: dir.path,
        onProgress: (line) => lines.push(line),
        commandToSubscriberLatency: probe,
        latencySamples: 100,
      });
      expect(results.map((result) => [result.group, result.name, result.unit])).toEqual([
        ['projections', 'rebuild of all read models', 'events/s'],
        ['projections', 'store readAll (the port the rebuild reads through)', 'events/s'],
        ['projections', 'rebuild of all read models', 'events/s'],
        ['projections', 'rebuild retained heap at the end of the log', 'MB'],
        ['projections', 'command to subscriber latency p50', 'ms'],
        ['projections', 'command to subscriber latency p99', 'ms'],
      ]);
      for (const result of results) {
        expect(result.value).toBeGreaterThan(0);
        expect(result.baselineValue).toBeGreaterThan(0);
        expect(result.ratio).toBeCloseTo(result.value / result.baselineValue);
      }
      expect(results[4]).toMatchObject({ value: 51, baselineValue: 100 });
      // The log is generated once and kept; a second run reuses it.
      expect(readdirSync(dir.path).filter((name) => name.endsWith('.db'))).toHaveLength(1);
      expect(lines.some((line) => line.includes('log generated'))).toBe(true);
      const again: string[] = [];
      await runProjectorBenchmarks({
        events: 3_000,
        logDirectory: dir.path,
        onProgress: (line) => again.push(line),
      });
      expect(again.some((line) => line.includes('log generated'))).toBe(false);
      expect(existsSync(dir.path)).toBe(true);
    } finally {
      dir.remove();
    }
  });
});
