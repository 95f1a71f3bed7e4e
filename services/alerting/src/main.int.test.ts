import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  announceSkip,
  type NatsServer,
  startNatsServer,
  type TempDir,
  tempDir,
  waitFor,
} from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSummary, startTestFeed, type TestFeed } from './alerting-test-kit.ts';

const started = await startNatsServer();
if ('skipped' in started) announceSkip('alerting main.ts', started.skipped);
const server: NatsServer | undefined = 'server' in started ? started.server : undefined;

type Running = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
};

function runMain(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'main.ts')], {
    env: { ...process.env, CASETRAIL_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    err += String(chunk);
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

describe.skipIf(!server)('the alerting service as its own process', () => {
  let dir: TempDir;
  let feed: TestFeed;
  beforeAll(async () => {
    dir = tempDir('casetrail-alerting-main-');
    feed = startTestFeed(server!.url, `${dir.path}/outbox.db`);
  });
  afterAll(async () => {
    await feed?.stop();
    await server?.dispose();
    dir?.remove();
  });

  it('stops at start-up on a bad CASETRAIL_STALE_DAYS, naming it, with nothing on stdout', async () => {
    const run = runMain({ NATS_URL: server!.url, CASETRAIL_STALE_DAYS: '0' });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('CASETRAIL_STALE_DAYS: must be at least 1 day');
    expect(run.stdout()).toBe('');
  });

  it('waits for NATS, then prints raised and cleared alerts as JSON lines; SIGTERM ends it', async () => {
    await feed.publish([caseSummary('P1', 0, '2024-01-01T00:00:00.000Z')]);
    await server!.stop();
    const run = runMain({ NATS_URL: server!.url, CASETRAIL_STALE_DAYS: '3' });
    try {
      await waitFor(() => run.stderr().includes('retrying'), {
        timeoutMs: 30_000,
        what: 'the service saying it retries',
      });
      await server!.start();
      await waitFor(() => run.stdout().includes('"state":"raised"'), {
        timeoutMs: 30_000,
        what: 'the raised alert on stdout',
      });
      expect(lines(run.stdout())).toEqual([
        expect.objectContaining({ state: 'raised', id: 'stale-case.P1.0', staleDays: 3 }),
      ]);
      await feed.publish([caseSummary('P1', 1, new Date().toISOString())]);
      await waitFor(() => run.stdout().includes('"state":"cleared"'), {
        timeoutMs: 30_000,
        what: 'the cleared alert on stdout',
      });
      expect(lines(run.stdout()).map((alert) => `${alert.state} ${alert.id}`)).toEqual([
        'raised stale-case.P1.0',
        'cleared stale-case.P1.0',
      ]);
      // stderr is the log: JSON lines, none of them an alert.
      const logs = lines(run.stderr());
      expect(logs.map((line) => line.service)).toEqual(logs.map(() => 'casetrail-alerting'));
      expect(logs.some((line) => line.message === 'alerting ready')).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain('alerting stopped');
  });
});
