/**
 * Conformance: tamper evidence. Each case edits one stored event behind the store's back (data,
 * metadata, type, order within a stream, order in the global log, removal, a forgery with a
 * recomputed hash, an undecodable row) and expects the verifier to name where, while the
 * untouched streams still verify.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { VerificationFailure } from '../integrity/chain-checks.ts';
import { verifyLog } from '../integrity/verify-log.ts';
import { verifyStream } from '../integrity/verify-stream.ts';
import {
  type ConformanceFixture,
  type ConformanceTarget,
  type TamperKind,
  testEvents,
  uniqueStream,
} from './conformance-target.ts';

type Expectation = {
  kind: TamperKind;
  revision: number;
  /** What verifyStream reports for the tampered stream (undefined: the stream alone verifies). */
  stream: { failure: VerificationFailure; revision: number } | undefined;
  /** Failures verifyLog must report among its problems. */
  log: VerificationFailure[];
};

const cases: Expectation[] = [
  {
    kind: 'data',
    revision: 1,
    stream: { failure: 'hash-mismatch', revision: 1 },
    log: ['hash-mismatch'],
  },
  {
    kind: 'metadata',
    revision: 1,
    stream: { failure: 'hash-mismatch', revision: 1 },
    log: ['hash-mismatch'],
  },
  {
    kind: 'type',
    revision: 2,
    stream: { failure: 'hash-mismatch', revision: 2 },
    log: ['hash-mismatch'],
  },
  {
    kind: 'swap-revisions',
    revision: 1,
    stream: { failure: 'hash-mismatch', revision: 1 },
    log: ['revision-gap'],
  },
  { kind: 'swap-positions', revision: 1, stream: undefined, log: ['log-chain-broken'] },
  {
    kind: 'delete',
    revision: 1,
    stream: { failure: 'revision-gap', revision: 2 },
    log: ['revision-gap', 'log-chain-broken'],
  },
  {
    kind: 'forge-with-hash',
    revision: 1,
    stream: { failure: 'broken-link', revision: 2 },
    log: ['broken-link', 'log-chain-broken'],
  },
  // The last event of a stream has no successor to betray it: only the log chain can.
  { kind: 'forge-with-hash', revision: 3, stream: undefined, log: ['log-chain-broken'] },
  { kind: 'garble', revision: 2, stream: { failure: 'bad-row', revision: 2 }, log: ['bad-row'] },
];

export function tamperCases(target: ConformanceTarget): void {
  let fixture: ConformanceFixture;
  let streams: string[];
  beforeEach(async () => {
    fixture = await target.open();
    streams = [uniqueStream('a'), uniqueStream('b'), uniqueStream('c')];
    // Interleaved, so that neighbours in the global log belong to different streams.
    for (let round = 0; round < 4; round++) {
      for (const streamId of streams) {
        await fixture.store.append(streamId, testEvents(1), { expectedRevision: 'any' });
      }
    }
  });
  afterEach(async () => fixture.dispose());

  it('verifies an untouched log and reports progress', async () => {
    const progress: number[] = [];
    const result = await verifyLog(fixture.store, {
      progressEvery: 5,
      onProgress: ({ eventsChecked }) => progress.push(eventsChecked),
    });
    expect(result).toMatchObject({ ok: true, eventsChecked: 12, streamsChecked: 3, problems: [] });
    expect(result.head?.position).toBe(await fixture.store.headPosition());
    expect(progress).toEqual([5, 10, 12]);
    for (const streamId of streams)
      expect((await verifyStream(fixture.store, streamId)).ok).toBe(true);
  });

  for (const expectation of cases) {
    it(`finds tampering: ${expectation.kind} at revision ${expectation.revision}`, async () => {
      const tamper = target.tamper!;
      const [tampered, other, untouched] = streams as [string, string, string];
      await tamper(
        fixture,
        expectation.kind,
        { streamId: tampered, revision: expectation.revision },
        { streamId: other, revision: expectation.revision },
      );
      const stream = await verifyStream(fixture.store, tampered);
      if (expectation.stream === undefined) {
        expect(stream.ok).toBe(true);
      } else {
        expect(stream.ok).toBe(false);
        expect(stream.problem).toMatchObject({ streamId: tampered, ...expectation.stream });
        expect(stream.problem!.detail).not.toContain('tampered');
      }
      expect((await verifyStream(fixture.store, untouched)).ok).toBe(true);

      const log = await verifyLog(fixture.store);
      expect(log.ok).toBe(false);
      const failures = log.problems.map((problem) => problem.failure);
      for (const failure of expectation.log) expect(failures).toContain(failure);
      const tamperedProblem = log.problems.find(
        (problem) => problem.failure !== 'log-chain-broken' && problem.streamId === tampered,
      );
      if (expectation.log.some((failure) => failure !== 'log-chain-broken')) {
        expect(tamperedProblem).toBeDefined();
      }
      expect(
        log.problems.some(
          (problem) => problem.streamId === untouched && problem.failure !== 'log-chain-broken',
        ),
      ).toBe(false);
    });
  }
}
