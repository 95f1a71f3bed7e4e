/**
 * Seeding a running engine: drives a scenario through its HTTP API (each officer with its own
 * token, signed with the embedded key), then reads the national figures back from the API at
 * each checkpoint. Shared by `casetrail seed` and `casetrail start --demo`. It never prints
 * personal data: the synthetic names and numbers go only into request bodies.
 */
import { loadOrCreateJwtSecret, mintToken } from '@casetrail/case-service';
import type { Config } from '@casetrail/config';
import { clientSenders, driveScenario, type Scenario } from '@casetrail/scenarios';
import { progressBar } from '../progress-bar.ts';

export type CheckpointReading = {
  readonly label: string;
  readonly asOf: string;
  readonly expected: Figures;
  readonly actual: Figures;
  readonly matches: boolean;
};

export type Figures = {
  readonly affected: number;
  readonly returnedHome: number;
  readonly rescuedAwaitingReturn: number;
  readonly beingTracked: number;
  readonly prosecuted?: number;
};

export type SeedReport = {
  readonly scenario: string;
  readonly seed: number;
  readonly actions: number;
  readonly cases: number;
  readonly elapsedMs: number;
  /** Store position the live figures reflected before seeding (null: empty store). */
  readonly eventsBefore: number | null;
  readonly checkpoints: readonly CheckpointReading[];
};

export type SeedOptions = {
  readonly baseUrl: string;
  readonly config: Config;
  readonly scenario: Scenario;
  readonly concurrency?: number;
  /** Where the progress bar goes; silent when omitted. */
  readonly progress?: { readonly stream: NodeJS.WriteStream; readonly silent?: boolean };
};

/** Seeds and reads the figures back; shared by this verb and `start --demo`. */
export async function seedScenario(options: SeedOptions): Promise<SeedReport> {
  const { config, scenario } = options;
  const secret = loadOrCreateJwtSecret(config.dataDir, config.jwtSecret);
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (agency: string, sub: string) => {
    const key = `${agency}/${sub}`;
    const token = tokens.get(key) ?? mintToken({ secret, agency, sub, ttl: '2h' });
    tokens.set(key, token);
    return token;
  };
  const reader = await tokenFor('mapo', 'seed-check');
  const before = await nationalSummary(options.baseUrl, reader);
  const bar = progressBar({
    label: `seeding ${scenario.name}`,
    total: scenario.actions.length,
    unit: 'commands',
    stream: options.progress?.stream ?? process.stderr,
    silent: options.progress === undefined || options.progress.silent === true,
  });
  const result = await driveScenario(scenario, {
    senderFor: clientSenders(options.baseUrl, tokenFor),
    concurrency: options.concurrency ?? 16,
    onProgress: (done) => bar.update(done),
  });
  bar.finish(`${scenario.cases} cases`);
  const checkpoints: CheckpointReading[] = [];
  for (const checkpoint of scenario.checkpoints) {
    const actual = await figuresAt(options.baseUrl, reader, checkpoint.asOf);
    const expected = {
      affected: checkpoint.affected,
      returnedHome: checkpoint.returnedHome,
      rescuedAwaitingReturn: checkpoint.rescuedAwaitingReturn,
      beingTracked: checkpoint.beingTracked,
      ...(checkpoint.prosecuted === undefined ? {} : { prosecuted: checkpoint.prosecuted }),
    };
    const matches = Object.entries(expected).every(
      ([key, value]) => actual[key as keyof Figures] === value,
    );
    checkpoints.push({ label: checkpoint.label, asOf: checkpoint.asOf, expected, actual, matches });
  }
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    actions: result.actions,
    cases: result.caseIds.size,
    elapsedMs: Math.round(result.elapsedMs),
    eventsBefore: before.position,
    checkpoints,
  };
}

type SummaryFigures = {
  readonly position: number | null;
  readonly affected: number;
  readonly whereabouts: {
    returnedHome: number;
    rescuedAwaitingReturn: number;
    beingTracked: number;
  };
  readonly legal: { prosecuted: number };
};

/** GET /v1/stats/national: live, or as of a business time. */
async function nationalSummary(
  baseUrl: string,
  token: string,
  asOf?: string,
): Promise<SummaryFigures> {
  const url = new URL('/v1/stats/national', baseUrl);
  if (asOf !== undefined) {
    url.searchParams.set('asOf', asOf);
    url.searchParams.set('time', 'occurred');
  }
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 401) {
    throw new Error(
      'the engine refused the demo tokens: is it running on this CASETRAIL_DATA_DIR (same embedded key)?',
    );
  }
  if (!response.ok) throw new Error(`reading the national summary: HTTP ${response.status}`);
  return (await response.json()) as SummaryFigures;
}

async function figuresAt(baseUrl: string, token: string, asOf: string): Promise<Figures> {
  const summary = await nationalSummary(baseUrl, token, asOf);
  return {
    affected: summary.affected,
    returnedHome: summary.whereabouts.returnedHome,
    rescuedAwaitingReturn: summary.whereabouts.rescuedAwaitingReturn,
    beingTracked: summary.whereabouts.beingTracked,
    prosecuted: summary.legal.prosecuted,
  };
}
