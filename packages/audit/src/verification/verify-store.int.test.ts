/**
 * The tampering test of issue 6: a real SQLite store is changed directly on disk at 1,000
 * random places (data, metadata, type, store time, stored hash, stream, order within a stream
 * and in the log, a deleted row, an inserted row) and the verifier must find every one, naming
 * the stream and position (or the log-chain break, or the anchor) where it happened. Each
 * tamper gets a fresh copy of a small store, so the run stays short. The seed is printed.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteEventStore } from '@casetrail/event-store';
import { tempDir } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodies, reportBody } from '../testing/case-bodies.ts';
import { openCaseRecorder } from '../testing/case-recorder.ts';
import { type Expectation, tamperKinds, tamperSqliteFile } from '../testing/tamper-sqlite-file.ts';
import type { LogAnchor, StoreVerification } from './verify-store.ts';
import { verifyStore } from './verify-store.ts';

const TAMPERS = 1000;
const CASES = 12;

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function found(result: StoreVerification, expected: Expectation): boolean {
  if ('anchor' in expected) return result.anchor !== null;
  if ('logChainAt' in expected) return result.logChain?.position === expected.logChainAt;
  return result.badStreams.some(
    (bad) => bad.streamId === expected.stream && bad.position === expected.position,
  );
}

describe('the verifier finds tampering at 1,000 random places of a real SQLite file', () => {
  const dir = tempDir('casetrail-audit-tamper-');
  const pristine = join(dir.path, 'events.db');
  const work = join(dir.path, 'work.db');
  let anchor: LogAnchor;

  beforeAll(async () => {
    const recorder = await openCaseRecorder(dir.path);
    const ids = Array.from({ length: CASES }, (_, i) => `01JT${String(i).padStart(22, '0')}`);
    // Round-robin so that streams interleave in the global log.
    for (const [i, id] of ids.entries())
      await recorder.record(id, 'ReportCase', reportBody(i), { agency: 'pdrm' });
    for (const id of ids)
      await recorder.record(id, 'RecordTracking', bodies.tracking(), { agency: 'embassy' });
    for (const id of ids.slice(0, 8))
      await recorder.record(id, 'RecordRescue', bodies.rescue(), { agency: 'pdrm' });
    for (const id of ids.slice(0, 6))
      await recorder.record(id, 'ReclassifyPerson', bodies.reclassify, { agency: 'mapo' });
    for (const id of ids.slice(0, 5))
      await recorder.record(id, 'RecordRepatriation', bodies.repatriation(), {
        agency: 'immigration',
      });
    await recorder.close();
  });
  afterAll(() => dir.remove());

  it('finds nothing wrong with the untouched store, and anchors its head', async () => {
    const store = await openSqliteEventStore({ path: pristine });
    const result = await verifyStore(store);
    await store.close();
    expect(result).toMatchObject({ ok: true, badStreams: [], logChain: null, anchor: null });
    expect(result.eventsChecked).toBe(CASES * 2 + 8 + 6 + 5);
    anchor = { position: result.head!.position, logHash: result.head!.logHash! };
  });

  it(`finds each of ${TAMPERS} tampers`, async () => {
    const seed = Number(process.env.CASETRAIL_TAMPER_SEED ?? Date.now() % 2 ** 31);
    process.stderr.write(`tamper test seed: ${seed} (CASETRAIL_TAMPER_SEED=${seed} to repeat)\n`);
    const random = mulberry32(seed);
    const missed: string[] = [];
    const perKind = new Map<string, number>();
    for (let i = 0; i < TAMPERS; i++) {
      const kind = tamperKinds[i % tamperKinds.length]!;
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
      copyFileSync(pristine, work);
      const expected = tamperSqliteFile(work, kind, random);
      const store = await openSqliteEventStore({ path: work });
      const result = await verifyStore(store, { anchor });
      await store.close();
      if (result.ok || !expected.every((where) => found(result, where))) {
        missed.push(
          `#${i} ${kind}: expected ${JSON.stringify(expected)}, got ${JSON.stringify({ ok: result.ok, badStreams: result.badStreams, logChain: result.logChain, anchor: result.anchor })}`,
        );
      }
    }
    expect(missed.slice(0, 5), `seed ${seed}`).toEqual([]);
    expect(missed).toHaveLength(0);
    expect(Math.min(...perKind.values())).toBeGreaterThanOrEqual(TAMPERS / tamperKinds.length);
  });
});
