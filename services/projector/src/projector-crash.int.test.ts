/**
 * The projector killed with SIGKILL at random moments while agencies keep appending, twelve
 * times over: after each restart it resumes from its checkpoint, and in the end its read
 * models equal a fresh rebuild of the same log (nothing lost, nothing doubled), its file is
 * intact, and its outbox has drained to a real NATS server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type EventStore, openSqliteEventStore } from '@casetrail/event-store';
import { startNatsServer, type TempDir, tempDir, waitFor } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from './bench/synthetic-cases.ts';
import { writeSyntheticLog } from './bench/write-synthetic-log.ts';
import { readModelPath } from './read-model-file/generation.ts';
import { rebuildReadModels } from './runner/rebuild-read-models.ts';
import { readModelSnapshot } from './testing/read-model-snapshot.ts';

const KILLS = 12;
const main = new URL('./main.ts', import.meta.url).pathname;

function checkpointOf(dataDir: string): number {
  try {
    const db = new DatabaseSync(readModelPath(dataDir), { readOnly: true });
    try {
      const row = db.prepare("SELECT position FROM checkpoint WHERE name = 'read-models'").get() as
        | { position: number }
        | undefined;
      return row?.position ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe('projector killed with SIGKILL under load', () => {
  let dir: TempDir;
  let store: EventStore;
  let nats: Awaited<ReturnType<typeof startNatsServer>>;

  beforeAll(async () => {
    dir = tempDir('casetrail-crash-');
    store = await openSqliteEventStore({ path: join(dir.path, 'events.db') });
    nats = await startNatsServer();
  });
  afterAll(async () => {
    await store.close();
    if ('server' in nats) await nats.server.dispose();
    dir.remove();
  });

  it(`read models equal a fresh rebuild after ${KILLS} kills`, async () => {
    const dataDir = join(dir.path, 'data');
    const natsUrl = 'server' in nats ? nats.server.url : 'nats://127.0.0.1:1';
    const spawnProjector = (): ChildProcess =>
      spawn(process.execPath, [main], {
        env: {
          ...process.env,
          CASETRAIL_STORE: `sqlite:${join(dir.path, 'events.db')}`,
          CASETRAIL_DATA_DIR: dataDir,
          NATS_URL: natsUrl,
          CASETRAIL_LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    const exited = (child: ChildProcess) =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
        else child.once('exit', (code) => resolve(code));
      });

    await writeSyntheticLog(store, { events: 500, seed: 31, interleave: 20 });
    // Agencies keep appending for the whole test. The store's appends settle without I/O
    // waits, so the loop yields a turn between them (timers and child events must run).
    let writing = true;
    let seed = 40;
    const writer = (async () => {
      while (writing) {
        await writeSyntheticLog(store, { events: 10, seed: seed++, interleave: 4 });
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const random = seededRandom(2024);
    const killedAt: number[] = [];
    try {
      for (let kill = 0; kill < KILLS; kill += 1) {
        const child = spawnProjector();
        // A random moment: once the projector has moved past a random point ahead of where
        // it restarted (it is then mid-way through its work, with appends still coming).
        const start = checkpointOf(dataDir);
        const target = start + 1 + Math.floor(random() * 150);
        await waitFor(() => checkpointOf(dataDir) >= target || child.exitCode !== null, {
          timeoutMs: 60_000,
          what: `the projector to pass position ${target}`,
        });
        expect(child.exitCode).toBeNull();
        child.kill('SIGKILL');
        await exited(child);
        killedAt.push(checkpointOf(dataDir));
      }
    } finally {
      writing = false;
      await writer;
    }
    expect(killedAt).toHaveLength(KILLS);

    // The last run catches up with everything, then stops cleanly.
    const head = (await store.headPosition()) as number;
    const last = spawnProjector();
    await waitFor(() => checkpointOf(dataDir) === head, {
      timeoutMs: 60_000,
      what: 'the final catch-up',
    });
    if ('server' in nats) {
      await waitFor(
        () => {
          const db = new DatabaseSync(readModelPath(dataDir), { readOnly: true });
          const row = db.prepare('SELECT count(*) AS owed FROM casetrail_outbox').get() as {
            owed: number;
          };
          db.close();
          return row.owed === 0;
        },
        { timeoutMs: 60_000, what: 'the outbox to drain to NATS' },
      );
    }
    last.kill('SIGTERM');
    expect(await exited(last)).toBe(0);

    const file = new DatabaseSync(readModelPath(dataDir), { readOnly: true });
    expect(file.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    file.close();
    const freshDir = join(dir.path, 'fresh');
    await rebuildReadModels({ store, dataDir: freshDir, republish: false });
    expect(readModelSnapshot(readModelPath(dataDir))).toEqual(
      readModelSnapshot(readModelPath(freshDir)),
    );
  });
});
