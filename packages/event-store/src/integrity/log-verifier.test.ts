import { describe, expect, it } from 'vitest';
import { sealEvents } from '../append/seal-events.ts';
import { testEvents } from '../conformance/conformance-target.ts';
import { CorruptEventError } from '../errors.ts';
import { parseAppend } from '../input/parse-append.ts';
import type { RecordedEvent } from '../port.ts';
import { GENESIS_HASH, hashLogLink } from './hash-chain.ts';
import { createLogVerifier } from './log-verifier.ts';

/** A well-formed log of two interleaved streams, built the way the SQLite adapter builds it. */
function buildLog(): RecordedEvent[] {
  const log: RecordedEvent[] = [];
  const tails = new Map<string, { revision: number | undefined; hash: string }>();
  let logHash = GENESIS_HASH;
  for (let index = 0; index < 6; index++) {
    const streamId = index % 2 === 0 ? 'case-a' : 'case-b';
    const { events, encoded } = parseAppend(streamId, testEvents(1), { expectedRevision: 'any' });
    const tail = tails.get(streamId) ?? { revision: undefined, hash: GENESIS_HASH };
    const [sealed] = sealEvents(streamId, events, encoded, tail, '2025-10-29T04:00:00.000Z');
    const position = index + 1;
    logHash = hashLogLink({ position, hash: sealed!.hash, previousLogHash: logHash });
    log.push({ ...sealed!, position, logHash });
    tails.set(streamId, { revision: sealed!.revision, hash: sealed!.hash });
  }
  return log;
}

function verify(log: readonly (RecordedEvent | CorruptEventError)[]) {
  const verifier = createLogVerifier();
  for (const entry of log) {
    if (entry instanceof CorruptEventError) verifier.visitCorrupt(entry);
    else verifier.visit(entry);
  }
  return verifier.result();
}

describe('createLogVerifier', () => {
  it('accepts a well-formed log and reports its head for anchoring', () => {
    const log = buildLog();
    expect(verify(log)).toEqual({
      ok: true,
      eventsChecked: 6,
      streamsChecked: 2,
      problems: [],
      head: { position: 6, logHash: log[5]!.logHash },
    });
  });

  it('names the first bad event of a stream and keeps checking the others', () => {
    const log = buildLog();
    log[2] = { ...log[2]!, data: { changed: true } };
    log[4] = { ...log[4]!, data: { changed: true } };
    const result = verify(log);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        failure: 'hash-mismatch',
        streamId: 'case-a',
        revision: 1,
        position: 3,
      }),
    ]);
  });

  it('finds a removed event through the revision gap and the log chain', () => {
    const log = buildLog();
    log.splice(2, 1);
    const failures = verify(log).problems.map((problem) => [problem.failure, problem.position]);
    expect(failures).toEqual([
      ['log-chain-broken', 4],
      ['revision-gap', 5],
    ]);
  });

  it('finds events moved in the global log', () => {
    const log = buildLog();
    [log[1], log[2]] = [
      { ...log[2]!, position: 2 },
      { ...log[1]!, position: 3 },
    ];
    expect(verify(log).problems[0]).toMatchObject({ failure: 'log-chain-broken', position: 2 });
    const unordered = buildLog();
    [unordered[3], unordered[4]] = [unordered[4]!, unordered[3]!];
    expect(verify(unordered).problems.map((problem) => problem.failure)).toContain(
      'log-chain-broken',
    );
  });

  it('reports an undecodable row and resumes the chains after it', () => {
    const log: (RecordedEvent | CorruptEventError)[] = buildLog();
    log[3] = new CorruptEventError(
      { position: 4, streamId: 'case-b', revision: 1 },
      'data is not valid JSON',
    );
    const result = verify(log);
    expect(result.problems).toEqual([
      expect.objectContaining({ failure: 'bad-row', streamId: 'case-b', revision: 1, position: 4 }),
    ]);
    expect(result.eventsChecked).toBe(6);
  });

  it('checks order only for stores without a log chain (KurrentDB)', () => {
    const log = buildLog().map(({ logHash: _logHash, ...event }) => event);
    expect(verify(log).ok).toBe(true);
    [log[1], log[2]] = [log[2]!, log[1]!];
    expect(verify(log).problems[0]).toMatchObject({ failure: 'log-chain-broken', position: 2 });
  });
});
