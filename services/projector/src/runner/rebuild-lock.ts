/**
 * One rebuild at a time per data directory: an exclusive lock file holding the rebuilder's
 * process id. A lock left by a process that no longer exists (killed mid-rebuild) is taken
 * over; a live one refuses the second rebuild with a clear error.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class RebuildInProgressError extends Error {
  readonly code = 'RebuildInProgress' as const;
  override readonly name = 'RebuildInProgressError';
  readonly pid: number;
  constructor(pid: number) {
    super(`another rebuild (process ${pid}) is running on this data directory`);
    this.pid = pid;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireRebuildLock(dataDir: string): () => void {
  const path = join(dataDir, 'read-models.rebuild.lock');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && alive(holder)) {
        throw new RebuildInProgressError(holder);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the rebuild lock ${path}`);
}
