import { join } from 'node:path';
import { caseStreamId } from '@casetrail/domain';
import { type EventStore, openSqliteEventStore, type RecordedEvent } from '@casetrail/event-store';
import { caseSummaryOf, nationalSummaryAsOf, publicStatistics } from '@casetrail/projections';
import { type TempDir, tempDir } from '@casetrail/test-harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PII_MARKER } from './bench/synthetic-cases.ts';
import { writeSyntheticLog } from './bench/write-synthetic-log.ts';
import {
  readCaseSummary,
  readCheckpoint,
  readNationalSummary,
  readOpenHandovers,
  readProsecutionRegister,
  readPublicStatistics,
  readStaleCases,
} from './queries/read-queries.ts';
import { readModelPath } from './read-model-file/generation.ts';
import { rebuildReadModels } from './runner/rebuild-read-models.ts';
import { startProjector } from './start-projector.ts';
import { readModelSnapshot } from './testing/read-model-snapshot.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

describe('projector on a real SQLite store and read-model file', () => {
  let dir: TempDir;
  let store: EventStore;

  beforeEach(async () => {
    dir = tempDir('casetrail-projector-');
    store = await openSqliteEventStore({ path: join(dir.path, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('follows the log and serves every read model as the log says', async () => {
    await writeSyntheticLog(store, { events: 3_000, seed: 11, interleave: 40 });
    const dataDir = join(dir.path, 'data');
    const projector = await startProjector({ store, dataDir, logger: quiet, batchSize: 200 });
    try {
      const head = (await store.headPosition()) as number;
      await projector.waitForPosition(head);
      const events = await allEvents(store);
      const { readModels } = projector;
      expect(readCheckpoint(readModels)).toBe(head);

      const expected = nationalSummaryAsOf(events, { asOf: null, time: 'recorded' });
      const { position: _a, ...live } = readNationalSummary(readModels);
      const { position: _b, ...fresh } = expected;
      expect(live).toEqual(fresh);
      expect(readNationalSummary(readModels).check.addsUp).toBe(true);
      const { position: _c, ...published } = readPublicStatistics(readModels);
      const { position: _d, ...expectedPublic } = publicStatistics(expected);
      expect(published).toEqual(expectedPublic);

      const byStream = Map.groupBy(events, (event) => event.streamId);
      let prosecuted = 0;
      let offered = 0;
      for (const [streamId, stream] of byStream) {
        const summary = caseSummaryOf(stream);
        expect(summary).toBeDefined();
        const caseId = summary?.caseId as string;
        expect(streamId).toBe(caseStreamId(caseId));
        expect(readCaseSummary(readModels, caseId)).toEqual(summary);
        prosecuted += summary?.legal.prosecutions.length ?? 0;
        offered += summary?.openHandovers.length ?? 0;
      }
      expect(readProsecutionRegister(readModels)).toHaveLength(prosecuted);
      const handovers = Object.values(readOpenHandovers(readModels)).flat();
      expect(handovers).toHaveLength(offered);
      for (const handover of handovers) {
        expect(readOpenHandovers(readModels, handover.toAgency)).toContainEqual(handover);
      }
      const stale = readStaleCases(readModels, {
        now: new Date(Date.now() + 40 * 86_400_000),
        staleDays: 30,
      });
      expect(stale.length).toBeGreaterThan(0);
      expect(
        stale.every(
          (entry) =>
            ['reported', 'tracked', 'rescued'].includes(entry.whereabouts) ||
            entry.legal === 'prosecuted',
        ),
      ).toBe(true);
      expect(readStaleCases(readModels, { now: new Date(), staleDays: 30 })).toEqual([]);

      const file = readModelSnapshot(readModelPath(dataDir));
      expect(JSON.stringify(file)).not.toContain(PII_MARKER);
    } finally {
      await projector.stop();
    }
  });

  it('resumes from its checkpoint after a stop and applies live events as they come', async () => {
    await writeSyntheticLog(store, { events: 500, seed: 12, interleave: 10 });
    const dataDir = join(dir.path, 'data');
    let projector = await startProjector({ store, dataDir, logger: quiet });
    await projector.waitForPosition((await store.headPosition()) as number);
    await projector.stop();
    // Appended while no projector runs, then while one runs.
    await writeSyntheticLog(store, { events: 300, seed: 13, interleave: 10 });
    projector = await startProjector({ store, dataDir, logger: quiet });
    try {
      await projector.waitForPosition((await store.headPosition()) as number);
      await writeSyntheticLog(store, { events: 200, seed: 14, interleave: 5 });
      const head = (await store.headPosition()) as number;
      await projector.waitForPosition(head);
      expect(projector.status()).toMatchObject({ state: 'running', checkpoint: head });
    } finally {
      await projector.stop();
    }
    const rebuiltDir = join(dir.path, 'rebuilt');
    await rebuildReadModels({ store, dataDir: rebuiltDir });
    expect(readModelSnapshot(readModelPath(dataDir))).toEqual(
      readModelSnapshot(readModelPath(rebuiltDir)),
    );
  });

  it('never doubles an update when two projectors write the same file', async () => {
    await writeSyntheticLog(store, { events: 1_000, seed: 15, interleave: 20 });
    const dataDir = join(dir.path, 'data');
    const first = await startProjector({ store, dataDir, logger: quiet, batchSize: 50 });
    const second = await startProjector({ store, dataDir, logger: quiet, batchSize: 70 });
    try {
      await writeSyntheticLog(store, { events: 500, seed: 16, interleave: 20 });
      const head = (await store.headPosition()) as number;
      await Promise.all([first.waitForPosition(head), second.waitForPosition(head)]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    const rebuiltDir = join(dir.path, 'rebuilt');
    await rebuildReadModels({ store, dataDir: rebuiltDir });
    expect(readModelSnapshot(readModelPath(dataDir))).toEqual(
      readModelSnapshot(readModelPath(rebuiltDir)),
    );
  });

  it('stops loudly on an event it cannot fold, and records nothing of its batch', async () => {
    await writeSyntheticLog(store, { events: 50, seed: 17, interleave: 1 });
    await store.append(
      caseStreamId('01JBK3C45E0000000000000999'),
      [
        {
          id: '01JBK3C45E0000000000000999',
          type: 'PersonTracked',
          schemaVersion: 1,
          data: { location: { country: 'KH' } },
          metadata: {
            actor: { agency: 'pdrm', sub: 'x' },
            correlationId: 'c',
            occurredAt: '2024-01-01T00:00:00.000Z',
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const dataDir = join(dir.path, 'data');
    // One batch holds the 50 good events and the bad one: none of them may be recorded.
    const projector = await startProjector({ store, dataDir, logger: quiet, batchSize: 1_000 });
    const final = await projector.stopped;
    expect(final.state).toBe('failed');
    expect(final.lastError).toMatch(
      /ProjectionFailedError: cannot project the PersonTracked event at position \d+: PersonTracked before CaseReported/,
    );
    expect(final.checkpoint).toBeUndefined();
    const file = readModelSnapshot(readModelPath(dataDir));
    expect(file).toMatchObject({ checkpoint: undefined, cases: [], counts: [] });
  });
});
