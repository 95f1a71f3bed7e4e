/**
 * The case service benchmark (`pnpm casetrail bench`): the same command (a tracking update
 * on one of a few hundred cases) at the same fixed concurrency, once over HTTP against the
 * service in its own process (real load generator: autocannon, keep-alive connections) and
 * once handled in-process (parse, policy, load, decide, seal, append), in one run, each on a
 * fresh SQLite store with the same durability. Reports commands/s and p50/p99 latency, HTTP
 * against in-process. Touches only a temporary directory and loopback.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@casetrail/config';
import { caseCommandRegistry, defaultPolicy } from '@casetrail/domain';
import type { BenchResult } from '@casetrail/event-store';
import autocannon from 'autocannon';
import { loadOrCreateJwtSecret } from '../auth/jwt-secret.ts';
import { mintToken } from '../auth/mint-token.ts';
import { refuseUnlessAllowed } from '../commands/authorize.ts';
import { executeCommand } from '../commands/execute-command.ts';
import { createKeyedMutex } from '../commands/keyed-mutex.ts';
import { parseCommandRequest } from '../commands/parse-command-request.ts';
import { createMetrics } from '../observability/metrics.ts';
import { openCaseServiceDependencies } from '../open-case-service-dependencies.ts';
import { reportBody } from '../testing/command-samples.ts';

export type CaseServiceBenchOptions = {
  /** A few seconds in all (CI smoke runs). */
  readonly quick?: boolean;
  /** Concurrent requests / in-process workers (default 16). */
  readonly connections?: number;
  /** Seconds measured per side, over all rounds (default 12 in 3 alternating rounds; quick: 2 in 1). */
  readonly durationSeconds?: number;
  readonly onProgress?: (message: string) => void;
};

const group = 'case-service';
const trackingBody = JSON.stringify({ location: { country: 'TH', locality: 'Mae Sot' } });
const actor = { agency: 'pdrm' as const, sub: 'bench' };

/** Commands/s, latency percentiles (ms), and CPU time the serving process spent per command. */
type Side = { rate: number; p50: number; p99: number; cpuMs: number };

export async function runCaseServiceBenchmarks(
  options: CaseServiceBenchOptions = {},
): Promise<BenchResult[]> {
  const connections = options.connections ?? 16;
  const rounds = options.quick ? 1 : 3;
  const seconds = (options.durationSeconds ?? (options.quick ? 2 : 12)) / rounds;
  const cases = options.quick ? 50 : 200;
  const progress = options.onProgress ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'casetrail-bench-case-service-'));
  const sides: Bench[] = [];
  try {
    progress(`case service: preparing ${cases} cases on each side`);
    const inProcess = await inProcessBench(join(dir, 'in-process'), cases, connections);
    sides.push(inProcess);
    const http = await httpBench(join(dir, 'http'), cases, connections);
    sides.push(http);
    // Rounds alternate the two sides, so a change in machine load hits both alike.
    const measured: { inProcess: Side[]; http: Side[] } = { inProcess: [], http: [] };
    for (let round = 1; round <= rounds; round += 1) {
      progress(
        `case service: round ${round}/${rounds}, in-process, ${connections} concurrent, ${seconds} s`,
      );
      measured.inProcess.push(await inProcess.run(seconds));
      progress(
        `case service: round ${round}/${rounds}, HTTP (autocannon), ${connections} connections, ${seconds} s`,
      );
      measured.http.push(await http.run(seconds));
    }
    const baseline = `same command in-process, ${connections} concurrent`;
    const figure = (name: string, unit: string, key: keyof Side): BenchResult => {
      const value = median(measured.http.map((side) => side[key]));
      const baselineValue = median(measured.inProcess.map((side) => side[key]));
      return {
        group,
        name,
        unit,
        value: round1(value),
        baseline,
        baselineValue: round1(baselineValue),
        ratio: round1(value / baselineValue, 3),
      };
    };
    return [
      figure(`RecordTracking over HTTP, ${connections} connections`, 'commands/s', 'rate'),
      figure('RecordTracking over HTTP, p50 latency', 'ms', 'p50'),
      figure('RecordTracking over HTTP, p99 latency', 'ms', 'p99'),
      ...(measured.http.some((side) => Number.isNaN(side.cpuMs))
        ? []
        : [
            figure(
              'RecordTracking over HTTP, CPU of the serving process per command',
              'ms',
              'cpuMs',
            ),
          ]),
    ];
  } finally {
    await Promise.allSettled(sides.map((side) => side.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

type Bench = { run(seconds: number): Promise<Side>; close(): Promise<void> };

async function inProcessBench(dataDir: string, cases: number, connections: number): Promise<Bench> {
  const config = loadConfig({
    CASETRAIL_DATA_DIR: dataDir,
    CASETRAIL_STORE: `sqlite:${join(dataDir, 'events.db')}`,
  });
  const deps = await openCaseServiceDependencies(config, { logger: undefined });
  const policy = deps.policy ?? defaultPolicy;
  const context = {
    store: deps.store,
    vault: deps.personalData.vault,
    metrics: createMetrics(),
    now: () => new Date(),
    lock: createKeyedMutex(),
    maxAttempts: 10,
  };
  // The same work the HTTP route does after the bytes arrive: policy, JSON, schema, command.
  const handle = async (
    type: 'ReportCase' | 'RecordTracking',
    caseId: string | undefined,
    text: string,
  ) => {
    if (refuseUnlessAllowed(policy, actor, caseCommandRegistry[type].action))
      throw new Error('refused');
    const parsed = parseCommandRequest(type, JSON.parse(text), caseId ? { caseId } : {});
    if (!parsed.ok) throw new Error('invalid');
    const answer = await executeCommand(context, {
      command: parsed.command,
      ...(caseId ? { caseId } : {}),
      actor,
      correlationId: 'bench',
    });
    if (answer.status >= 300) throw new Error(`command failed: ${answer.status}`);
    return answer;
  };
  const ids: string[] = [];
  for (let i = 0; i < cases; i += 1) {
    ids.push(
      JSON.parse((await handle('ReportCase', undefined, JSON.stringify(reportBody))).body).caseId,
    );
  }
  return {
    run: (seconds) =>
      closedLoop(connections, seconds, (n) =>
        handle('RecordTracking', ids[n % ids.length], trackingBody),
      ),
    close: async () => {
      deps.idempotency.close();
      await Promise.all([deps.store.close(), deps.personalData.close()]);
    },
  };
}

/** `workers` loops doing `task` back to back for `seconds`; latency of each task. */
async function closedLoop(
  workers: number,
  seconds: number,
  task: (n: number) => Promise<unknown>,
): Promise<Side> {
  const latencies: number[] = [];
  let next = 0;
  const warmUntil = performance.now() + 500;
  while (performance.now() < warmUntil) await task(next++);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await task(next++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    rate: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuMs: (cpu.user + cpu.system) / 1000 / latencies.length,
  };
}

async function httpBench(dataDir: string, cases: number, connections: number): Promise<Bench> {
  const main = fileURLToPath(new URL('../main.ts', import.meta.url));
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      CASETRAIL_DATA_DIR: dataDir,
      CASETRAIL_STORE: `sqlite:${join(dataDir, 'events.db')}`,
      CASETRAIL_HTTP_PORT: '0',
      CASETRAIL_LOG_LEVEL: 'info',
      CASETRAIL_JWT_SECRET: '',
      CASETRAIL_JWKS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    child.kill('SIGTERM');
    await stopped;
  };
  try {
    const port = await listeningPort(child.stdout);
    const url = `http://127.0.0.1:${port}`;
    const token = await mintToken({ secret: loadOrCreateJwtSecret(dataDir), ...actor });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const ids: string[] = [];
    for (let i = 0; i < cases; i += 1) {
      const response = await fetch(`${url}/v1/cases`, {
        method: 'POST',
        headers,
        body: JSON.stringify(reportBody),
      });
      ids.push(((await response.json()) as { caseId: string }).caseId);
    }
    let n = 0;
    const request = {
      method: 'POST',
      headers,
      body: trackingBody,
      setupRequest: (req: { path?: string }) => ({
        ...req,
        path: `/v1/cases/${ids[n++ % ids.length]}/tracking`,
      }),
    };
    await autocannon({ url, connections, duration: 0.5, requests: [request] });
    return {
      async run(seconds) {
        const cpuBefore = processCpuMs(child.pid);
        const result = await autocannon({
          url,
          connections,
          duration: seconds,
          requests: [request],
        });
        const cpuMs = (processCpuMs(child.pid) - cpuBefore) / Math.max(1, result['2xx']);
        if (result.non2xx > 0 || result.errors > 0) {
          throw new Error(
            `HTTP benchmark saw ${result.non2xx} non-2xx answers and ${result.errors} errors`,
          );
        }
        return {
          rate: result['2xx'] / result.duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          cpuMs,
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** User + system CPU time of a process in ms, from /proc (Linux); NaN elsewhere. */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

function listeningPort(stdout: NodeJS.ReadableStream | null): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error('the case service did not start within 60 s')),
      60_000,
    );
    stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const port = seen.match(/"msg":"case service listening"[^\n]*"port":(\d+)/)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(Number(port));
      }
      if (seen.length > 100_000) seen = seen.slice(-10_000);
    });
  });
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function round1(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
