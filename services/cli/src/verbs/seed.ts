/**
 * `pnpm casetrail seed --scenario NAME [--seed N]`: records a scenario through a running
 * engine's HTTP API as the agencies would, with a progress bar, then compares the national
 * figures read back from the API with the scenario's checkpoints (seeding/seed-scenario.ts).
 * It never prints personal data.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@casetrail/config';
import { buildScenario, DEFAULT_SEED, isScenarioName, scenarioNames } from '@casetrail/scenarios';
import { formatSeedReport } from '../seeding/format-seed-report.ts';
import { seedScenario } from '../seeding/seed-scenario.ts';
import type { Verb } from '../verb.ts';

const usage = `seed --scenario NAME [--seed N] [--url URL] [--concurrency N] [--json]
seed --list

Records a scenario through the running engine's HTTP API, as the agencies would: several
agencies at once, each officer with its own token (signed with the engine's embedded key
in CASETRAIL_DATA_DIR). Past events carry their business time (occurredAt); the store time
is today. Seeding the same scenario and seed again records nothing new.
  --scenario NAME    ${scenarioNames.join(', ')}
  --seed N           whole number; the same seed tells the same story (default ${DEFAULT_SEED})
  --url URL          the engine (default http://127.0.0.1:$CASETRAIL_HTTP_PORT)
  --concurrency N    cases sent at once (default 16)
  --json             print the result as JSON on stdout (progress stays on stderr)
  --list             list the scenarios and what they hold
Exit codes: 0 seeded and the figures read back match (or the store held other cases before),
1 a command was refused or the figures do not match, 2 bad usage, no engine at the URL, or no embedded key to sign tokens with.`;

export const seedVerb: Verb = {
  name: 'seed',
  summary: 'drive the API as agencies would (e.g. the Parliament scenario)',
  usage,
  async run(args) {
    let values: {
      scenario?: string;
      seed?: string;
      url?: string;
      concurrency?: string;
      json?: boolean;
      list?: boolean;
    };
    try {
      ({ values } = parseArgs({
        args: [...args],
        options: {
          scenario: { type: 'string' },
          seed: { type: 'string' },
          url: { type: 'string' },
          concurrency: { type: 'string' },
          json: { type: 'boolean' },
          list: { type: 'boolean' },
        },
        strict: true,
      }));
    } catch (error) {
      process.stderr.write(
        `casetrail seed: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`,
      );
      return 2;
    }
    if (values.list) {
      const rows = scenarioNames.map((name) => {
        const scenario = buildScenario(name);
        return {
          name,
          cases: scenario.cases,
          commands: scenario.actions.length,
          description: scenario.description,
        };
      });
      process.stdout.write(
        values.json
          ? `${JSON.stringify(rows, null, 2)}\n`
          : `${rows.map((r) => `${r.name.padEnd(16)} ${String(r.cases).padStart(5)} cases ${String(r.commands).padStart(6)} commands  ${r.description}`).join('\n')}\n`,
      );
      return 0;
    }
    const fail = (message: string) => {
      process.stderr.write(`casetrail seed: ${message}\n\n${usage}\n`);
      return 2;
    };
    if (!values.scenario || !isScenarioName(values.scenario)) {
      return fail(`--scenario must be one of ${scenarioNames.join(', ')}`);
    }
    const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
    if (!Number.isSafeInteger(seed)) return fail('--seed must be a whole number');
    const concurrency = values.concurrency === undefined ? 16 : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
      return fail('--concurrency must be a whole number from 1 to 256');
    }
    const config = loadConfig();
    if (config.jwksUrl) {
      return fail(
        'seeding signs demo tokens with the embedded key; CASETRAIL_JWKS_URL is set, so the engine would refuse them',
      );
    }
    const baseUrl = values.url ?? `http://127.0.0.1:${config.httpPort}`;
    const reachable = await fetch(new URL('/healthz', baseUrl)).then(
      (r) => r.ok,
      () => false,
    );
    if (!reachable)
      return fail(`no engine answers at ${baseUrl}; start one with 'pnpm start' (or pass --url)`);
    const report = await seedScenario({
      baseUrl,
      config,
      scenario: buildScenario(values.scenario, seed),
      concurrency,
      progress: { stream: process.stderr },
    });
    process.stdout.write(
      values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSeedReport(report),
    );
    // On a store that held other cases the figures differ by design: that is not a failure.
    const matches = report.checkpoints.every((c) => c.matches);
    return matches || report.eventsBefore !== null ? 0 : 1;
  },
};
