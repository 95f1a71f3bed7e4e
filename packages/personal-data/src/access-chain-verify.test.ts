import { describe, expect, it } from 'vitest';
import { accessEntryHash, GENESIS_HASH } from './access-chain.ts';
import { verifyAccessChain } from './access-chain-verify.ts';
import type { AccessLogRow } from './access-log-row.ts';

function chain(count: number): AccessLogRow[] {
  const rows: AccessLogRow[] = [];
  let previous = GENESIS_HASH;
  for (let sequence = 1; sequence <= count; sequence += 1) {
    const content = {
      sequence,
      at: `2025-10-29T0${sequence}:00:00.000Z`,
      agency: 'pdrm',
      sub: `officer-${sequence}`,
      caseId: 'case-1',
      purpose: sequence % 2 ? 'investigation' : null,
      channel: 'api',
      previousHash: previous,
    };
    const hash = accessEntryHash(content);
    rows.push({
      sequence,
      at: content.at,
      agency: content.agency,
      sub: content.sub,
      case_id: content.caseId,
      purpose: content.purpose,
      channel: 'api',
      previous_hash: previous,
      hash,
    });
    previous = hash;
  }
  return rows;
}

const headOf = (rows: AccessLogRow[]) => {
  const last = rows.at(-1);
  return last ? { sequence: last.sequence, hash: last.hash } : undefined;
};

describe('verifyAccessChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const rows = chain(4);
    expect(verifyAccessChain(rows, headOf(rows))).toEqual({
      ok: true,
      entries: 4,
      head: headOf(rows),
    });
    expect(verifyAccessChain([], undefined)).toEqual({ ok: true, entries: 0, head: undefined });
  });

  it('names a changed entry', () => {
    const rows = chain(4);
    rows[1] = { ...rows[1]!, purpose: 'curiosity' };
    expect(verifyAccessChain(rows, headOf(chain(4)))).toMatchObject({
      ok: false,
      firstBadSequence: 2,
      problem: expect.stringMatching(/#2: its contents do not match its hash/),
    });
  });

  it('names a removed entry in the middle and at the tail', () => {
    const rows = chain(4);
    const head = headOf(rows);
    expect(verifyAccessChain([rows[0]!, rows[2]!, rows[3]!], head)).toMatchObject({
      ok: false,
      firstBadSequence: 2,
    });
    expect(verifyAccessChain(rows.slice(0, 3), head)).toMatchObject({
      ok: false,
      firstBadSequence: 4,
    });
  });

  it('names a re-forged entry at the first link it breaks, and a row past the head', () => {
    const rows = chain(4);
    const head = headOf(rows);
    const forged = { ...rows[1]!, sub: 'someone-else' };
    forged.hash = accessEntryHash({
      sequence: 2,
      at: forged.at,
      agency: forged.agency,
      sub: forged.sub,
      caseId: forged.case_id,
      purpose: forged.purpose ?? null,
      channel: forged.channel,
      previousHash: forged.previous_hash,
    });
    expect(verifyAccessChain([rows[0]!, forged, rows[2]!, rows[3]!], head)).toMatchObject({
      ok: false,
      firstBadSequence: 3,
    });
    const longer = chain(5);
    expect(verifyAccessChain(longer, head)).toMatchObject({ ok: false, firstBadSequence: 5 });
  });

  it('reports a malformed row instead of throwing', () => {
    const rows: unknown[] = chain(2);
    rows[1] = { ...(rows[1] as object), channel: 'telepathy' };
    expect(verifyAccessChain(rows, undefined)).toMatchObject({ ok: false, firstBadSequence: 2 });
  });
});
