/**
 * NATS stopped for a while during a steady load of commands, then started again, end to end:
 * two agencies keep sending commands over real HTTP (the engine must accept every one of them
 * while NATS is away), the projector keeps folding them and its publisher keeps the rows in
 * the outbox; after the restart everything owed is sent. A downstream subscriber that was
 * following all along must then hold exactly the case summaries a fresh rebuild of the log
 * produces (nothing missing, nothing stale), and the projection stream must hold every
 * revision of every case exactly once.
 */
import { isDeepStrictEqual } from 'node:util';
import { reportBody } from '@casetrail/case-service';
import { type CaseSubscriber, type Gap, openCaseSubscriber } from '@casetrail/subscriber';
import { announceSkip, type NatsServer, startNatsServer, waitFor } from '@casetrail/test-harness';
import { Kvm } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type NatsEngine,
  rebuiltCaseSummaries,
  startNatsEngine,
  storedMessages,
} from './nats-fixture.ts';

const started = await startNatsServer();
const skipped = 'skipped' in started ? started.skipped : undefined;
if (skipped) announceSkip('NATS outage end to end', skipped);

/** A steady closed-loop load: each worker sends its next command as soon as one is answered. */
function steadyLoad(engine: NatsEngine, workers: number) {
  const cases: string[] = [];
  const failures: string[] = [];
  let accepted = 0;
  let stopping = false;
  const worker = async (id: number) => {
    for (let i = 0; !stopping; i += 1) {
      const report = cases.length < 4 || i % 5 === 0;
      const caseId = cases[(i * 7 + id * 3) % Math.max(1, cases.length)];
      const answer = report
        ? await engine.service.request('mp-centre', 'POST', '/v1/cases', { body: reportBody })
        : await engine.service.request('embassy', 'POST', `/v1/cases/${caseId}/tracking`, {
            body: {
              location: { country: 'KH', locality: `Sector ${i % 9}` },
              tracedVia: 'embassy',
            },
          });
      if (answer.status >= 300) failures.push(`${answer.status} ${answer.text}`);
      else {
        accepted += 1;
        if (report) cases.push((answer.json as { caseId: string }).caseId);
      }
    }
  };
  const running = Array.from({ length: workers }, (_, id) => worker(id));
  return {
    accepted: () => accepted,
    failures,
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}

describe.skipIf(skipped !== undefined)('NATS stopped and restarted during a steady load', () => {
  const server = 'server' in started ? (started.server as NatsServer) : undefined;
  let engine: NatsEngine;
  let subscriber: CaseSubscriber;
  let nc: NatsConnection | undefined;
  const gaps: Gap[] = [];

  beforeAll(async () => {
    engine = await startNatsEngine(server!.url);
    // The engine's first publication creates the buckets and stream a subscriber needs.
    await engine.post('mp-centre', '/v1/cases', reportBody);
    await engine.caughtUp();
    // Default options on purpose: what a downstream team would write.
    subscriber = await openCaseSubscriber({
      servers: server!.url,
      onGap: (gap) => void gaps.push(gap),
    });
  });
  afterAll(async () => {
    await subscriber?.close();
    await nc?.close();
    await engine?.close();
    await server?.dispose();
  });

  it('ends with the subscriber holding exactly what a fresh rebuild produces', async () => {
    const load = steadyLoad(engine, 2);
    const publisher = () => engine.projector.status().publisher;
    try {
      await waitFor(() => load.accepted() >= 30 && subscriber.cases.size >= 5, {
        timeoutMs: 60_000,
        what: 'the load under way and followed live',
      });
      await server!.stop();
      const beforeOutage = load.accepted();
      // The outage is real: the publisher lost NATS and holds rows back, the engine serves on.
      await waitFor(
        () =>
          publisher()?.connected === false &&
          (publisher()?.pending ?? 0) > 0 &&
          !subscriber.status().connected &&
          load.accepted() >= beforeOutage + 40,
        { timeoutMs: 60_000, what: '40 commands accepted while NATS is down' },
      );
      expect(load.failures).toEqual([]);
      await server!.start();
      const afterRestart = load.accepted();
      await waitFor(() => load.accepted() >= afterRestart + 20, {
        timeoutMs: 60_000,
        what: 'the load going on after the restart',
      });
    } finally {
      await load.stop();
    }
    expect(load.failures).toEqual([]);
    await engine.caughtUp(120_000);

    const rebuilt = await rebuiltCaseSummaries(engine.service.store);
    await waitFor(() => isDeepStrictEqual(new Map(subscriber.cases), rebuilt), {
      timeoutMs: 60_000,
      what: "the subscriber's state to equal a fresh rebuild",
    }).catch(() => undefined); // the assertion below says what differs
    expect(new Map(subscriber.cases)).toEqual(rebuilt);
    expect(rebuilt.size).toBeGreaterThanOrEqual(5);
    expect(gaps.map((gap) => gap.kind)).toContain('reconnect');
    expect(subscriber.status().connected).toBe(true);
  });

  it('keeps every revision of every case on the stream exactly once, and KV equal to the rebuild', async () => {
    nc = await connect({ servers: server!.url });
    const messages = await storedMessages(nc, 'CASETRAIL_PROJECTIONS');
    const rebuilt = await rebuiltCaseSummaries(engine.service.store);
    const revisions = new Map<string, number[]>();
    const ids = new Set<string>();
    for (const message of messages) {
      if (!message.subject.startsWith('casetrail.projection.case.')) continue;
      const event = message.json() as { id: string; data: { caseId: string; revision: number } };
      ids.add(event.id);
      revisions.set(event.data.caseId, [
        ...(revisions.get(event.data.caseId) ?? []),
        event.data.revision,
      ]);
    }
    expect([...revisions.keys()].sort()).toEqual([...rebuilt.keys()].sort());
    for (const [caseId, summary] of rebuilt) {
      expect(revisions.get(caseId), caseId).toEqual(
        Array.from({ length: summary.revision + 1 }, (_, revision) => revision),
      );
    }
    const caseMessages = [...revisions.values()].reduce((sum, list) => sum + list.length, 0);
    expect(ids.size).toBe(caseMessages);

    const kv = await new Kvm(nc).open('casetrail_cases');
    for (const [caseId, summary] of rebuilt)
      expect((await kv.get(caseId))?.json()).toEqual(summary);
  });
});
