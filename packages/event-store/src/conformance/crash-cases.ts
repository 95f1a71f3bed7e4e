/**
 * Conformance: crash safety. A child process appends in a loop and is killed with SIGKILL at
 * random moments, at least 20 times; after each kill every append it had acknowledged is in the
 * store, no append is partial, and every chain verifies.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@casetrail/test-harness';
import { ulid } from 'ulid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { verifyLog } from '../integrity/verify-log.ts';
import { verifyStream } from '../integrity/verify-stream.ts';
import { type ConformanceFixture, type ConformanceTarget, collect } from './conformance-target.ts';

const writerPath = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

type Ack = { streamId: string; firstRevision: number; ids: string[] };

type Life = {
  child: ChildProcess;
  ready: boolean;
  acks: Ack[];
  stderr: string;
  exited: Promise<void>;
};

function startWriter(url: string, runId: string, acks: Ack[]): Life {
  const child = spawn(process.execPath, [writerPath, url, runId], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const life: Life = { child, ready: false, acks: [], stderr: '', exited: Promise.resolve() };
  life.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    // Only complete lines count: a line cut by the kill was never fully acknowledged.
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') life.ready = true;
      const [word, streamId, revision, ids] = line.split(' ');
      if (word !== 'ack') continue;
      const ack = { streamId: streamId!, firstRevision: Number(revision), ids: ids!.split(',') };
      life.acks.push(ack);
      acks.push(ack);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    life.stderr += chunk;
  });
  return life;
}

export function crashCases(target: ConformanceTarget): void {
  let fixture: ConformanceFixture;
  beforeEach(async () => {
    fixture = await target.open();
  });
  afterEach(async () => fixture.dispose());

  const kills = Math.max(20, target.crashKills ?? 20);
  it(`keeps every acknowledged append whole across ${kills} SIGKILLs`, async () => {
    const runId = ulid();
    const streams = [0, 1, 2].map((index) => `crash-${runId}-${index}`);
    const acks: Ack[] = [];
    const schedule: number[] = [];
    for (let kill = 1; kill <= kills; kill++) {
      // The moment: after a random number (0..8) of acknowledged appends of this life.
      const after = Math.floor(Math.random() * 9);
      schedule.push(after);
      const life = startWriter(fixture.url, runId, acks);
      try {
        await waitFor(
          () => {
            if (life.child.exitCode !== null) throw new Error(`writer exited: ${life.stderr}`);
            return life.ready && life.acks.length >= after;
          },
          { timeoutMs: 60_000, what: `crash writer life ${kill} (${after} acks)` },
        );
      } finally {
        life.child.kill('SIGKILL');
        await life.exited;
      }
      expect(life.child.signalCode, `life ${kill}: ${life.stderr}`).toBe('SIGKILL');

      for (const ack of acks) {
        const stored = await collect(
          fixture.store.readStream(ack.streamId, {
            fromRevision: ack.firstRevision,
            maxCount: ack.ids.length,
          }),
        );
        expect(
          stored.map((event) => event.id),
          `kill ${kill}, schedule ${schedule}`,
        ).toEqual(ack.ids);
      }
      for (const streamId of streams) {
        if ((await fixture.store.streamRevision(streamId)) === undefined) continue;
        const events = await collect(fixture.store.readStream(streamId));
        const batches = new Map<string, { size: number; count: number }>();
        for (const event of events) {
          const { batch, size } = event.data as { batch: string; size: number };
          const entry = batches.get(batch) ?? { size, count: 0 };
          entry.count += 1;
          batches.set(batch, entry);
        }
        for (const [batch, entry] of batches) {
          expect(entry.count, `batch ${batch} of ${streamId} is whole`).toBe(entry.size);
        }
        const verification = await verifyStream(fixture.store, streamId);
        expect(verification.problem).toBeUndefined();
      }
    }
    expect(acks.length).toBeGreaterThanOrEqual(schedule.reduce((sum, count) => sum + count, 0));
    const log = await verifyLog(fixture.store);
    expect(log.problems).toEqual([]);
  });
}
