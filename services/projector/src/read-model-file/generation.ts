/**
 * Generations of the read-model file and the atomic swap a rebuild ends with.
 *
 * `read-models.db` in the data directory is the current generation: a plain file until the
 * first rebuild, then a symbolic link to `read-models.rebuild-<stamp>.db`. A rebuild fills a
 * fresh file, makes it self-contained (no write-ahead log beside it) and swaps it in by
 * renaming a new link over `read-models.db`: rename(2) is atomic, so every opener sees either
 * the old generation or the new one, never a mix. SQLite resolves the link when it opens the
 * file, so each generation keeps its own `-wal`/`-shm` files and the swap cannot pair a
 * database with another generation's log.
 *
 * Whoever has a generation open (the projector, a reader) notices the swap by comparing the
 * inode behind `read-models.db` with the inode it opened (`isCurrent`), and reopens. Until it
 * does, it keeps serving the old copy, which stays readable even once unlinked.
 * POSIX only (symbolic links, rename over a link); must never delete the current generation.
 */
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const READ_MODEL_FILE = 'read-models.db';
const REBUILD_PREFIX = 'read-models.rebuild-';

export function readModelPath(dataDir: string): string {
  return join(dataDir, READ_MODEL_FILE);
}

/** A fresh, unused file name for a rebuild (the stamp sorts by time). */
export function rebuildPath(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '').replace('T', '-').replace('Z', '');
  const suffix = process.pid.toString(36);
  return join(dataDir, `${REBUILD_PREFIX}${stamp}-${suffix}.db`);
}

/** Identity of an opened generation: the inode, which a swap changes. */
export type GenerationId = { readonly dev: number; readonly ino: number };

export function generationOf(path: string): GenerationId | undefined {
  try {
    const stat = statSync(path);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return undefined;
  }
}

export function sameGeneration(a: GenerationId | undefined, b: GenerationId | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/** Syncs a file, then its directory, so a rename that follows cannot outlive the content. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDirectory(dir: string): void {
  syncFile(dir);
}

/**
 * Makes `builtFile` (a closed, self-contained SQLite file in the data directory) the current
 * generation. Returns the file the link pointed to before, if it was a rebuild file, so the
 * caller may delete it once nobody needs it.
 */
export function swapGeneration(dataDir: string, builtFile: string): string | undefined {
  const link = readModelPath(dataDir);
  const previous = currentTarget(dataDir);
  syncFile(builtFile);
  const temporary = `${link}.swap-${process.pid}`;
  rmSync(temporary, { force: true });
  symlinkSync(basename(builtFile), temporary);
  renameSync(temporary, link);
  syncDirectory(dirname(link));
  return previous !== undefined && basename(previous).startsWith(REBUILD_PREFIX)
    ? previous
    : undefined;
}

/** The file the current generation lives in (the link's target, or the plain file). */
export function currentTarget(dataDir: string): string | undefined {
  const link = readModelPath(dataDir);
  try {
    const stat = statSync(link);
    if (!stat.isFile()) return undefined;
  } catch {
    return undefined;
  }
  return realpathSafe(link);
}

/** Removes a generation file and its SQLite companions. Never the current generation. */
export function removeGeneration(dataDir: string, file: string): void {
  const current = currentTarget(dataDir);
  if (current !== undefined && realpathSafe(file) === current) return;
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${file}${suffix}`, { force: true });
}

function realpathSafe(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Once `read-models.db` is a link, the `-wal`/`-shm` files named after it belonged to the
 * original plain file, which a previous swap replaced: no opener uses them any more (SQLite
 * names them after the link's target), so they can go.
 */
export function removeOrphanedCompanions(dataDir: string): void {
  const link = readModelPath(dataDir);
  try {
    if (!lstatSync(link).isSymbolicLink()) return;
  } catch {
    return;
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${link}${suffix}`, { force: true });
}

/** Rebuild files left behind by rebuilds that did not finish (never the current one). */
export function abandonedRebuildFiles(dataDir: string, keep: readonly string[] = []): string[] {
  const current = currentTarget(dataDir);
  const kept = new Set(keep.map((path) => realpathSafe(path) ?? path));
  return readdirSync(dataDir)
    .filter((name) => name.startsWith(REBUILD_PREFIX) && name.endsWith('.db'))
    .map((name) => realpathSafe(join(dataDir, name)) ?? join(dataDir, name))
    .filter((path) => path !== current && !kept.has(path));
}
