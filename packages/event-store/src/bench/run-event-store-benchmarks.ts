/**
 * The event-store benchmarks (`pnpm casetrail bench`, group `event-store`): the embedded store
 * side by side, in one run, with raw node:sqlite doing the same writes and reads of the same
 * rows under the same durability setting. Store and baseline take turns in small chunks, so a
 * busy neighbour on a shared machine slows both alike; each figure is the median of its rounds.
 * Writes only to its own temporary files; never touches the engine's data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { NewEvent } from '../port.ts';
import { type EventRow, eventColumns } from '../sqlite/event-row.ts';
import { openSqliteEventStore } from '../sqlite/sqlite-event-store.ts';
import { SYNCHRONOUS_SETTING } from '../sqlite/sqlite-schema.ts';
import { benchEvents, median } from './bench-fixtures.ts';
import type { BenchResult, EventStoreBenchOptions } from './bench-result.ts';
import { openRawBaseline } from './raw-sqlite-baseline.ts';

const group = 'event-store';
const unit = 'events/s';
const setting = `WAL, synchronous=${SYNCHRONOUS_SETTING}`;
const chunkEvents = 1_000;

/** Rates (events/s) of each chunk, for the store and for the raw baseline. */
type Samples = { store: number[]; raw: number[] };

const samples = (): Samples => ({ store: [], raw: [] });

export async function runEventStoreBenchmarks(
  options: EventStoreBenchOptions = {},
): Promise<BenchResult[]> {
  const quick = options.quick ?? false;
  const rounds = options.rounds ?? (quick ? 1 : 3);
  const singles = quick ? 200 : 1_000;
  const batches = quick ? 20 : 100;
  const say = options.onProgress ?? (() => undefined);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'casetrail-bench-'));
  const figures = { single: samples(), batch: samples(), stream: samples(), all: samples() };
  try {
    // A small round first, not counted: both sides run with warm code and caches.
    say('event-store warm-up');
    await appendRound(join(dir, 'warm-single'), benchEvents(100), 1, samples());
    await appendRound(join(dir, 'warm-batch'), benchEvents(1_000), 100, samples());
    await readRound(join(dir, 'warm-batch'), 10, samples(), samples());
    for (let round = 1; round <= rounds; round++) {
      say(`event-store round ${round}/${rounds}: ${singles} appends of 1 event`);
      await appendRound(join(dir, `single-${round}`), benchEvents(singles), 1, figures.single);
      say(`event-store round ${round}/${rounds}: ${batches} appends of 100 events`);
      const path = join(dir, `batch-${round}`);
      await appendRound(path, benchEvents(batches * 100), 100, figures.batch);
      say(`event-store round ${round}/${rounds}: stream and whole-log reads`);
      await readRound(path, batches, figures.stream, figures.all);
    }
  } finally {
    if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
  return [
    result(
      'append, 1 event per call',
      figures.single,
      `raw INSERT, 1 row per transaction (${setting})`,
    ),
    result(
      'append, 100 events per call',
      figures.batch,
      `raw INSERT, 100 rows per transaction (${setting})`,
    ),
    result('read stream (100 events)', figures.stream, 'raw SELECT of the same stream rows'),
    result('read whole log', figures.all, 'raw SELECT of the same rows in position order'),
  ];
}

/** Medians of the chunk rates: a burst of load from a neighbour moves a few chunks, not the figure. */
function result(name: string, figure: Samples, baseline: string): BenchResult {
  const value = median(figure.store);
  const baselineValue = median(figure.raw);
  return { group, name, unit, value, baseline, baselineValue, ratio: value / baselineValue };
}

const rate = (events: number, startedAt: number) =>
  events / ((performance.now() - startedAt) / 1000);

/**
 * Appends `events` in calls of `perCall` (streams of 50, or one stream per batch), in chunks;
 * after each chunk the rows the store wrote are replayed raw, in the same transaction sizes.
 */
async function appendRound(
  dir: string,
  events: readonly NewEvent[],
  perCall: number,
  figure: Samples,
): Promise<void> {
  const store = await openSqliteEventStore({ path: join(dir, 'store.db') });
  const raw = openRawBaseline(join(dir, 'raw.db'));
  const written = new DatabaseSync(join(dir, 'store.db'), { readOnly: true });
  const newRows = written.prepare(
    `SELECT ${eventColumns} FROM events WHERE position > ? ORDER BY position`,
  );
  newRows.setReturnArrays(true);
  const streamLength = Math.max(perCall, 50);
  const chunkSize = perCall === 1 ? 100 : chunkEvents;
  let replayed = 0;
  try {
    for (let chunk = 0; chunk < events.length; chunk += chunkSize) {
      const end = Math.min(chunk + chunkSize, events.length);
      let startedAt = performance.now();
      for (let offset = chunk; offset < end; offset += perCall) {
        const stream = Math.floor(offset / streamLength);
        const revision = offset - stream * streamLength - 1;
        await store.append(`case-${stream}`, events.slice(offset, offset + perCall), {
          expectedRevision: revision < 0 ? 'no_stream' : revision,
        });
      }
      figure.store.push(rate(end - chunk, startedAt));
      const rows = newRows.all(replayed) as unknown as EventRow[];
      replayed = rows[rows.length - 1]?.[0] ?? replayed;
      startedAt = performance.now();
      for (let offset = 0; offset < rows.length; offset += perCall)
        raw.insert(rows.slice(offset, offset + perCall));
      figure.raw.push(rate(rows.length, startedAt));
    }
  } finally {
    written.close();
    raw.close();
    await store.close();
  }
}

/** Reads every stream whole, store and raw in turn; then the whole log in turns of 1000. */
async function readRound(
  dir: string,
  streams: number,
  stream: Samples,
  all: Samples,
): Promise<void> {
  const store = await openSqliteEventStore({ path: join(dir, 'store.db') });
  const raw = openRawBaseline(join(dir, 'raw.db'));
  try {
    // Ten streams per sample: one stream of 100 events is too short to time on its own.
    for (let first = 0; first < streams; first += 10) {
      const last = Math.min(first + 10, streams);
      let count = 0;
      let startedAt = performance.now();
      for (let index = first; index < last; index++) {
        for await (const _event of store.readStream(`case-${index}`)) count += 1;
      }
      stream.store.push(rate(count, startedAt));
      count = 0;
      startedAt = performance.now();
      for (let index = first; index < last; index++)
        count += raw.readStream(`case-${index}`).length;
      stream.raw.push(rate(count, startedAt));
    }
    for (let after = 0; ; ) {
      const from = after;
      let count = 0;
      let startedAt = performance.now();
      for await (const event of store.readAll({ afterPosition: after, maxCount: chunkEvents })) {
        after = event.position;
        count += 1;
      }
      if (count === 0) break;
      all.store.push(rate(count, startedAt));
      startedAt = performance.now();
      const rows = raw.readAllAfter(from, chunkEvents);
      all.raw.push(rate(rows, startedAt));
    }
  } finally {
    raw.close();
    await store.close();
  }
}
