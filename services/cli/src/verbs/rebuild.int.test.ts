/**
 * `pnpm casetrail rebuild` as a real process over a real embedded store: rebuilds every read
 * model (or one), swaps the fresh copy in, shows progress on stderr, and refuses bad usage.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteEventStore } from '@casetrail/event-store';
import {
  openReadModels,
  readCheckpoint,
  readModelPath,
  writeSyntheticLog,
} from '@casetrail/projector';
import { tempDir } from '@casetrail/test-harness';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));

function casetrail(args: string[], dataDir: string) {
  return spawnSync(process.execPath, [cli, 'rebuild', ...args], {
    env: { ...process.env, CASETRAIL_DATA_DIR: dataDir, CASETRAIL_STORE: '' },
    encoding: 'utf8',
  });
}

describe('casetrail rebuild', () => {
  it('rebuilds all read models, then one, from the log', async () => {
    const dir = tempDir('casetrail-rebuild-cli-');
    try {
      const store = await openSqliteEventStore({ path: join(dir.path, 'events.db') });
      await writeSyntheticLog(store, { events: 800, seed: 71, interleave: 10 });
      const head = await store.headPosition();
      await store.close();

      const all = casetrail([], dir.path);
      expect(all.status, all.stderr).toBe(0);
      expect(all.stdout).toMatch(/^rebuilt all read models: \d+ events folded/);
      expect(all.stderr).toContain('rebuilding all read models');
      expect(lstatSync(readModelPath(dir.path)).isSymbolicLink()).toBe(true);
      const readModels = openReadModels({ dataDir: dir.path });
      expect(readCheckpoint(readModels)).toBe(head);
      readModels.close();

      const one = casetrail(['national-summary', '--json'], dir.path);
      expect(one.status, one.stderr).toBe(0);
      expect(JSON.parse(one.stdout)).toMatchObject({
        projection: 'national-summary',
        checkpoint: head,
      });
    } finally {
      dir.remove();
    }
  });

  it('refuses an unknown read model and a missing store with exit code 2', () => {
    const dir = tempDir('casetrail-rebuild-cli-');
    try {
      const unknown = casetrail(['everything'], dir.path);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/unknown read model 'everything' \(one of: case-summaries/);
      const missing = casetrail([], dir.path);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/no event store/);
    } finally {
      dir.remove();
    }
  });
});
