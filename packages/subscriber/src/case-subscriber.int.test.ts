import {
  announceSkip,
  type NatsServer,
  startNatsServer,
  type TempDir,
  tempDir,
  waitFor,
} from '@casetrail/test-harness';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseSubscriber } from './case-subscriber.ts';
import type { CaseUpdate, Gap } from './case-subscriber-options.ts';
import type { CaseDocument } from './projection-documents.ts';
import {
  caseDoc,
  caseUpdate,
  gate,
  kvCases,
  startTestPublisher,
  type TestPublisher,
} from './subscriber-test-kit.ts';

const started = await startNatsServer();
if ('skipped' in started) announceSkip('case subscriber', started.skipped);
const server: NatsServer | undefined = 'server' in started ? started.server : undefined;

describe.skipIf(!server)('openCaseSubscriber against a real nats-server and publisher', () => {
  let dir: TempDir;
  let nc: NatsConnection;
  let producer: TestPublisher;
  beforeAll(async () => {
    dir = tempDir('casetrail-subscriber-');
    nc = await connect({ servers: server!.url });
    producer = startTestPublisher(server!.url, `${dir.path}/outbox.db`);
  });
  afterAll(async () => {
    await producer?.stop();
    await nc?.close();
    await server?.dispose();
    dir?.remove();
  });

  function recorder() {
    const updates: CaseUpdate[] = [];
    const gaps: Gap[] = [];
    return {
      updates,
      gaps,
      onUpdate: (u: CaseUpdate) => void updates.push(u),
      onGap: (g: Gap) => void gaps.push(g),
    };
  }

  it('takes a snapshot, then follows live updates in order', async () => {
    await producer.publish([caseUpdate('A', 0), caseUpdate('A', 1), caseUpdate('B', 0)]);
    let snapshot: Map<string, CaseDocument> | undefined;
    const seen = recorder();
    const subscriber = await openCaseSubscriber({
      servers: server!.url,
      ...seen,
      onSnapshot: (cases) => {
        snapshot = new Map(cases);
      },
    });
    expect(snapshot).toEqual(
      new Map([
        ['A', caseDoc('A', 1)],
        ['B', caseDoc('B', 0)],
      ]),
    );

    await producer.publish([caseUpdate('B', 1), caseUpdate('C', 0), caseUpdate('A', 2)]);
    await waitFor(() => subscriber.cases.get('A')?.revision === 2, {
      timeoutMs: 20_000,
      what: 'A at revision 2',
    });
    expect(seen.updates.map((u) => [u.caseId, u.document?.revision, u.cause])).toEqual([
      ['B', 1, 'live'],
      ['C', 0, 'live'],
      ['A', 2, 'live'],
    ]);
    expect(seen.updates[0]!.previous).toEqual(caseDoc('B', 0));
    expect(seen.gaps).toEqual([]);
    expect(new Map(subscriber.cases)).toEqual(await kvCases(nc));
    await subscriber.close();
  });

  it('detects a revision that jumps and repairs the case from KV', async () => {
    await producer.publish([caseUpdate('R', 0)]);
    const seen = recorder();
    const subscriber = await openCaseSubscriber({ servers: server!.url, ...seen });
    expect(subscriber.cases.get('R')).toEqual(caseDoc('R', 0));

    // Revisions 1..3 reached KV, but only revision 2 reached the stream.
    const kv = await new Kvm(nc).open('casetrail_cases');
    for (const revision of [1, 2, 3]) await kv.put('R', JSON.stringify(caseDoc('R', revision)));
    const event = { specversion: '1.0', id: 'r2', source: 'urn:test', type: 't', subject: 'R' };
    await jetstream(nc).publish(
      'casetrail.projection.case.R',
      JSON.stringify({ ...event, data: caseDoc('R', 2) }),
    );

    await waitFor(() => subscriber.status().repairs === 1, {
      timeoutMs: 20_000,
      what: 'the repair',
    });
    expect(seen.gaps).toEqual([
      { kind: 'revision', caseId: 'R', expected: 1, received: 2, sequence: expect.any(Number) },
    ]);
    // Revision 3 was never on the stream: only a KV read can have brought it.
    expect(subscriber.cases.get('R')).toEqual(caseDoc('R', 3));
    expect(seen.updates.map((u) => [u.caseId, u.document?.revision, u.cause])).toEqual([
      ['R', 3, 'repair'],
    ]);
    await subscriber.close();
  });

  it('detects a stream message that went missing and repairs from KV', async () => {
    const blocked = gate();
    const entered = gate();
    const seen = recorder();
    const subscriber = await openCaseSubscriber({
      servers: server!.url,
      onGap: seen.onGap,
      onUpdate: async (update) => {
        seen.onUpdate(update);
        if (update.caseId === 'GATE') {
          entered.open();
          await blocked.wait; // nothing more is pulled from the stream meanwhile
        }
      },
    });
    await producer.publish([caseUpdate('GATE', 0)]);
    await entered.wait;
    await producer.publish([caseUpdate('LOST', 0), caseUpdate('AFTER', 0)]);
    const jsm = await jetstream(nc).jetstreamManager();
    const lost = await jsm.streams.getMessage('CASETRAIL_PROJECTIONS', {
      last_by_subj: 'casetrail.projection.case.LOST',
    });
    await jsm.streams.deleteMessage('CASETRAIL_PROJECTIONS', lost!.seq);
    blocked.open();

    await waitFor(() => subscriber.cases.get('AFTER'), {
      timeoutMs: 20_000,
      what: 'the message after the gap',
    });
    expect(seen.gaps).toEqual([{ kind: 'sequence', expected: lost!.seq, received: lost!.seq + 1 }]);
    expect(subscriber.cases.get('LOST')).toEqual(caseDoc('LOST', 0));
    expect(seen.updates.find((u) => u.caseId === 'LOST')?.cause).toBe('repair');
    expect(new Map(subscriber.cases)).toEqual(await kvCases(nc));
    await subscriber.close();
  });

  it('reports an unreadable message as a gap, never applies it, and repairs that case', async () => {
    const seen = recorder();
    const subscriber = await openCaseSubscriber({ servers: server!.url, ...seen });
    await jetstream(nc).publish('casetrail.projection.case.A', '{"specversion":"1.0","data":7}');
    await waitFor(() => seen.gaps.length === 1, { timeoutMs: 20_000, what: 'the invalid message' });
    expect(seen.gaps[0]).toMatchObject({
      kind: 'invalid-message',
      subject: 'casetrail.projection.case.A',
    });
    expect(subscriber.cases.get('A')).toEqual(caseDoc('A', 2));
    await subscriber.close();
  });
});
