/**
 * The projector's outbox drained to a real, private nats-server: every case change arrives
 * on its subject as a CloudEvent and in the KV bucket, in revision order, the statistics
 * documents too, and nothing marked personal ever crosses the wire.
 */
import { join } from 'node:path';
import { type EventStore, openSqliteEventStore } from '@casetrail/event-store';
import {
  announceSkip,
  startNatsServer,
  type TempDir,
  tempDir,
  waitFor,
} from '@casetrail/test-harness';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PII_MARKER } from './bench/synthetic-cases.ts';
import { writeSyntheticLog } from './bench/write-synthetic-log.ts';
import { readCaseSummary } from './queries/read-queries.ts';
import { startProjector } from './start-projector.ts';

const nats = await startNatsServer();
const skipped = 'skipped' in nats ? nats.skipped : undefined;
if (skipped) announceSkip('projector publication to NATS', skipped);

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe.skipIf(skipped !== undefined)(
  `projector publishes to NATS${skipped ? ` (skipped: ${skipped})` : ''}`,
  () => {
    let dir: TempDir;
    let store: EventStore;
    let nc: NatsConnection;
    const messages: { subject: string; text: string; msgId: string | undefined }[] = [];

    beforeAll(async () => {
      if (!('server' in nats)) return;
      dir = tempDir('casetrail-publish-');
      store = await openSqliteEventStore({ path: join(dir.path, 'events.db') });
      nc = await connect({ servers: nats.server.url });
      const subscription = nc.subscribe('>');
      (async () => {
        for await (const message of subscription) {
          messages.push({
            subject: message.subject,
            text: message.string(),
            msgId: message.headers?.get('Nats-Msg-Id'),
          });
        }
      })();
    });
    afterAll(async () => {
      if (!('server' in nats)) return;
      await nc.close();
      await store.close();
      await nats.server.dispose();
      dir.remove();
    });

    it('announces each case change and the statistics, without personal data', async () => {
      if (!('server' in nats)) return;
      await writeSyntheticLog(store, { events: 400, seed: 61, interleave: 10 });
      const projector = await startProjector({
        store,
        dataDir: join(dir.path, 'data'),
        natsServers: [nats.server.url],
        logger: quiet,
      });
      try {
        await writeSyntheticLog(store, { events: 100, seed: 62, interleave: 3 });
        const head = (await store.headPosition()) as number;
        await projector.waitForPosition(head);
        let last: { caseId: string; revision: number } | undefined;
        for await (const event of store.readAll({ afterPosition: head - 1 })) {
          last = { caseId: event.streamId.slice('case-'.length), revision: event.revision };
        }
        const target = last as { caseId: string; revision: number };
        await waitFor(
          () =>
            messages.some(
              (message) =>
                message.subject === `casetrail.projection.case.${target.caseId}` &&
                JSON.parse(message.text).data.revision === target.revision,
            ) &&
            messages.some(
              (message) =>
                message.subject === `$KV.casetrail_cases.${target.caseId}` &&
                JSON.parse(message.text).revision === target.revision,
            ) &&
            messages.some(
              (message) =>
                message.subject === 'casetrail.projection.stats.national' &&
                JSON.parse(message.text).data.position === head,
            ),
          { timeoutMs: 30_000, what: 'the last case change and statistics on NATS' },
        );
        expect(projector.status().publisher).toMatchObject({ connected: true, rejected: 0 });

        const cloudEvent = JSON.parse(
          messages.findLast(
            (message) => message.subject === `casetrail.projection.case.${target.caseId}`,
          )?.text as string,
        );
        expect(cloudEvent).toMatchObject({
          specversion: '1.0',
          source: 'urn:casetrail:projector',
          subject: target.caseId,
          datacontenttype: 'application/json',
          data: readCaseSummary(projector.readModels, target.caseId),
        });

        // Per case, revisions arrive in order on the subject, one message per revision.
        const revisions = new Map<string, number[]>();
        for (const message of messages.filter((m) =>
          m.subject.startsWith('casetrail.projection.case.'),
        )) {
          const { subject, data } = JSON.parse(message.text);
          revisions.set(subject, [...(revisions.get(subject) ?? []), data.revision]);
          expect(message.msgId).toBe(JSON.parse(message.text).id);
        }
        for (const list of revisions.values()) expect(list).toEqual(list.map((_, index) => index));

        expect(messages.some((message) => message.subject === '$KV.casetrail_stats.public')).toBe(
          true,
        );
        for (const message of messages) expect(message.text).not.toContain(PII_MARKER);
      } finally {
        await projector.stop();
      }
    });
  },
);
