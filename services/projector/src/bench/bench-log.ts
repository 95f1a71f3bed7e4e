/**
 * The benchmark's log: a synthetic log of N events in an embedded store file, generated once
 * and kept in the temporary directory (keyed by size, seed and generator version) so later
 * runs reuse it. It is written in /dev/shm when that has room (the store syncs every append;
 * on tmpfs that costs nothing), then moved to the temporary directory, so it does not hold
 * memory once the run is over. Reads come from the page cache either way once the file is
 * warm, for the bare scan and the rebuild alike.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@casetrail/event-store';
import { writeSyntheticLog } from './write-synthetic-log.ts';

const GENERATOR_VERSION = 2;
const BYTES_PER_EVENT = 2_000;

function scratchDirectory(events: number, fallback: string): string {
  try {
    const stat = statfsSync('/dev/shm');
    if (stat.bavail * stat.bsize > events * BYTES_PER_EVENT * 2) return '/dev/shm';
  } catch {
    // No /dev/shm here: write where the log is kept.
  }
  return fallback;
}

export async function benchLog(
  events: number,
  options: { seed?: number; directory?: string; onProgress?: (written: number) => void } = {},
): Promise<{ path: string; generated: boolean; elapsedMs: number }> {
  const seed = options.seed ?? 7;
  const directory = options.directory ?? join(tmpdir(), 'casetrail-bench');
  mkdirSync(directory, { recursive: true });
  const name = `log-v${GENERATOR_VERSION}-${events}-seed${seed}.db`;
  const path = join(directory, name);
  if (existsSync(path)) return { path, generated: false, elapsedMs: 0 };
  const partial = join(scratchDirectory(events, directory), `${name}.partial-${process.pid}`);
  const removePartial = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  };
  const started = performance.now();
  const store = await openSqliteEventStore({ path: partial });
  try {
    await writeSyntheticLog(store, {
      events,
      seed,
      interleave: 1,
      maxTrackingUpdates: 12,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (error) {
    await store.close();
    removePartial();
    throw error;
  }
  // Closing checkpoints the write-ahead log into the file: it is whole, move it in place.
  await store.close();
  try {
    renameSync(partial, path);
  } catch {
    copyFileSync(partial, `${path}.copy-${process.pid}`);
    renameSync(`${path}.copy-${process.pid}`, path);
  }
  removePartial();
  return { path, generated: true, elapsedMs: performance.now() - started };
}
