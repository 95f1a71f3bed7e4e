/**
 * Erasure and the national figures through the paths that need NATS and the projector: the
 * real case service and the real projector share one SQLite store, the projector publishes to
 * a private nats-server, and the test listens to every message on that server (`>`: projection
 * subjects, KV puts, JetStream API traffic). Before and after the erasure of a person, nothing
 * on NATS, in the read models' answers or in any log line carries their personal data; the
 * erased case is published as erased. And the national figures the API serves from the read
 * model agree with the ones it computes straight from the log.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { announceSkip, type NatsServer, startNatsServer, waitFor } from '@casetrail/test-harness';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditEngine, PII_MARKERS, reportBody, startAuditEngine } from './audit-fixture.ts';

const run = promisify(execFile);
// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
type Json = any;

const started = await startNatsServer();
const skipped = 'skipped' in started ? started.skipped : undefined;
if (skipped) announceSkip('audit erasure over NATS', skipped);

describe.skipIf(skipped !== undefined)(
  'erasure and national figures with the projector and NATS',
  () => {
    const server = 'server' in started ? (started.server as NatsServer) : undefined;
    const messages: { subject: string; text: string }[] = [];
    let nc: NatsConnection;
    let engine: AuditEngine;
    const cases: string[] = [];
    let last = 0;

    const caught = (position: number) => engine.projector!.waitForPosition(position, 60_000);
    const published = (caseId: string, test: (data: Json) => boolean) =>
      messages.some((message) => {
        if (message.subject !== `casetrail.projection.case.${caseId}`) return false;
        const event = JSON.parse(message.text);
        return test(event.data);
      });

    beforeAll(async () => {
      nc = await connect({ servers: server!.url });
      const subscription = nc.subscribe('>');
      void (async () => {
        for await (const message of subscription)
          messages.push({ subject: message.subject, text: message.string() });
      })();
      engine = await startAuditEngine({ projector: { natsServers: [server!.url] } });
      engine.setStoreTime('2024-06-01T00:00:00.000Z');
      for (let i = 0; i < 12; i++) {
        const { caseId } = await engine.post(
          'mp-centre',
          '/v1/cases',
          reportBody(i, i < 11 ? 'KH' : 'MM', '2024-05-01T00:00:00Z'),
        );
        cases.push(caseId);
        ({ position: last } = await engine.post('embassy', `/v1/cases/${caseId}/tracking`, {
          location: { country: 'KH' },
          notes: 'PIIMARK note',
        }));
      }
      ({ position: last } = await engine.post('pdrm', `/v1/cases/${cases[0]}/rescue`, {
        country: 'KH',
        rescuedBy: 'pdrm',
      }));
      await caught(last);
    });
    afterAll(async () => {
      await engine?.close();
      await nc?.close();
      await server?.dispose();
    });

    it('serves the read model for "now", agreeing with the figures straight from the log', async () => {
      const fromReadModel = await engine.request('auditor', 'GET', '/v1/stats/national');
      expect(fromReadModel.headers.get('x-casetrail-source')).toBe('read-model');
      const fromLog = await engine.request('auditor', 'GET', '/v1/stats/national?time=occurred');
      expect(fromLog.headers.get('x-casetrail-source')).toBe('log');
      const { time: _a, ...readModel } = fromReadModel.json as Json;
      const { time: _b, ...log } = fromLog.json as Json;
      expect(readModel).toEqual(log);
      expect(readModel.affected).toBe(12);
      expect(readModel.position).toBe(last);
      const farFuture = await engine.request(
        'auditor',
        'GET',
        '/v1/stats/national?asOf=2099-01-01T00:00:00Z',
      );
      expect((farFuture.json as Json).whereabouts).toEqual(readModel.whereabouts);
      // The CLI reads the same read-model file, caught up with the same log.
      const cli = await run('node', ['services/cli/src/main.ts', 'stats', '--json'], {
        cwd: join(import.meta.dirname, '..'),
        env: { ...process.env, CASETRAIL_DATA_DIR: engine.dataDir, CASETRAIL_STORE: '' },
      });
      expect(JSON.parse(cli.stdout)).toEqual(fromReadModel.json);
      const table = await run('node', ['services/cli/src/main.ts', 'stats'], {
        cwd: join(import.meta.dirname, '..'),
        env: { ...process.env, CASETRAIL_DATA_DIR: engine.dataDir, CASETRAIL_STORE: '' },
      });
      expect(table.stdout).toContain('from the read model');
      const publicStats = await engine.request('auditor', 'GET', '/v1/stats/public');
      expect(publicStats.headers.get('x-casetrail-source')).toBe('read-model');
      expect((publicStats.json as Json).affected).toBe(12);
      expect((publicStats.json as Json).whereabouts.rescuedAwaitingReturn).toBeNull();
    });

    it('publishes no personal data before the erasure', async () => {
      await waitFor(() => cases.every((caseId) => published(caseId, () => true)), {
        timeoutMs: 60_000,
        what: 'every case published on NATS',
      });
      expect(messages.some((message) => message.subject.startsWith('$KV.casetrail_stats.'))).toBe(
        true,
      );
      for (const message of messages)
        for (const marker of PII_MARKERS)
          expect(message.text, message.subject).not.toContain(marker);
    });

    it('after the erasure: published as erased, nothing personal anywhere, every chain intact', async () => {
      const erased = cases[0]!;
      engine.setStoreTime('2024-07-01T00:00:00.000Z');
      ({ position: last } = await engine.post('dpo', `/v1/cases/${erased}/erasure`, {
        basis: 'court_order',
      }));
      await caught(last);
      await waitFor(() => published(erased, (data) => data.personalData === 'erased'), {
        timeoutMs: 60_000,
        what: 'the erased case published',
      });
      for (const message of messages)
        for (const marker of PII_MARKERS)
          expect(message.text, message.subject).not.toContain(marker);
      const history = await engine.request('auditor', 'GET', `/v1/cases/${erased}/history`);
      expect((history.json as Json).personalData).toBe('erased');
      const exported = await engine.request('auditor', 'GET', `/v1/cases/${erased}/export`);
      for (const answer of [history, exported])
        for (const marker of PII_MARKERS) expect(answer.text).not.toContain(marker);
      expect(
        (await engine.request('auditor', 'GET', `/v1/cases/${erased}/verification`)).json,
      ).toMatchObject({ ok: true, eventsChecked: 4 });
      const national = (await engine.request('auditor', 'GET', '/v1/stats/national')).json as Json;
      expect(national.affected).toBe(12);
      for (const line of engine.logs)
        for (const marker of PII_MARKERS) expect(line).not.toContain(marker);
    });
  },
);
