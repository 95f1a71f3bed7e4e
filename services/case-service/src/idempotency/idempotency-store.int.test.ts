import { join } from 'node:path';
import { tempDir } from '@casetrail/test-harness';
import { afterEach, describe, expect, it } from 'vitest';
import { openIdempotencyStore } from './idempotency-store.ts';

const answer = { status: 201, headers: { etag: '"0"' }, body: '{"revision":0}' };

describe('idempotency store (real SQLite file)', () => {
  const dirs: { remove(): void }[] = [];
  const open = (options: { leaseMs?: number; now?: () => number } = {}) => {
    const dir = tempDir('casetrail-idem-');
    dirs.push(dir);
    const path = join(dir.path, 'idempotency.db');
    return { path, store: openIdempotencyStore({ path, ...options }) };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) dir.remove();
  });

  it('claims once, replays the stored answer, refuses another body', () => {
    const { store } = open();
    const claim = store.claim('pdrm', 'k1', 'hash-a');
    expect(claim.kind).toBe('claimed');
    if (claim.kind !== 'claimed') return;
    expect(store.claim('pdrm', 'k1', 'hash-a')).toEqual({ kind: 'in-progress' });
    store.complete('pdrm', 'k1', claim.requestId, answer);
    expect(store.claim('pdrm', 'k1', 'hash-a')).toEqual({ kind: 'replay', answer });
    expect(store.claim('pdrm', 'k1', 'hash-b')).toEqual({ kind: 'mismatch' });
    store.close();
  });

  it('keeps keys per agency', () => {
    const { store } = open();
    expect(store.claim('pdrm', 'same', 'x').kind).toBe('claimed');
    expect(store.claim('mapo', 'same', 'y').kind).toBe('claimed');
    store.close();
  });

  it('survives reopening the file', () => {
    const { path, store } = open();
    const claim = store.claim('pdrm', 'k', 'h');
    if (claim.kind !== 'claimed') throw new Error('not claimed');
    store.complete('pdrm', 'k', claim.requestId, answer);
    store.close();
    const reopened = openIdempotencyStore({ path });
    expect(reopened.claim('pdrm', 'k', 'h')).toEqual({ kind: 'replay', answer });
    reopened.close();
  });

  it('hands a released or expired claim over with the same request id', () => {
    let clock = 1_000;
    const { store } = open({ leaseMs: 100, now: () => clock });
    const first = store.claim('pdrm', 'k', 'h');
    if (first.kind !== 'claimed') throw new Error('not claimed');
    store.release('pdrm', 'k', first.requestId);
    expect(store.claim('pdrm', 'k', 'h')).toEqual({ kind: 'claimed', requestId: first.requestId });
    expect(store.claim('pdrm', 'k', 'h')).toEqual({ kind: 'in-progress' });
    clock += 101;
    expect(store.claim('pdrm', 'k', 'h')).toEqual({ kind: 'claimed', requestId: first.requestId });
    store.close();
  });

  it('lets exactly one of two connections claim a key', () => {
    const { path, store } = open();
    const other = openIdempotencyStore({ path });
    const kinds = [store.claim('pdrm', 'race', 'h').kind, other.claim('pdrm', 'race', 'h').kind];
    expect(kinds.sort()).toEqual(['claimed', 'in-progress']);
    store.close();
    other.close();
  });
});
