/**
 * The projections benchmark (`pnpm casetrail bench`, group `projections`): rebuild speed over
 * a log of at least 1,000,000 events by default, next to a bare scan of the same log in the
 * same run (the limit), and the projector's heap during the rebuild, which must stay flat
 * however long the log is. Everything runs in this process on real files.
 *
 * Latency from an accepted command to a subscriber receiving the updated case summary needs
 * the case service and a subscriber: the caller passes `commandToSubscriberLatency` (the
 * hook the engine wires), and its p50/p99 join the results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openSqliteEventStore } from '@casetrail/event-store';
import { rebuildReadModels } from '../runner/rebuild-read-models.ts';
import { bareScan } from './bare-scan.ts';
import { benchLog } from './bench-log.ts';

export type BenchResult = {
  readonly group: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly baseline: string;
  readonly baselineValue: number;
  readonly ratio: number;
};

/** Measures command -> subscriber latency (ms) over `samples` commands; wired by the engine. */
export type CommandLatencyProbe = (samples: number) => Promise<readonly number[]>;

export type ProjectorBenchOptions = {
  /** Events in the log (default 1,000,000; `quick` 50,000). */
  readonly events?: number;
  readonly quick?: boolean;
  readonly seed?: number;
  /** Where the generated log is kept between runs (default: /dev/shm or the temp dir). */
  readonly logDirectory?: string;
  readonly onProgress?: (line: string) => void;
  readonly commandToSubscriberLatency?: CommandLatencyProbe;
  readonly latencySamples?: number;
};

const GROUP = 'projections';
const BARE_SCAN = 'bare scan of the same log (raw node:sqlite read + JSON.parse)';

function result(
  name: string,
  unit: string,
  value: number,
  baseline: string,
  baselineValue: number,
): BenchResult {
  return {
    group: GROUP,
    name,
    unit,
    value,
    baseline,
    baselineValue,
    ratio: baselineValue === 0 ? 0 : value / baselineValue,
  };
}

/** Node's own collector, exposed at run time (the CLI is not started with --expose-gc). */
function garbageCollector(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

const megabytes = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
const perSecond = (events: number, ms: number) => Math.round((events / ms) * 1_000);

export async function runProjectorBenchmarks(
  options: ProjectorBenchOptions = {},
): Promise<BenchResult[]> {
  const events = options.events ?? (options.quick ? 50_000 : 1_000_000);
  const say = options.onProgress ?? (() => {});
  say(`projections: preparing a log of ${events} events`);
  let nextReport = 100_000;
  const log = await benchLog(events, {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.logDirectory === undefined ? {} : { directory: options.logDirectory }),
    onProgress: (written) => {
      if (written < nextReport) return;
      nextReport += 100_000;
      say(`projections: generated ${written} events`);
    },
  });
  if (log.generated)
    say(
      `projections: log generated in ${Math.round(log.elapsedMs / 1000)} s (kept at ${log.path})`,
    );

  bareScan(log.path); // warm the page cache so both measurements read from memory
  const scan = bareScan(log.path);
  say(`projections: bare scan ${perSecond(scan.events, scan.elapsedMs)} events/s`);

  const store = await openSqliteEventStore({ path: log.path });
  const dataDir = mkdtempSync(join(tmpdir(), 'casetrail-bench-rebuild-'));
  try {
    const readThroughPort = async () => {
      let count = 0;
      const started = performance.now();
      for await (const _event of store.readAll()) count += 1;
      return perSecond(count, performance.now() - started);
    };
    const portBefore = await readThroughPort();

    // Retained heap, measured after a full collection at each tenth of the log (the heap in
    // use between collections is mostly garbage and says nothing about growth). The time
    // those collections take is taken out of the rebuild's time.
    const collect = garbageCollector();
    const retained: { at: number; megabytes: number }[] = [];
    let nextSample = 0.1;
    let collectingMs = 0;
    const head = scan.events;
    const rebuilt = await rebuildReadModels({
      store,
      dataDir,
      onProgress: (progress) => {
        const at = progress.events / Math.max(1, head);
        if (progress.phase === 'replay' && at >= nextSample) {
          nextSample += 0.1;
          const started = performance.now();
          collect();
          collectingMs += performance.now() - started;
          retained.push({ at, megabytes: megabytes(getHeapStatistics().used_heap_size) });
        }
        if (progress.phase !== 'replay') say(`projections: rebuild ${progress.phase}`);
      },
    });
    const rebuildMs = rebuilt.elapsedMs - collectingMs;
    say(`projections: rebuild ${perSecond(rebuilt.events, rebuildMs)} events/s`);

    const rebuildRate = perSecond(rebuilt.events, rebuildMs);
    // The baselines are measured before and after the rebuild and averaged, so a change in
    // the machine's load during the run weighs on both sides of each ratio.
    const after = bareScan(log.path);
    const scanRate = Math.round(
      (perSecond(scan.events, scan.elapsedMs) + perSecond(after.events, after.elapsedMs)) / 2,
    );
    const portRate = Math.round((portBefore + (await readThroughPort())) / 2);
    // After the first fifth the case cache is full; from then on the heap must stay flat.
    const early = retained.find((sample) => sample.at >= 0.2) ?? retained[0];
    const late = retained.at(-1);
    const results = [
      result('rebuild of all read models', 'events/s', rebuildRate, BARE_SCAN, scanRate),
      result(
        'store readAll (the port the rebuild reads through)',
        'events/s',
        portRate,
        BARE_SCAN,
        scanRate,
      ),
      result(
        'rebuild of all read models',
        'events/s',
        rebuildRate,
        'store readAll of the same log',
        portRate,
      ),
      result(
        'rebuild retained heap at the end of the log',
        'MB',
        late?.megabytes ?? 0,
        'retained heap at 20% of the log',
        early?.megabytes ?? 0,
      ),
    ];
    if (options.commandToSubscriberLatency) {
      const samples = [
        ...(await options.commandToSubscriberLatency(options.latencySamples ?? 200)),
      ].sort((a, b) => a - b);
      const quantile = (q: number) =>
        samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
      results.push(
        result(
          'command to subscriber latency p50',
          'ms',
          quantile(0.5),
          'p99 of the same run',
          quantile(0.99),
        ),
      );
      results.push(
        result(
          'command to subscriber latency p99',
          'ms',
          quantile(0.99),
          'p50 of the same run',
          quantile(0.5),
        ),
      );
    }
    return results;
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
