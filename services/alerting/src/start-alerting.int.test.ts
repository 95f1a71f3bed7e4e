import { SubscriberUnavailableError } from '@casetrail/subscriber';
import {
  announceSkip,
  freePort,
  type NatsServer,
  startNatsServer,
  type TempDir,
  tempDir,
  waitFor,
} from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertingOptionsInvalidError } from './alerting-errors.ts';
import type { Alerting } from './alerting-options.ts';
import { caseSummary, recordingSink, startTestFeed, type TestFeed } from './alerting-test-kit.ts';
import { startAlerting } from './start-alerting.ts';

const started = await startNatsServer();
if ('skipped' in started) announceSkip('alerting service', started.skipped);
const server: NatsServer | undefined = 'server' in started ? started.server : undefined;

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.parse('2025-03-01T00:00:00.000Z') + n * DAY);
const iso = (n: number) => day(n).toISOString();

describe.skipIf(!server)('startAlerting against a real nats-server and publisher', () => {
  let dir: TempDir;
  let feed: TestFeed;
  let clock = day(0);
  const seen = recordingSink();
  let alerting: Alerting;
  const states = () => seen.received.map((alert) => `${alert.state} ${alert.id}`);

  beforeAll(async () => {
    dir = tempDir('casetrail-alerting-');
    feed = startTestFeed(server!.url, `${dir.path}/outbox.db`);
    await feed.publish([
      caseSummary('OLD', 0, iso(-40)),
      caseSummary('OLD', 1, iso(-35), { whereabouts: 'rescued' }),
      caseSummary('FRESH', 0, iso(-1)),
      caseSummary('HOME', 2, iso(-90), { whereabouts: 'repatriated' }),
    ]);
    alerting = await startAlerting({
      servers: server!.url,
      staleDays: 30,
      now: () => clock,
      sink: seen.sink,
      write: seen.write,
      logger: seen.logger,
      checkIntervalMs: 50,
      idleWaitMs: 1_000,
    });
  });
  afterAll(async () => {
    await alerting?.close();
    await feed?.stop();
    await server?.dispose();
    dir?.remove();
  });

  it('raises the stale active cases of the snapshot at once, as JSON lines and to the sink', () => {
    expect(states()).toEqual(['raised stale-case.OLD.1']);
    expect(seen.received[0]).toEqual({
      alert: 'stale-case',
      state: 'raised',
      id: 'stale-case.OLD.1',
      caseId: 'OLD',
      revision: 1,
      whereabouts: 'rescued',
      legal: 'none',
      leadAgency: 'embassy',
      lastKnownCountry: 'KH',
      updatedAt: iso(-35),
      daysWithoutUpdate: 35,
      staleDays: 30,
      at: iso(0),
    });
    expect(seen.lines.map((line) => JSON.parse(line))).toEqual(seen.received);
    expect(seen.lines.every((line) => line.endsWith('}\n'))).toBe(true);
    expect(alerting.status()).toMatchObject({ watched: 3, openAlerts: 1, raised: 1, cleared: 0 });
  });

  it('raises a case that becomes stale as the clock passes, on its own timer', async () => {
    clock = day(28.5);
    await waitFor(() => alerting.status().lastEvaluationAt === iso(28.5), {
      what: 'an evaluation',
    });
    expect(states()).toEqual(['raised stale-case.OLD.1']);
    clock = day(29.5);
    await waitFor(() => seen.received.length === 2, { what: 'FRESH raised by the timer' });
    expect(seen.received[1]).toMatchObject({ id: 'stale-case.FRESH.0', daysWithoutUpdate: 30 });
    expect(alerting.alerts().map((alert) => alert.caseId)).toEqual(['OLD', 'FRESH']);
  });

  it('clears the alert when the case moves, and does not raise it again while it is fresh', async () => {
    await feed.publish([caseSummary('OLD', 2, iso(29.5), { whereabouts: 'repatriated' })]);
    await waitFor(() => seen.received.length === 3, { what: 'OLD cleared' });
    expect(seen.received[2]).toEqual({
      alert: 'stale-case',
      state: 'cleared',
      id: 'stale-case.OLD.1',
      caseId: 'OLD',
      revision: 2,
      reason: 'moved',
      at: iso(29.5),
    });
    clock = day(200); // repatriated: not active, never stale
    await waitFor(() => alerting.status().lastEvaluationAt === iso(200), { what: 'an evaluation' });
    expect(alerting.alerts().map((alert) => alert.caseId)).toEqual(['FRESH']);
  });

  it('keeps raising to the log and the line when the sink fails, naming only the error', async () => {
    const failing = recordingSink();
    const second = await startAlerting({
      servers: server!.url,
      staleDays: 30,
      now: () => day(200),
      sink: () => {
        throw new TypeError('sink broke on FRESH');
      },
      write: failing.write,
      logger: failing.logger,
    });
    await second.close();
    expect(failing.lines.map((line) => JSON.parse(line).id)).toEqual(['stale-case.FRESH.0']);
    const errors = failing.logs.filter((line) => line.includes('"level":"error"'));
    expect(errors).toEqual([
      JSON.stringify({
        level: 'error',
        message: 'alert sink failed',
        alert: 'stale-case.FRESH.0',
        error: 'TypeError',
      }),
    ]);
  });

  it('follows through a NATS outage: a move published meanwhile clears the alert', async () => {
    await server!.stop();
    await waitFor(() => !alerting.status().connected, { what: 'the outage noticed' });
    feed.enqueue([caseSummary('FRESH', 1, iso(200))]);
    expect(feed.pending()).toBe(1);
    await server!.start();
    await waitFor(() => alerting.alerts().length === 0, {
      timeoutMs: 30_000,
      what: 'FRESH cleared after the outage',
    });
    expect(seen.received.at(-1)).toMatchObject({
      state: 'cleared',
      id: 'stale-case.FRESH.0',
      revision: 1,
      reason: 'moved',
    });
    expect(alerting.status().subscriber.gaps).toBeGreaterThanOrEqual(1);
    expect(alerting.status()).toMatchObject({ connected: true, raised: 2, cleared: 2 });
  });

  it('refuses bad options before connecting, and an unreachable NATS at start', async () => {
    await expect(startAlerting({ servers: server!.url, staleDays: 0 })).rejects.toThrow(
      AlertingOptionsInvalidError,
    );
    const nobody = `nats://127.0.0.1:${await freePort()}`;
    await expect(startAlerting({ servers: nobody, staleDays: 30 })).rejects.toThrow(
      SubscriberUnavailableError,
    );
  });
});
