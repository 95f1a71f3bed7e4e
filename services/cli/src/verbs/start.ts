/**
 * `pnpm casetrail start [--demo]`: the embedded all-in-one engine (case service, projector,
 * publisher, dashboard and its live feed) on the SQLite store in CASETRAIL_DATA_DIR. Prints
 * where to look; with --demo on an empty store it records the demo scenario through its own
 * API first. Shuts down gracefully on Ctrl-C / SIGTERM. Never prints secrets or personal data.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@casetrail/config';
import { buildScenario, DEFAULT_SEED, isScenarioName, scenarioNames } from '@casetrail/scenarios';
import { natsReachability } from '../engine/nats-reachability.ts';
import { type Engine, startEngine } from '../engine/start-engine.ts';
import { type SeedReport, seedScenario } from '../seeding/seed-scenario.ts';
import type { Verb } from '../verb.ts';

const DEMO_SCENARIO = 'parliament-2024';

const usage = `start [--demo [--scenario NAME] [--seed N]]

Runs the all-in-one engine on the embedded SQLite store in CASETRAIL_DATA_DIR (default ./data),
on CASETRAIL_HTTP_PORT (default 8080; 0 = any free port): the command API, the projectors, the
publisher to NATS (NATS_URL, used when reachable) and the dashboard. Stop with Ctrl-C:
requests in flight finish first.
  --demo           when the store is empty, record the demo scenario through the API (each
                   agency with its own token), and offer demo sign-in on the dashboard to
                   browsers on this machine
  --scenario NAME  the scenario --demo loads: ${scenarioNames.join(', ')} (default ${DEMO_SCENARIO})
  --seed N         its seed (default ${DEFAULT_SEED})
Exit codes: 0 stopped cleanly, 1 failed while running or the demo could not be loaded,
2 bad usage or configuration.`;

const say = (line: string) => process.stdout.write(`casetrail: ${line}\n`);

export const startVerb: Verb = {
  name: 'start',
  summary: 'the embedded all-in-one engine (--demo: with the demo scenario loaded)',
  usage,
  async run(args) {
    let values: { demo?: boolean; scenario?: string; seed?: string };
    try {
      ({ values } = parseArgs({
        args: [...args],
        strict: true,
        options: {
          demo: { type: 'boolean' },
          scenario: { type: 'string' },
          seed: { type: 'string' },
        },
      }));
    } catch (error) {
      return usageError(error instanceof Error ? error.message : String(error));
    }
    const scenarioName = values.scenario ?? DEMO_SCENARIO;
    if (!isScenarioName(scenarioName))
      return usageError(`--scenario must be one of ${scenarioNames.join(', ')}`);
    const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
    if (!Number.isSafeInteger(seed)) return usageError('--seed must be a whole number');
    if ((values.scenario || values.seed) && !values.demo)
      return usageError('--scenario and --seed go with --demo');

    const config = loadConfig();
    const nats = await natsReachability(config.natsServers);
    const engine = await startEngine({ config, demoSignIn: values.demo === true });
    say(`engine listening on ${engine.url} (port ${engine.port}); data in ${config.dataDir}`);
    say(
      nats.reachable
        ? `NATS at ${nats.server}: reachable; read models are published to it (KV casetrail_cases, casetrail_stats; stream CASETRAIL_PROJECTIONS)`
        : `NATS is NOT reachable at ${nats.server}: the engine serves anyway; read-model updates wait in the outbox and are published once NATS is back`,
    );
    const watch = watchNats(engine);
    printWhereToLook(engine, values.demo === true && !config.jwksUrl);

    let exitCode = 0;
    const stopSignal = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    if (values.demo) {
      if (engine.headAtStart !== undefined) {
        say(
          `--demo: the store already holds events (up to position ${engine.headAtStart}); the demo is not loaded again. Point CASETRAIL_DATA_DIR at an empty directory to start afresh; to finish an interrupted demo, run 'pnpm casetrail seed --scenario ${scenarioName}' while the engine runs (it records only what is missing).`,
        );
      } else if (config.jwksUrl) {
        say(
          '--demo: CASETRAIL_JWKS_URL is set, so the engine cannot sign demo tokens; the demo is not loaded.',
        );
        exitCode = 1;
      } else {
        const loaded = await Promise.race([
          loadDemo(engine, config, scenarioName, seed),
          stopSignal.then(() => undefined),
        ]);
        if (loaded === undefined) exitCode = 0;
        else if (!loaded.ok) exitCode = 1;
      }
    }
    const signal = await stopSignal;
    clearInterval(watch);
    say(`${signal}: finishing requests in flight, then closing the store`);
    await engine.close();
    return exitCode;
  },
};

async function loadDemo(
  engine: Engine,
  config: ReturnType<typeof loadConfig>,
  name: string,
  seed: number,
) {
  const scenario = buildScenario(name as Parameters<typeof buildScenario>[0], seed);
  say(
    `--demo: recording the ${scenario.name} scenario (seed ${seed}) through the API: ${scenario.actions.length} commands, ${scenario.cases} cases; watch the dashboard fill up`,
  );
  let report: SeedReport;
  try {
    report = await seedScenario({
      baseUrl: engine.url,
      config,
      scenario,
      progress: { stream: process.stderr },
    });
    await engine.caughtUp();
  } catch (error) {
    say(`--demo: loading failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false };
  }
  say(`--demo: loaded in ${(report.elapsedMs / 1000).toFixed(0)}s`);
  for (const c of report.checkpoints) {
    const a = c.actual;
    say(
      `  ${c.matches ? '✓' : '✗'} ${c.label}: ${a.affected} affected, ${a.returnedHome} returned home, ${a.rescuedAwaitingReturn} rescued awaiting return, ${a.beingTracked} being tracked${c.expected.prosecuted === undefined ? '' : `, ${a.prosecuted} prosecuted`}`,
    );
  }
  say(`demo ready: open ${engine.dashboardUrl}`);
  return { ok: report.checkpoints.every((c) => c.matches) };
}

function printWhereToLook(engine: Engine, demoSignIn: boolean): void {
  const asOf = encodeURIComponent('2024-10-29T23:59:59+08:00');
  process.stdout.write(
    [
      '',
      'Where to look:',
      `  dashboard   ${engine.dashboardUrl}${demoSignIn ? '   (demo sign-in: pick an agency)' : '   (sign in with a token, see below)'}`,
      `  API         ${engine.url}/v1/...   (OpenAPI: ${engine.url}/openapi.json; health: /healthz, /readyz, /metrics)`,
      `  live feed   ${engine.url}/v1/live   (server-sent events, bearer token)`,
      '  a token     pnpm casetrail token --agency pdrm        (agencies: wisma-putra embassy pdrm mapo immigration ag-chambers mp-centre auditor dpo)',
      `  try         curl -H "Authorization: Bearer $(pnpm -s casetrail token --agency mapo)" "${engine.url}/v1/stats/national?asOf=${asOf}&time=occurred"`,
      `  logs        ${engine.logFile}   (JSON lines; warnings also here on stderr)`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

/** Says when the publisher's NATS connection comes or goes, so an outage is never silent. */
function watchNats(engine: Engine): NodeJS.Timeout {
  let connected = false;
  const timer = setInterval(() => {
    const now = engine.natsConnected();
    if (now === connected) return;
    connected = now;
    say(
      now
        ? 'NATS connected: publishing what the outbox holds'
        : 'NATS connection lost: read-model updates wait in the outbox until it is back',
    );
  }, 2_000);
  timer.unref();
  return timer;
}

function usageError(message: string): number {
  process.stderr.write(`casetrail start: ${message}\n\nusage: pnpm casetrail ${usage}\n`);
  return 2;
}
