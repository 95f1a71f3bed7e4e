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
import { getHeapStatistics } from 'node:v8';
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

const megabytes = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
const perSecond = (events: number, ms: number) => Math.round((events / ms) * 1_000);

export async function runProjectorBenchmarks(
  options: ProjectorBenchOptions = {},
): Promise<BenchResult[]> {
  const events = options.events ?? (options.quick ? 50_000 : 1_000_000);
  const say = options.onProgress ?? (() => {});
  say(`projections: preparing a log of ${events} events`);
  const log = await benchLog(events, {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.logDirectory === undefined ? {} : { directory: options.logDirectory }),
    onProgress: (written) => {
      if (written % 100_000 < 12) say(`projections: generated ${written} events`);
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
    let portEvents = 0;
    const portStarted = performance.now();
    for await (const _event of store.readAll()) portEvents += 1;
    const portMs = performance.now() - portStarted;

    const heap: { at: number; used: number }[] = [];
    const head = scan.events;
    const rebuilt = await rebuildReadModels({
      store,
      dataDir,
      onProgress: (progress) => {
        heap.push({
          at: progress.events / Math.max(1, head),
          used: getHeapStatistics().used_heap_size,
        });
        if (progress.phase !== 'replay') say(`projections: rebuild ${progress.phase}`);
      },
    });
    say(`projections: rebuild ${perSecond(rebuilt.events, rebuilt.elapsedMs)} events/s`);

    const firstHalf = Math.max(
      ...heap.filter((sample) => sample.at > 0.05 && sample.at <= 0.5).map((sample) => sample.used),
    );
    const secondHalf = Math.max(
      ...heap.filter((sample) => sample.at > 0.5).map((sample) => sample.used),
    );
    const rebuildRate = perSecond(rebuilt.events, rebuilt.elapsedMs);
    const results = [
      result(
        'rebuild of all read models',
        'events/s',
        rebuildRate,
        BARE_SCAN,
        perSecond(scan.events, scan.elapsedMs),
      ),
      result(
        'store readAll (the port the rebuild reads through)',
        'events/s',
        perSecond(portEvents, portMs),
        BARE_SCAN,
        perSecond(scan.events, scan.elapsedMs),
      ),
      result(
        'rebuild of all read models',
        'events/s',
        rebuildRate,
        'store readAll of the same log',
        perSecond(portEvents, portMs),
      ),
      result(
        'rebuild heap peak, second half of the log',
        'MB',
        megabytes(secondHalf),
        'heap peak, first half of the log',
        megabytes(firstHalf),
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
