import {
  announceSkip,
  type NatsServer,
  startNatsServer,
  type TempDir,
  tempDir,
  waitFor,
} from '@casetrail/test-harness';
import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { NatsNames } from './nats-names.ts';
import type { OutboxMessage } from './outbox-message.ts';
import { createDenyListFilter } from './publication-filter.ts';
import {
  capturingLogger,
  caseMessage,
  enqueueAll,
  openOutboxDb,
  streamMessages,
} from './publication-test-kit.ts';
import { startPublisher } from './publisher.ts';

const started = await startNatsServer();
if ('skipped' in started) announceSkip('publication outage', started.skipped);
const server: NatsServer | undefined = 'server' in started ? started.server : undefined;

describe.skipIf(!server)('publisher while NATS is away', () => {
  const dir: TempDir = tempDir('casetrail-outage-');
  afterAll(async () => {
    await server?.dispose();
    dir.remove();
  });

  it('keeps serving, reports the outage, and publishes everything owed in order once back', async () => {
    const db = openOutboxDb(`${dir.path}/outbox.db`);
    // NATS is down before the publisher even starts.
    await server!.stop();
    const publisher = startPublisher({
      db,
      servers: server!.url,
      source: 'urn:casetrail:test',
      filter: createDenyListFilter(['fullName']),
      logger: capturingLogger(),
      pollIntervalMs: 50,
      retry: { initialMs: 50, maxMs: 500 },
      reconnectTimeWaitMs: 100,
      timeoutMs: 1_000,
    });
    try {
      // Interleaved updates of three cases, enqueued in several transactions, plus statistics.
      const owed: OutboxMessage[] = [];
      for (let revision = 0; revision < 5; revision += 1) {
        const batch = ['CASE-1', 'CASE-2', 'CASE-3'].map((id) => caseMessage(id, revision));
        enqueueAll(db, [
          ...batch,
          { kind: 'stats', key: 'national', document: { position: revision } },
        ]);
        owed.push(...batch);
      }
      await waitFor(() => publisher.status().lastError, {
        timeoutMs: 20_000,
        what: 'the outage to be reported',
      });
      expect(publisher.status()).toMatchObject({ connected: false, pending: 20 });

      await server!.start();
      await waitFor(() => publisher.status().pending === 0, {
        timeoutMs: 30_000,
        what: 'everything owed to be published',
      });
      expect(publisher.status()).toMatchObject({ connected: true, lastError: undefined });

      const nc = await connect({ servers: server!.url });
      const messages = await streamMessages(nc);
      for (const caseId of ['CASE-1', 'CASE-2', 'CASE-3']) {
        const revisions = messages
          .filter((message) => message.subject === `casetrail.projection.case.${caseId}`)
          .map((message) => message.json<{ data: { revision: number } }>().data.revision);
        expect(revisions).toEqual([0, 1, 2, 3, 4]);
      }
      // Statistics waiting behind each other are coalesced: only the latest is worth sending.
      const national = messages.filter((message) => message.subject.endsWith('stats.national'));
      expect(national.map((message) => message.json<{ data: unknown }>().data)).toEqual([
        { position: 4 },
      ]);
      const cases = await new Kvm(nc).open(NatsNames.casesBucket);
      expect((await cases.get('CASE-2'))?.json()).toEqual(caseMessage('CASE-2', 4).document);

      // A second outage, this time while connected: the client reconnects on its own.
      await server!.stop();
      await waitFor(() => !publisher.status().connected, {
        timeoutMs: 20_000,
        what: 'the disconnect to be seen',
      });
      expect(publisher.status().lastError).toMatch(/disconnected/);
      enqueueAll(db, [caseMessage('CASE-1', 5), caseMessage('CASE-1', 6)]);
      await server!.start();
      await waitFor(() => publisher.status().pending === 0, {
        timeoutMs: 30_000,
        what: 'the rows enqueued during the second outage',
      });
      const nc2 = await connect({ servers: server!.url });
      const after = (await streamMessages(nc2))
        .filter((message) => message.subject === 'casetrail.projection.case.CASE-1')
        .map((message) => message.json<{ data: { revision: number } }>().data.revision);
      expect(after).toEqual([0, 1, 2, 3, 4, 5, 6]);
      await nc.close().catch(() => undefined);
      await nc2.close();
    } finally {
      await publisher.stop();
      db.close();
    }
  });
});
