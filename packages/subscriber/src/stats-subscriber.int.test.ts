import {
  announceSkip,
  type NatsServer,
  startNatsServer,
  tempDir,
  waitFor,
} from '@casetrail/test-harness';
import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import type { StatsDocument } from './projection-documents.ts';
import { openStatsSubscriber, type StatsUpdate } from './stats-subscriber.ts';
import { startTestPublisher } from './subscriber-test-kit.ts';

const started = await startNatsServer();
if ('skipped' in started) announceSkip('stats subscriber', started.skipped);
const server: NatsServer | undefined = 'server' in started ? started.server : undefined;

const national = (position: number) => ({ position, affected: position * 3, tracked: position });
const publicFigures = (position: number) => ({
  position,
  affected: position < 11 ? null : position,
});

describe.skipIf(!server)('openStatsSubscriber', () => {
  const dir = tempDir('casetrail-stats-');
  afterAll(async () => {
    await server?.dispose();
    dir.remove();
  });

  it('takes a snapshot, follows updates, and survives a NATS restart', async () => {
    const producer = startTestPublisher(server!.url, `${dir.path}/outbox.db`);
    try {
      await producer.publish([
        { kind: 'stats', key: 'national', document: national(1) },
        { kind: 'stats', key: 'public', document: publicFigures(1) },
      ]);
      let snapshot: Map<string, StatsDocument> | undefined;
      const updates: StatsUpdate[] = [];
      const subscriber = await openStatsSubscriber({
        servers: server!.url,
        reconnectTimeWaitMs: 100,
        onSnapshot: (stats) => {
          snapshot = new Map(stats);
        },
        onUpdate: (update) => void updates.push(update),
      });
      expect(snapshot).toEqual(
        new Map([
          ['national', national(1)],
          ['public', publicFigures(1)],
        ]),
      );

      await producer.publish([{ kind: 'stats', key: 'national', document: national(2) }]);
      await waitFor(() => subscriber.stats.get('national')?.position === 2, {
        timeoutMs: 20_000,
        what: 'national 2',
      });
      expect(updates).toEqual([{ key: 'national', document: national(2), previous: national(1) }]);

      await server!.stop();
      await waitFor(() => !subscriber.status().connected, {
        timeoutMs: 20_000,
        what: 'the disconnect',
      });
      producer.enqueue([
        { kind: 'stats', key: 'national', document: national(12) },
        { kind: 'stats', key: 'public', document: publicFigures(12) },
      ]);
      await server!.start();
      await waitFor(
        () =>
          subscriber.stats.get('national')?.position === 12 &&
          subscriber.stats.get('public')?.position === 12,
        { timeoutMs: 30_000, what: 'the figures published after the restart' },
      );
      expect(new Map(subscriber.stats)).toEqual(
        new Map([
          ['national', national(12)],
          ['public', publicFigures(12)],
        ]),
      );
      expect(subscriber.status().connected).toBe(true);

      // Figures never go backwards, even if an older value reaches KV.
      const nc = await connect({ servers: server!.url });
      const kv = await new Kvm(nc).open('casetrail_stats');
      await kv.put('national', JSON.stringify(national(5)));
      await kv.put('public', JSON.stringify(publicFigures(13)));
      await waitFor(() => subscriber.stats.get('public')?.position === 13, {
        timeoutMs: 20_000,
        what: 'public 13',
      });
      expect(subscriber.stats.get('national')).toEqual(national(12));
      expect(updates.map((update) => update.document.position)).not.toContain(5);
      await subscriber.close();
      await nc.close();
    } finally {
      await producer.stop();
    }
  });
});
