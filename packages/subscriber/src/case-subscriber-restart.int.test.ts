import { isDeepStrictEqual } from 'node:util';
import {
  announceSkip,
  freePort,
  type NatsServer,
  startNatsServer,
  tempDir,
  waitFor,
} from '@casetrail/test-harness';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { openCaseSubscriber } from './case-subscriber.ts';
import type { Gap } from './case-subscriber-options.ts';
import { openStatsSubscriber } from './stats-subscriber.ts';
import { SubscriberUnavailableError } from './subscriber-errors.ts';
import { caseUpdate, kvCases, startTestPublisher } from './subscriber-test-kit.ts';

const started = await startNatsServer();
if ('skipped' in started) announceSkip('case subscriber restart', started.skipped);
const server: NatsServer | undefined = 'server' in started ? started.server : undefined;

describe.skipIf(!server)('openCaseSubscriber across NATS outages', () => {
  const dir = tempDir('casetrail-subscriber-restart-');
  afterAll(async () => {
    await server?.dispose();
    dir.remove();
  });

  it('refuses to open, clearly, when NATS is unreachable or nothing was published yet', async () => {
    const nowhere = `nats://127.0.0.1:${await freePort()}`;
    await expect(openCaseSubscriber({ servers: nowhere })).rejects.toThrow(
      SubscriberUnavailableError,
    );
    await expect(openCaseSubscriber({ servers: server!.url })).rejects.toThrow(
      /is CASETRAIL_PROJECTIONS \/ casetrail_cases created/,
    );
    await expect(openStatsSubscriber({ servers: server!.url })).rejects.toThrow(
      /is casetrail_stats created/,
    );
    await expect(openCaseSubscriber({ servers: 'localhost:4222' })).rejects.toThrow(
      'invalid subscriber options: servers.0: must look like nats://host:port',
    );
  });

  it('survives a NATS restart, repairs, and ends with exactly the KV state', async () => {
    const producer = startTestPublisher(server!.url, `${dir.path}/outbox.db`);
    const gaps: Gap[] = [];
    try {
      await producer.publish([caseUpdate('K1', 0), caseUpdate('K2', 0), caseUpdate('K1', 1)]);
      const subscriber = await openCaseSubscriber({
        servers: server!.url,
        reconnectTimeWaitMs: 100,
        onGap: (gap) => void gaps.push(gap),
      });
      await producer.publish([caseUpdate('K2', 1)]);
      await waitFor(() => subscriber.cases.get('K2')?.revision === 1, {
        timeoutMs: 20_000,
        what: 'K2 live',
      });

      await server!.stop();
      await waitFor(() => !subscriber.status().connected, {
        timeoutMs: 20_000,
        what: 'the subscriber to notice',
      });
      // The engine goes on recording while NATS is away; the outbox keeps what it owes.
      producer.enqueue([caseUpdate('K1', 2), caseUpdate('K3', 0), caseUpdate('K2', 2)]);
      await server!.start();
      await waitFor(() => producer.publisher.status().pending === 0, {
        timeoutMs: 30_000,
        what: 'the publisher to catch up',
      });
      producer.enqueue([caseUpdate('K3', 1)]);

      const nc = await connect({ servers: server!.url });
      await waitFor(() => producer.publisher.status().pending === 0, {
        timeoutMs: 20_000,
        what: 'K3 revision 1',
      });
      const expected = await kvCases(nc);
      expect([...expected.keys()].sort()).toEqual(['K1', 'K2', 'K3']);
      await waitFor(() => isDeepStrictEqual(new Map(subscriber.cases), expected), {
        timeoutMs: 30_000,
        what: 'the subscriber to hold exactly the KV state',
      });
      expect(new Map(subscriber.cases)).toEqual(expected);
      expect(gaps).toContainEqual({ kind: 'reconnect' });
      expect(subscriber.status()).toMatchObject({ connected: true });
      await subscriber.close();
      await nc.close();
    } finally {
      await producer.stop();
    }
  });
});
