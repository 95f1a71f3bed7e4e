/**
 * `pnpm casetrail seed` as a user runs it: a real engine (`casetrail start`) as a child
 * process on a free port, then `seed --scenario small --json` in another process. The
 * figures it reads back must match the scenario's checkpoints; seeding again records nothing
 * new; bad usage and a missing engine are exit 2 with a message, never a stack trace.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, type TempDir, tempDir, waitFor } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));

describe('casetrail seed', () => {
  let dir: TempDir;
  let engine: ChildProcess;
  let url: string;
  let env: NodeJS.ProcessEnv;
  let output = '';

  const seed = (...args: string[]) =>
    spawnSync(process.execPath, [cli, 'seed', ...args], {
      env,
      encoding: 'utf8',
      timeout: 240_000,
    });

  beforeAll(async () => {
    dir = tempDir('casetrail-seed-');
    env = {
      ...process.env,
      CASETRAIL_DATA_DIR: dir.path,
      CASETRAIL_HTTP_PORT: '0',
      CASETRAIL_STORE: '',
      CASETRAIL_JWT_SECRET: '',
      CASETRAIL_JWKS_URL: '',
      // Nothing listens there: the engine must say so and serve anyway.
      NATS_URL: `nats://127.0.0.1:${await freePort()}`,
      CASETRAIL_LOG_LEVEL: 'warn',
    };
    engine = spawn(process.execPath, [cli, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    engine.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    url = await waitFor(() => output.match(/listening on (http:\/\/\S+) /)?.[1], {
      timeoutMs: 60_000,
      what: 'the engine to listen',
    });
  });

  afterAll(async () => {
    if (engine && engine.exitCode === null) {
      const exited = new Promise((resolve) => engine.once('exit', resolve));
      engine.kill('SIGINT');
      await exited;
    }
    dir?.remove();
  });

  it('says clearly that NATS is not reachable, and serves anyway', () => {
    expect(output).toMatch(
      /NATS is NOT reachable at nats:\/\/127\.0\.0\.1:\d+: the engine serves anyway/,
    );
  });

  it('records a scenario and reads back exactly its figures', () => {
    const run = seed('--scenario', 'small', '--url', url, '--json');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ scenario: 'small', seed: 2024, eventsBefore: null });
    expect(report.checkpoints.map((c: { matches: boolean }) => c.matches)).toEqual([true, true]);
    expect(report.checkpoints[1].actual).toEqual({
      affected: 40,
      returnedHome: 26,
      rescuedAwaitingReturn: 2,
      beingTracked: 12,
      prosecuted: 2,
    });
    expect(run.stderr).toMatch(/seeding small .*100%/);
  });

  it('records nothing new when the same scenario and seed are seeded again, and says the table', () => {
    const run = seed('--scenario', 'small', '--url', url);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('read back from the API ✓');
    expect(run.stdout).toMatch(/Small district, 29 October 2024: expected\s+40\s+26\s+2\s+12\s+2/);
    expect(run.stdout).not.toContain('✗');
  });

  it.each([
    [
      ['--scenario', 'atlantis'],
      /--scenario must be one of parliament-2024, parliament-2022, small/,
    ],
    [['--scenario', 'small', '--seed', 'x'], /--seed must be a whole number/],
    [['--scenario', 'small', '--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with exit 2 and says why', (args, message) => {
    const run = seed(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 when no engine answers at the URL', async () => {
    const run = seed('--scenario', 'small', '--url', `http://127.0.0.1:${await freePort()}`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no engine answers at/);
  });

  it('lists the scenarios', () => {
    const run = seed('--list', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).map((s: { name: string }) => s.name)).toEqual([
      'parliament-2024',
      'parliament-2022',
      'small',
    ]);
  });
});
