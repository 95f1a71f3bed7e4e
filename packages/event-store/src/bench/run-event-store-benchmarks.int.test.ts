/**
 * The benchmark runs end to end on real SQLite files and reports in the CONTRACT shape. It
 * asserts the shape and the arithmetic, never a speed: figures depend on the machine.
 */
import { tempDir } from '@casetrail/test-harness';
import { afterAll, expect, it } from 'vitest';
import { runEventStoreBenchmarks } from './run-event-store-benchmarks.ts';

const dir = tempDir('casetrail-bench-test-');
afterAll(() => dir.remove());

it('measures appends and reads against raw node:sqlite in one run', async () => {
  const progress: string[] = [];
  const results = await runEventStoreBenchmarks({
    quick: true,
    dir: dir.path,
    onProgress: (message) => progress.push(message),
  });
  expect(results.map((result) => result.name)).toEqual([
    'append, 1 event per call',
    'append, 100 events per call',
    'read stream (100 events)',
    'read whole log',
  ]);
  for (const result of results) {
    expect(result).toMatchObject({ group: 'event-store', unit: 'events/s' });
    expect(result.baseline).toMatch(/raw/);
    expect(result.value).toBeGreaterThan(0);
    expect(result.baselineValue).toBeGreaterThan(0);
    expect(result.ratio).toBeCloseTo(result.value / result.baselineValue, 10);
  }
  expect(results[0]!.baseline).toContain('synchronous=FULL');
  expect(progress.length).toBeGreaterThan(0);
});
