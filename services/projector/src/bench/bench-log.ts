/**
 * The benchmark's log: a synthetic log of N events in an embedded store file, generated
 * once and kept (keyed by size, seed and generator version) so later runs reuse it. It lives
 * in /dev/shm when that has room (appends sync every commit; on tmpfs that costs nothing),
 * else in the temporary directory. Reads are served from the page cache either way once the
 * file is warm, for the bare scan and the rebuild alike.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@casetrail/event-store';
import { writeSyntheticLog } from './write-synthetic-log.ts';

const GENERATOR_VERSION = 2;
const BYTES_PER_EVENT = 2_000;

export function benchLogDirectory(events: number): string {
  const shm = '/dev/shm';
  try {
    const stat = statfsSync(shm);
    if (stat.bavail * stat.bsize > events * BYTES_PER_EVENT * 2)
      return join(shm, 'casetrail-bench');
  } catch {
    // No /dev/shm here: use the temporary directory.
  }
  return join(tmpdir(), 'casetrail-bench');
}

export async function benchLog(
  events: number,
  options: { seed?: number; directory?: string; onProgress?: (written: number) => void } = {},
): Promise<{ path: string; generated: boolean; elapsedMs: number }> {
  const seed = options.seed ?? 7;
  const directory = options.directory ?? benchLogDirectory(events);
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `log-v${GENERATOR_VERSION}-${events}-seed${seed}.db`);
  if (existsSync(path)) return { path, generated: false, elapsedMs: 0 };
  const partial = `${path}.partial-${process.pid}`;
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
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
  await store.close();
  // Closing checkpointed the write-ahead log into the file: it is whole, rename it in place.
  renameSync(partial, path);
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  return { path, generated: true, elapsedMs: performance.now() - started };
}
