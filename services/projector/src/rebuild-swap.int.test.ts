import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type EventStore, openSqliteEventStore } from '@casetrail/event-store';
import { type TempDir, tempDir, waitFor } from '@casetrail/test-harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSyntheticLog } from './bench/write-synthetic-log.ts';
import { openReadModels } from './queries/read-models.ts';
import { readCheckpoint, readNationalSummary } from './queries/read-queries.ts';
import { readModelPath } from './read-model-file/generation.ts';
import { RebuildInProgressError } from './runner/rebuild-lock.ts';
import { rebuildReadModels } from './runner/rebuild-read-models.ts';
import { startProjector } from './start-projector.ts';
import { readModelSnapshot } from './testing/read-model-snapshot.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('rebuild into a fresh copy and atomic swap', () => {
  let dir: TempDir;
  let store: EventStore;

  beforeEach(async () => {
    dir = tempDir('casetrail-rebuild-');
    store = await openSqliteEventStore({ path: join(dir.path, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('keeps serving the old copy until the swap, then everyone moves to the new one', async () => {
    await writeSyntheticLog(store, { events: 2_000, seed: 21, interleave: 30 });
    const dataDir = join(dir.path, 'data');
    const projector = await startProjector({
      store,
      dataDir,
      logger: quiet,
      generationCheckMs: 50,
    });
    const reader = openReadModels({ dataDir });
    // Agencies keep recording while the rebuild runs: a few appends per rebuild batch.
    const appends: Promise<unknown>[] = [];
    let seed = 100;
    const record = () => {
      if (appends.length < 40)
        appends.push(writeSyntheticLog(store, { events: 5, seed: seed++, interleave: 2 }));
    };
    try {
      await projector.waitForPosition((await store.headPosition()) as number);
      const oldFile = reader.location();
      expect(projector.status().file).toBe(oldFile);
      const phases: string[] = [];
      const result = await rebuildReadModels({
        store,
        dataDir,
        batchSize: 100,
        onProgress: (progress) => {
          record();
          if (!phases.includes(progress.phase)) phases.push(progress.phase);
          if (progress.phase === 'replay' || progress.phase === 'republish') {
            // Mid-rebuild: readers and the projector are still on the old copy.
            expect(reader.location()).toBe(oldFile);
            expect(projector.status().file).toBe(oldFile);
            expect(readNationalSummary(reader).affected).toBeGreaterThan(0);
          }
        },
      });
      expect(phases).toEqual(['replay', 'republish', 'swap', 'done']);
      expect(lstatSync(readModelPath(dataDir)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(readModelPath(dataDir))).toBe(basename(result.file));
      expect(reader.location()).toBe(result.file);
      await waitFor(() => projector.status().file === result.file, {
        timeoutMs: 10_000,
        what: 'the projector to reopen',
      });

      await Promise.all(appends);
      expect(appends.length).toBeGreaterThan(10);
      const head = (await store.headPosition()) as number;
      await projector.waitForPosition(head);
      expect(readCheckpoint(reader)).toBe(head);
    } finally {
      await Promise.allSettled(appends);
      reader.close();
      await projector.stop();
    }
    const freshDir = join(dir.path, 'fresh');
    await rebuildReadModels({ store, dataDir: freshDir });
    expect(readModelSnapshot(readModelPath(dataDir))).toEqual(
      readModelSnapshot(readModelPath(freshDir)),
    );
  });

  it('rebuilds one read model from the start and keeps the others', async () => {
    await writeSyntheticLog(store, { events: 1_500, seed: 22, interleave: 25 });
    const dataDir = join(dir.path, 'data');
    await rebuildReadModels({ store, dataDir });
    const before = readModelSnapshot(readModelPath(dataDir));
    const first = readlinkSync(readModelPath(dataDir));
    // Damage one model's table in the current file; rebuilding that model alone repairs it
    // from the log, and the other models come through untouched.
    const damage = {
      'national-summary': "UPDATE national_counts SET value = value + 5 WHERE key = 'affected:all'",
      'prosecution-register': 'DELETE FROM prosecution_register',
      'open-handovers': 'DELETE FROM open_handovers',
      'case-summaries':
        'DELETE FROM case_summaries WHERE case_id IN (SELECT case_id FROM case_summaries LIMIT 25)',
    } as const;
    for (const projection of Object.keys(damage) as (keyof typeof damage)[]) {
      const db = new DatabaseSync(readModelPath(dataDir));
      db.exec(damage[projection]);
      db.close();
      expect(readModelSnapshot(readModelPath(dataDir))).not.toEqual(before);
      const result = await rebuildReadModels({ store, dataDir, projection });
      expect(result.projection).toBe(projection);
      expect(readModelSnapshot(readModelPath(dataDir))).toEqual(before);
    }
    // Each swap removed the generation it replaced.
    const generations = readdirSync(dataDir).filter(
      (name) => name.startsWith('read-models.rebuild-') && name.endsWith('.db'),
    );
    expect(generations).toEqual([readlinkSync(readModelPath(dataDir))]);
    expect(generations).not.toContain(first);
  });

  it('refuses a second rebuild while one runs', async () => {
    await writeSyntheticLog(store, { events: 300, seed: 23, interleave: 5 });
    const dataDir = join(dir.path, 'data');
    let second: Promise<unknown> | undefined;
    await rebuildReadModels({
      store,
      dataDir,
      onProgress: () => {
        second ??= rebuildReadModels({ store, dataDir });
      },
    });
    await expect(second).rejects.toBeInstanceOf(RebuildInProgressError);
  });
});
